using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Publications;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Publications;

/// <summary>公开目录清单: exactly the documents published in the period, in .xlsx, .docx and on the page, with counts by issuer and type.</summary>
public sealed class CatalogListingTests
{
    private const string Government = "清单测试区人民政府";
    private const string Office = "清单测试区人民政府办公室";

    [Fact]
    public async Task The_listing_holds_exactly_the_documents_published_in_the_period_and_counts_them_by_issuer()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var child = await app.NewAgencyAsync(agency.Id);
        var staff = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agency.Id));
        var tag = Guid.NewGuid().ToString("N")[..6];
        PublicationRecord Doc(string title, string? published, string issuer = Government, PublicationType type = PublicationType.NormativeDocument,
            DisclosureAttribute attribute = DisclosureAttribute.Proactive, int? agencyId = null) =>
            CatalogDocuments.Document(agencyId ?? agency.Id, $"{title}{tag}", published, issuer, type, attribute);
        var inside = new[]
        {
            Doc("一月一日的规范性文件", "2024-01-01"),
            Doc("一月中的规范性文件", "2024-01-15"),
            Doc("一月末的其他文件", "2024-01-31", type: PublicationType.Other),
            Doc("办公室一月的文件", "2024-01-20", issuer: Office),
        };
        var outside = new[]
        {
            Doc("起草中的文件", null),
            Doc("去年底的文件", "2023-12-31"),
            Doc("二月初的文件", "2024-02-01"),
            Doc("依申请公开的文件", "2024-01-10", attribute: DisclosureAttribute.OnRequest),
            Doc("下级机关的文件", "2024-01-10", agencyId: child.Id),
        };
        await app.SaveAsync([.. inside, .. outside]);
        const string query = "/admin/publications/listing?from=2024-01-01&to=2024-01-31&agency=";

        var xlsx = await staff.GetAsync($"{query}{agency.Id}&handler=xlsx");
        var docx = await staff.GetAsync($"{query}{agency.Id}&handler=docx");
        var html = await staff.GetStringAsync($"{query}{agency.Id}");
        var withChild = await staff.GetStringAsync($"{query}{agency.Id}&subtree=true");
        var workbook = await xlsx.Content.ReadAsByteArrayAsync();
        var listed = Spreadsheet.ReadXlsx(new MemoryStream(workbook));
        var counts = SheetRows(workbook, "统计");
        var docxText = Documents.DocxFullText(await docx.Content.ReadAsByteArrayAsync());

        Assert.Equal("公开目录清单-2024-01-01至2024-01-31.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("公开目录清单-2024-01-01至2024-01-31.docx", docx.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(["序号", "索引号", "标题", "文号", "发文机关", "成文日期", "发布日期", "类别", "文件类型", "有效性"], listed[1]);
        Assert.Equal(inside.Select(d => d.Title).Order(), listed.Skip(2).Select(r => r[2]).Order());
        Assert.Equal(["1", "2", "3", "4"], listed.Skip(2).Select(r => r[0]));
        Assert.Equal(inside[0].IndexNumber, listed[2][1]);
        foreach (var document in inside)
        {
            Assert.Contains(document.Title, docxText);
            Assert.Contains(document.Title, html);
        }

        foreach (var document in outside)
        {
            Assert.DoesNotContain(document.Title, docxText);
            Assert.DoesNotContain(document.Title, html);
        }

        // Independent count of what was written above: three in the government's name, one in its office's.
        Assert.Contains([Government, "3"], counts);
        Assert.Contains([Office, "1"], counts);
        Assert.Contains(["行政规范性文件", "3"], counts);
        Assert.Contains(["其他文件", "1"], counts);
        Assert.Contains(["规章", "0"], counts);
        Assert.Contains($"{Government} | 3", docxText);
        Assert.Contains($"{Office} | 1", docxText);
        Assert.Contains("合计 | 4", docxText);
        Assert.Contains($"<tr><th scope=\"row\">{Government}</th><td>3</td></tr>", html);
        Assert.Contains($"<tr><th scope=\"row\">{Office}</th><td>1</td></tr>", html);
        Assert.Contains(outside[^1].Title, withChild);
        Assert.Contains("目录清单，共 5 件", withChild);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_and_other_agencies_are_out_of_reach()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var other = await app.NewAgencyAsync(null);
        var staff = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, agency.Id));

        var backwards = await staff.GetStringAsync($"/admin/publications/listing?agency={agency.Id}&from=2024-02-01&to=2024-01-01");
        var foreign = await staff.GetAsync($"/admin/publications/listing?agency={other.Id}&from=2024-01-01&to=2024-01-31&handler=xlsx");

        Assert.Contains("开始日期不能晚于结束日期。", backwards);
        Assert.True(foreign.IsRedirectTo("/admin/access-denied"));
    }

    /// <summary>The rows of the named worksheet as text (numbers as written), for sheets other than the first.</summary>
    private static List<List<string>> SheetRows(byte[] workbook, string name)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var part = document.WorkbookPart!;
        var sheet = part.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var worksheet = (WorksheetPart)part.GetPartById(sheet.Id!);
        return worksheet.Worksheet!.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList())
            .ToList();
    }
}

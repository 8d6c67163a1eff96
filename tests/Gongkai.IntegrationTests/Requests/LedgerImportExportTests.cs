using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Requests;

public sealed partial class LedgerImportExportTests
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string name)
    {
        var page = await client.GetStringAsync("/admin/requests/import");
        var token = Token().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" } };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "Upload", name);
        return await client.PostAsync("/admin/requests/import", form);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_historic_xlsx_ledger_is_imported_and_counted_without_writing_notices(Db db)
    {
        var app = GongkaiApp.For(db);
        var agency = await app.NewAgencyAsync((await app.AgencyAsync("示例区人民政府")).Id);
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agency.Id));
        var file = Spreadsheet.Write(new Spreadsheet.Sheet("台账", [
            HistoricCase.Columns,
            [agency.CreditCode, "自然人", "李雷", "当面提交", "2023-03-01", "2022 年道路维修计划", "予以公开", "2023-03-20", "", "", ""],
            [agency.CreditCode, "商业企业", "示例公司", "互联网", "2023/12/20", "招标文件", "属于国家秘密", "2024-01-05", "涉密", "", ""],
            [agency.CreditCode, "自然人", "韩梅梅", "平信", "2023-12-28", "补贴名单", "", "", "", "", "13900001111"],
        ]));

        var response = await UploadAsync(clerk, file, "台账.xlsx");
        var ledger2023 = await clerk.GetStringAsync($"/admin/requests/ledger?year=2023&agency={agency.Id}");

        Assert.True(response.IsRedirectTo("/admin/requests/ledger"), await response.Content.ReadAsStringAsync());
        var records = await app.WithDbAsync(d => d.Requests.AsNoTracking().Include(r => r.Events).Where(r => r.AgencyId == agency.Id).OrderBy(r => r.ReceivedOn).ToListAsync());
        Assert.Equal(3, records.Count);
        Assert.Equal([RequestStatus.Archived, RequestStatus.Archived, RequestStatus.Processing], records.Select(r => r.Status).ToList());
        Assert.Equal(Outcome.WithheldStateSecret, records[1].Outcome);
        Assert.All(records, r => Assert.Contains("\"Imported\":true", r.Events.OrderBy(e => e.Sequence).First().Json, StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(d => d.RequestNotices.CountAsync(n => records.Select(r => r.Id).Contains(n.RequestId))));
        var ledger = await app.WithDbAsync(d => Gongkai.Infrastructure.Requests.LedgerQuery.BuildAsync(d, [agency.Id], 2023));
        Assert.Equal(3, ledger.NewThisYear());
        Assert.Equal(1, ledger.Decided());
        Assert.Equal(2, ledger.CarriedOut());
        Assert.Contains("年度台账", ledger2023);
    }

    [Fact]
    public async Task A_csv_with_any_bad_row_imports_nothing_and_names_every_bad_row()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync((await app.AgencyAsync("示例区人民政府")).Id);
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agency.Id));
        var csv = string.Join("\r\n",
            string.Join(",", HistoricCase.Columns),
            $"{agency.CreditCode},自然人,张三,当面提交,2023-03-01,\"预算表,2023\",予以公开,2023-03-10,,,",
            $"{agency.CreditCode},外星人,李四,当面提交,2023-03-02,文件,予以公开,2023-03-10,,,",
            $"{agency.CreditCode},自然人,王五,当面提交,2023-03-05,文件,予以公开,2023-03-01,,,",
            $"91440300192203821X,自然人,赵六,飞鸽传书,2023-13-01,文件,,,,,");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(csv);

        var response = await UploadAsync(clerk, bytes, "台账.csv");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("未导入任何数据", html);
        Assert.Contains("第 3 行：申请人类型“外星人”无效", html);
        Assert.Contains("第 4 行：答复日期早于收到申请日期", html);
        Assert.Contains("第 5 行：", html);
        Assert.Contains("申请渠道“飞鸽传书”无效", html);
        Assert.Contains("收到申请日期“2023-13-01”不是日期", html);
        Assert.DoesNotContain("第 2 行", html);
        Assert.Equal(0, await app.WithDbAsync(d => d.Requests.CountAsync(r => r.AgencyId == agency.Id)));
    }

    [Fact]
    public async Task A_wrong_header_is_refused()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, (await app.AgencyAsync("示例区人民政府办公室")).Id));

        var response = await UploadAsync(clerk, Encoding.UTF8.GetBytes("姓名,日期\n张三,2023-01-01\n"), "x.csv");

        Assert.Contains("第一行应为表头", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_ledger_exports_to_xlsx_with_personal_data_masked_for_supervisors()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync((await app.AgencyAsync("示例区人民政府")).Id);
        var year = Gongkai.Infrastructure.Requests.ChinaDate.Today(TimeProvider.System).Year;
        await app.NewRequestAsync(agency.Id, "导出测试");
        var supervisor = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, agency.Id));
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agency.Id));

        var masked = await supervisor.GetAsync($"/admin/requests/ledger?handler=Export&year={year}&agency={agency.Id}");
        var full = await clerk.GetByteArrayAsync($"/admin/requests/ledger?handler=Export&year={year}&agency={agency.Id}");
        var maskedRows = ReadSheets(await masked.Content.ReadAsByteArrayAsync());
        var fullRows = ReadSheets(full);

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", masked.Content.Headers.ContentType?.MediaType);
        Assert.Contains(maskedRows, r => r.Count > 0 && r[0] == "一、本年新收" && r[^1] == "1");
        Assert.Contains(maskedRows, r => r.Contains("导出测试") && r.Contains("138********") && !r.Contains("13800138000"));
        Assert.Contains(fullRows, r => r.Contains("导出测试") && r.Contains("13800138000") && r.Contains("11010519491231002X"));
    }

    private static List<List<string>> ReadSheets(byte[] xlsx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return document.WorkbookPart!.WorksheetParts
            .SelectMany(p => p.Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>())
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList())
            .ToList();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Publications;

/// <summary>
/// 公开目录清单: the catalog documents published in a period (proactive, status published, 发布日期 within it), with
/// counts by issuer and by type, as an .xlsx and a .docx to file or hand to the supervising office.
/// </summary>
public sealed record CatalogListing(string AgencyName, DateOnly From, DateOnly To, IReadOnlyList<PublicationRecord> Documents)
{
    public static readonly string[] Columns = ["序号", "索引号", "标题", "文号", "发文机关", "成文日期", "发布日期", "类别", "文件类型", "有效性"];

    private static readonly double[] Widths = [5, 18, 40, 16, 16, 11, 11, 10, 10, 8];

    public static async Task<CatalogListing> LoadAsync(GongkaiDbContext db, string agencyName, IReadOnlyCollection<int> agencyIds, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var ids = agencyIds.ToList();
        var documents = await db.Publications.AsNoTracking()
            .Where(p => ids.Contains(p.AgencyId) && p.Status == PublicationStatus.Published && p.Attribute == DisclosureAttribute.Proactive
                && p.PublishedOn >= from && p.PublishedOn <= to)
            .OrderBy(p => p.PublishedOn).ThenBy(p => p.IndexNumber)
            .ToListAsync(ct);
        return new CatalogListing(agencyName, from, to, documents);
    }

    public string Period => $"{D(From)}至{D(To)}";

    public string Title => $"{AgencyName}政府信息公开目录清单（{GazetteIssue.ChineseDate(From)}至{GazetteIssue.ChineseDate(To)}）";

    /// <summary>公开目录清单-2024-01-01至2024-01-31.xlsx.</summary>
    public string FileName(string extension) => $"公开目录清单-{Period}{extension}";

    /// <summary>Documents by 发文机关, most first (e.g. those in the government's name and those in its office's).</summary>
    public IReadOnlyList<(string Label, int Count)> ByIssuer =>
        Documents.GroupBy(d => d.Issuer.Trim()).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    /// <summary>Documents by type, every type listed.</summary>
    public IReadOnlyList<(string Label, int Count)> ByType =>
        Enum.GetValues<PublicationType>().Select(t => (PublicationStore.TypeName(t), Documents.Count(d => d.Type == t))).ToList();

    /// <summary>The counts the listing closes with: by issuer, then by type.</summary>
    public IReadOnlyList<(string Heading, IReadOnlyList<(string Label, int Count)> Counts)> Summaries => [("发文机关", ByIssuer), ("文件类型", ByType)];

    public IReadOnlyList<string> Cells(int index)
    {
        var d = Documents[index];
        return [(index + 1).ToString(CultureInfo.InvariantCulture), d.IndexNumber, d.Title, d.DocumentNumber ?? "", d.Issuer, D(d.WrittenOn),
            d.PublishedOn is { } p ? D(p) : "", d.Category ?? "", PublicationStore.TypeName(d.Type), d.ValidityLabel];
    }

    public Grid ListGrid() => new(null, Columns.Length, Widths,
        [Columns.Select(c => new GridCell(c, Header: true, Scope: "col")).ToList()],
        Documents.Select((_, i) => (IReadOnlyList<GridCell>)Cells(i).Select(c => new GridCell(c)).ToList()).ToList());

    public Grid CountGrid(string heading, IReadOnlyList<(string Label, int Count)> counts) => new(null, 2, [3, 1],
        [[new GridCell(heading, Header: true, Scope: "col"), new GridCell("件数", Header: true, Scope: "col")]],
        counts.Select(c => (IReadOnlyList<GridCell>)[new GridCell(c.Label, Header: true, Scope: "row"), new GridCell(Number(c.Count), Number: c.Count)])
            .Append([new GridCell("合计", Header: true, Scope: "row"), new GridCell(Number(Documents.Count), Number: Documents.Count)]).ToList());

    public byte[] Xlsx()
    {
        var list = new List<IReadOnlyList<object?>> { new object?[] { Title }, Columns };
        list.AddRange(Documents.Select((_, i) => (IReadOnlyList<object?>)Cells(i).Select((c, column) => column == 0 ? (object)(i + 1) : c).ToList()));
        var summary = new List<IReadOnlyList<object?>> { new object?[] { Title }, Array.Empty<object?>() };
        foreach (var (heading, counts) in Summaries)
        {
            summary.Add(new object?[] { heading, "件数" });
            summary.AddRange(counts.Select(c => (IReadOnlyList<object?>)[c.Label, c.Count]));
            summary.Add(new object?[] { "合计", Documents.Count });
            summary.Add(Array.Empty<object?>());
        }

        return Spreadsheet.Write(
            new Spreadsheet.Sheet("清单", list, [$"A1:{Spreadsheet.ColumnName(Columns.Length - 1)}1"], Widths.Select(w => w * 1.6).ToList()),
            new Spreadsheet.Sheet("统计", summary, null, [30, 10]));
    }

    /// <summary>A landscape A4 .docx: the title, the counts, then the listing.</summary>
    public byte[] Docx()
    {
        const int pageWidth = 16838;
        const int margin = 1440;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            document.PackageProperties.Title = Title;
            document.PackageProperties.Creator = AgencyName;
            document.PackageProperties.Language = "zh-CN";
            ReportDocx.AddFontTable(main);
            var body = new Body();
            body.Append(ReportDocx.Paragraph(Title, 36, ReportDocx.TitleFont, JustificationValues.Center, line: 600));
            body.Append(ReportDocx.Paragraph($"共 {Documents.Count} 件", 28, ReportDocx.BodyFont, JustificationValues.Center));
            foreach (var (heading, counts) in Summaries)
            {
                body.Append(ReportDocx.Paragraph($"按{heading}统计", 28, ReportDocx.HeadingFont, keepNext: true));
                body.Append(ReportDocx.Table(CountGrid(heading, counts), (pageWidth - (2 * margin)) / 2));
            }

            body.Append(ReportDocx.Paragraph("目录清单", 28, ReportDocx.HeadingFont, keepNext: true));
            body.Append(ReportDocx.Table(ListGrid(), pageWidth - (2 * margin)));
            body.Append(new SectionProperties(
                new PageSize { Width = pageWidth, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = margin, Bottom = margin, Left = margin, Right = margin, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

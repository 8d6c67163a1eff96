using System.Text;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.AnnualReports;

/// <summary>
/// Every export of one fixed report, read back by real readers and compared with golden files
/// (AnnualReports/Golden/*.txt). After an intended change, regenerate them with GONGKAI_UPDATE_GOLDEN=1 and review
/// the diff.
/// </summary>
public sealed partial class ReportExportTests
{
    private static readonly string GoldenFolder = Path.Combine(Documents.RepositoryRoot(), "tests", "Gongkai.IntegrationTests", "AnnualReports", "Golden");

    /// <summary>A 2024 report of a district government, built from a small ledger (no database).</summary>
    public static AnnualReportModel Sample(ReportStage stage = ReportStage.Published, int year = 2024)
    {
        var facts = new List<LedgerFact>();
        long id = 0;
        void Add(int count, ApplicantType type, string received, string? decided, Outcome? outcome)
        {
            for (var i = 0; i < count; i++)
            {
                facts.Add(new LedgerFact(++id, type, DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture),
                    decided is null ? null : DateOnly.Parse(decided, System.Globalization.CultureInfo.InvariantCulture), outcome));
            }
        }

        string Y(string date) => (int.Parse(date[..4], System.Globalization.CultureInfo.InvariantCulture) + year - 2024).ToString(System.Globalization.CultureInfo.InvariantCulture) + date[4..];
        Add(12, ApplicantType.NaturalPerson, Y("2024-03-01"), Y("2024-03-20"), Outcome.Disclosed);
        Add(5, ApplicantType.NaturalPerson, Y("2024-04-01"), Y("2024-04-22"), Outcome.PartiallyDisclosed);
        Add(3, ApplicantType.NaturalPerson, Y("2024-05-01"), Y("2024-05-28"), Outcome.UnavailableNotHeld);
        Add(2, ApplicantType.Business, Y("2024-06-03"), Y("2024-06-25"), Outcome.WithheldThirdPartyRights);
        Add(1, ApplicantType.LegalServiceProvider, Y("2024-07-01"), Y("2024-07-10"), Outcome.NotProcessedRepeated);
        Add(1, ApplicantType.NaturalPerson, Y("2024-08-01"), Y("2024-08-30"), Outcome.OtherCorrectionNotSupplied);
        Add(2, ApplicantType.NaturalPerson, Y("2023-12-20"), Y("2024-01-15"), Outcome.Disclosed);
        Add(2, ApplicantType.NaturalPerson, Y("2024-12-20"), null, null);
        var format = ReportFormats.ForYear(year);
        var requests = RequestTable.From(YearLedger.From(year, facts), format);
        var appeals = AppealsTable.From(AppealLedger.From(year, [
            new AppealCase { Kind = AppealKind.Reconsideration, Body = "市政府", FiledOn = new DateOnly(year, 5, 1), Result = AppealResult.Upheld, ConcludedOn = new DateOnly(year, 7, 1) },
            new AppealCase { Kind = AppealKind.LitigationDirect, Body = "区法院", FiledOn = new DateOnly(year, 9, 1), Result = AppealResult.Pending },
        ]));
        var article20 = new Article20Figures(format);
        foreach (var table in article20.Tables)
        {
            foreach (var row in table.Rows)
            {
                foreach (var column in table.Columns)
                {
                    article20[table.Item, row, column] = row.Length * 7 % 50;
                }
            }
        }

        if (format == ReportFormat.V2021)
        {
            article20["第二十条第（一）项", "行政规范性文件", "本年制发件数"] = 6;
            article20["第二十条第（一）项", "行政规范性文件", "现行有效件数"] = 48;
            article20["第二十条第（五）项", "行政许可", "本年处理决定数量"] = 1532;
            article20["第二十条第（六）项", "行政处罚", "本年处理决定数量"] = 211;
            article20["第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）"] = 12.35m;
        }
        var agency = new Agency { Id = 1, FullName = "示例市示例区人民政府", ShortName = "示例区政府", CreditCode = "11999999000000001U", Level = AgencyLevel.Government };
        return new AnnualReportModel(agency, year, format, null, true, ["示例市示例区人民政府", "示例区教育局"], article20, requests, appeals, [],
            ReportDraft.RequestsParagraph(requests), ReportDraft.AppealsParagraph(appeals), ReportDraft.FeesParagraph(format, 0m, 0),
            new Dictionary<int, string>
            {
                [1] = $"{year}年，示例区人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。\n（一）主动公开。全年主动公开政府信息1,204条。\n（二）依申请公开。{ReportDraft.RequestsParagraph(requests)}",
                [5] = "一是政策解读形式较为单一。二是基层公开标准化有待加强。",
            })
        {
            Stage = stage,
            PublishedOn = stage == ReportStage.Published ? new DateOnly(year + 1, 3, 20) : null,
            History = [new YearFigures(2022, 19, 18), new YearFigures(2023, 24, 22), new YearFigures(2024, 26, 26)],
        };
    }

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(GoldenFolder, name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("GONGKAI_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenFolder);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"No golden file {path}: run the tests once with GONGKAI_UPDATE_GOLDEN=1 and review it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"{name} differs from its golden file at line {line + 1}:\n  expected: {e.ElementAtOrDefault(line)}\n  actual:   {a.ElementAtOrDefault(line)}");
        }
    }

    [Fact]
    public void The_html_page_matches_its_golden_file_and_has_accessible_tables()
    {
        var html = ReportHtml.Document(Sample());

        AssertGolden("report-2024.html.txt", html);
        Assert.Contains("<th scope=\"col\" rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>", html);
        Assert.Contains("<th scope=\"rowgroup\" rowspan=\"22\">三、本年度办理结果</th>", html);
        Assert.Contains("<caption>收到和处理政府信息公开申请情况</caption>", html);
        Assert.DoesNotContain("&#x", html);
    }

    [Fact]
    public void The_docx_matches_its_golden_file_with_merged_header_cells_and_official_fonts()
    {
        var docx = ReportDocx.Write(Sample());

        AssertGolden("report-2024.docx.txt", Documents.DocxFullText(docx));
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.GridSpan>(), g => g.Val?.Value == 7);
        Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.VerticalMerge>(), v => v.Val?.Value == DocumentFormat.OpenXml.Wordprocessing.MergedCellValues.Restart);
        Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>(), f => f.EastAsia?.Value == "仿宋_GB2312");
        var fonts = document.MainDocumentPart.FontTablePart!.Fonts!.Elements<DocumentFormat.OpenXml.Wordprocessing.Font>().ToList();
        Assert.Contains(fonts, f => f.Name?.Value == "仿宋_GB2312" && f.AltName?.Val?.Value == "仿宋");
        Assert.Contains(fonts, f => f.Name?.Value == "方正小标宋简体" && f.AltName?.Val?.Value == "宋体");
    }

    [Fact]
    public void The_pdf_text_extracts_and_matches_its_golden_file()
    {
        var pdf = ReportPdf.Write(Sample());

        Assert.NotNull(pdf);
        var text = Documents.PdfLayoutText(pdf);
        AssertGolden("report-2024.pdf.txt", string.Join("\n", text.Split('\n').Select(l => l.TrimEnd())));
        Assert.Contains("示例市示例区人民政府2024年政府信息公开工作年度报告", Documents.PdfText(pdf));
    }

    [Fact]
    public void A_pdf_heading_never_ends_a_page_and_the_signature_always_has_its_date_line()
    {
        // The first section grows a sentence at a time, so that every later heading at some length falls at a
        // page's foot: each must then move to the next page with its table or text.
        var sample = Sample();
        const string sentence = "全年围绕重点领域信息公开、政策解读和回应关切开展工作，公开内容更加全面。";
        for (var n = 0; n <= 36; n += 2)
        {
            var narrative = new Dictionary<int, string>(sample.Narrative) { [1] = sample.Narrative[1] + "\n" + string.Concat(Enumerable.Repeat(sentence, n * 3)) };
            var pages = Documents.PdfLayoutText(ReportPdf.Write(sample with { Narrative = narrative })!).Split('\f');
            foreach (var (page, number) in pages.Select((p, i) => (p, i + 1)).Where(p => p.p.Trim().Length > 0))
            {
                var last = page.Split('\n').Select(l => l.Trim()).Last(l => l.Length > 0);
                Assert.False(HeadingPattern().IsMatch(last), $"{n * 3} sentences: page {number} ends with the heading “{last}”");
            }

            Assert.Contains("2025年3月20日", pages[^1].Length > 0 ? pages[^1] : pages[^2]);
        }

        var draft = Documents.PdfLayoutText(ReportPdf.Write(Sample(ReportStage.Draft))!).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.Equal("示例市示例区人民政府", draft[^2]);
        Assert.Matches(@"^年\s+月\s+日$", draft[^1]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[一二三四五六七八]、\D+$")]
    private static partial System.Text.RegularExpressions.Regex HeadingPattern();

    [Fact]
    public void The_xlsx_holds_each_table_as_numbers_and_matches_its_golden_file()
    {
        var xlsx = ReportXlsx.Write(Sample());

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var text = new StringBuilder();
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>())
        {
            text.Append("## ").AppendLine(sheet.Name);
            var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheet.Id!);
            foreach (var row in part.Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>())
            {
                text.AppendLine(string.Join("\t", row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "")));
            }

            text.Append("merged: ").AppendLine(string.Join(" ", part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.MergeCell>().Select(m => m.Reference!.Value)));
        }

        AssertGolden("report-2024.xlsx.txt", text.ToString());
        var requests = (DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ElementAt(1).Id!);
        Assert.Contains(requests.Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>(), c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number && c.CellValue?.Text == "26");
    }

    [Fact]
    public void The_json_reads_back_into_the_same_report()
    {
        var report = Sample();

        var json = ReportJson.Write(report);
        var back = ReportJson.Read(json, report.Agency);

        Assert.Equal(json, ReportJson.Write(back));
        Assert.Equal(ReportStage.Published, back.Stage);
        Assert.Equal(new DateOnly(2025, 3, 20), back.PublishedOn);
        Assert.Equal(26, back.Requests[RequestsRow.NewlyReceived, ApplicantColumn.Total]);
        Assert.Equal(12.35m, back.Article20["第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）"]);
    }

    [Fact]
    public void A_draft_says_so_on_every_export()
    {
        var draft = Sample(ReportStage.Reviewed);

        Assert.Contains("（已审核，未定稿）", ReportHtml.Document(draft));
        Assert.Contains("（已审核，未定稿）", Documents.DocxFullText(ReportDocx.Write(draft)));
        Assert.Contains("（已审核，未定稿）", Documents.PdfText(ReportPdf.Write(draft)!));
    }

    [Fact]
    public void The_charts_are_png_and_svg_with_chinese_labels_and_the_html_and_docx_carry_them()
    {
        var report = Sample();

        var charts = ReportCharts.For(report);
        var html = ReportHtml.Document(report, charts);
        var docx = ReportDocx.Write(report, charts);

        Assert.Equal(2, charts.Count);
        Assert.True(charts[0].Png.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G']));
        Assert.Contains("予以公开", charts[0].Svg);
        Assert.Contains("2023年", charts[1].Svg);
        Assert.Contains("予以公开14件", charts[0].Description);
        Assert.Contains("<figure>\n<div role=\"img\" aria-label=\"2024年办理的政府信息公开申请按办理结果：予以公开14件", html);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Equal(2, document.MainDocumentPart!.ImageParts.Count());
    }

    /// <summary>Word-family software opens the .docx: LibreOffice converts it to a PDF whose text is the report's.</summary>
    [Fact]
    public void LibreOffice_converts_the_docx_to_a_pdf_with_the_report_text()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            Assert.False(TestDatabase.CiRequiresEverything, "CI=true but LibreOffice is not installed (.ci/run installs libreoffice-writer-nogui).");
            return;
        }

        var folder = Directory.CreateTempSubdirectory("gongkai-lo-");
        try
        {
            var docx = Path.Combine(folder.FullName, "report.docx");
            File.WriteAllBytes(docx, ReportDocx.Write(Sample(), ReportCharts.For(Sample())));
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(soffice,
                ["--headless", $"-env:UserInstallation=file://{folder.FullName}/profile", "--convert-to", "pdf", "--outdir", folder.FullName, docx])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "LibreOffice did not finish in 2 minutes.");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice made no PDF: " + process.StandardError.ReadToEnd());
            if (Environment.GetEnvironmentVariable("GONGKAI_KEEP_EXPORTS") is { Length: > 0 } keep)
            {
                File.Copy(pdf, Path.Combine(keep, "libreoffice.pdf"), true);
                File.Copy(docx, Path.Combine(keep, "report.docx"), true);
                File.WriteAllBytes(Path.Combine(keep, "pdfsharp.pdf"), ReportPdf.Write(Sample())!);
            }

            // LibreOffice sets a space between Chinese and Latin text; compare without spaces.
            var text = Documents.PdfText(File.ReadAllBytes(pdf)).Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains("示例市示例区人民政府2024年政府信息公开工作年度报告", text);
            Assert.Contains("申请人情况", text);
            Assert.Contains("（一）予以公开", text);
            Assert.Contains("结转下年度继续办理", text);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

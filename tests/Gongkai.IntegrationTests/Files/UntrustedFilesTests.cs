using System.Diagnostics;
using Gongkai.Infrastructure.Checker;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Publications;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Gongkai.IntegrationTests.Files;

/// <summary>The one policy for reading uploads, on hostile files made in the test: each refused quickly, in Chinese, with its status.</summary>
public sealed class UntrustedFilesTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(3);

    /// <summary>Reads as the report checker does and returns the refusal, timing it.</summary>
    private static UntrustedFileException Refusal(Action read)
    {
        var clock = Stopwatch.StartNew();
        var refused = Assert.Throws<UntrustedFileException>(read);
        Assert.True(clock.Elapsed < Quickly, $"refused after {clock.Elapsed}: {refused.Message}");
        return refused;
    }

    private static UntrustedFileException CheckerRefusal(string name, byte[] content, UntrustedFileLimits? limits = null) =>
        Refusal(() => ReportReaders.ReadDocument(name, content, new FileBudget(limits ?? UntrustedFileLimits.Default)));

    [Fact]
    public void A_docx_that_unpacks_to_a_gigabyte_is_refused_as_a_bomb_while_it_is_unpacked()
    {
        var bomb = MaliciousFiles.DocxBomb();

        var refused = CheckerRefusal("炸弹.docx", bomb);

        Assert.True(bomb.Length < 2 * 1024 * 1024);
        Assert.Equal(413, refused.StatusCode);
        Assert.StartsWith("炸弹.docx：", refused.Message, StringComparison.Ordinal);
        Assert.Contains("解压后超过 100 MB，可能是压缩炸弹，已拒绝", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compression_ratio_past_the_limit_is_refused_before_the_size_limit()
    {
        var refused = CheckerRefusal("空段落.docx", MaliciousFiles.DocxOfEmptyParagraphs());

        Assert.Equal(413, refused.StatusCode);
        Assert.Contains("压缩比超过 100 倍", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Millions_of_empty_paragraphs_are_refused_at_the_element_limit_even_when_the_ratio_is_allowed()
    {
        var lenient = UntrustedFileLimits.Default with { MaxCompressionRatio = 1_000_000, MaxRows = int.MaxValue };

        var refused = CheckerRefusal("空段落.docx", MaliciousFiles.DocxOfEmptyParagraphs(), lenient);
        var lines = CheckerRefusal("空段落.docx", MaliciousFiles.DocxOfEmptyParagraphs(), lenient with { MaxRows = 100_000 });

        Assert.Equal(422, refused.StatusCode);
        Assert.Contains("文件结构过于复杂（超过 1000000 个元素），已拒绝", refused.Message, StringComparison.Ordinal);
        Assert.Equal("空段落.docx：文件超过 100000 行，已拒绝。", lines.Message);
    }

    [Fact]
    public void Deeply_nested_xml_is_refused_at_the_depth_limit()
    {
        var refused = CheckerRefusal("深层.docx", MaliciousFiles.DocxNestedDeep(), UntrustedFileLimits.Default with { MaxCompressionRatio = 1_000_000 });

        Assert.Equal(422, refused.StatusCode);
        Assert.Contains("嵌套层数超过 256 层", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_of_hundreds_of_megabytes_is_refused_by_the_checker_and_the_ledger_reader_alike()
    {
        var sheet = MaliciousFiles.XlsxHugeSheet();

        var checker = CheckerRefusal("大表.xlsx", sheet);
        var ledger = Refusal(() => Spreadsheet.ReadXlsx(new MemoryStream(sheet), FileBudget.Unhurried()));

        Assert.True(sheet.Length < 5 * 1024 * 1024);
        Assert.Equal(413, checker.StatusCode);
        Assert.Equal(413, ledger.StatusCode);
        Assert.Contains("可能是压缩炸弹", ledger.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_with_more_rows_than_the_limit_is_refused_at_the_row_past_it()
    {
        var few = UntrustedFileLimits.Default with { MaxRows = 1_000, MaxCompressionRatio = 1_000_000 };

        var refused = Refusal(() => Spreadsheet.ReadXlsx(new MemoryStream(MaliciousFiles.XlsxHugeSheet(megabytes: 2)), new FileBudget(few)));

        Assert.Equal(413, refused.StatusCode);
        Assert.Equal("文件超过 1000 行，已拒绝。", refused.Message);
    }

    [Fact]
    public void A_cell_reference_past_excel_is_refused_without_padding_a_row()
    {
        var refused = CheckerRefusal("越界.xlsx", MaliciousFiles.XlsxCellBeyondExcel());

        Assert.Equal(422, refused.StatusCode);
        Assert.Contains("“ZZZZZZ1”超出 Excel 的范围（最大 XFD1048576）", refused.Message, StringComparison.Ordinal);
        Assert.Equal(16_383, UntrustedFiles.Column("XFD1048576"));
        Assert.Equal(0, UntrustedFiles.Column("a1"));
        Assert.Throws<UntrustedFileException>(() => UntrustedFiles.Column("XFE1"));
        Assert.Throws<UntrustedFileException>(() => UntrustedFiles.Column("A1048577"));
        Assert.Throws<UntrustedFileException>(() => UntrustedFiles.Column("A99999999999999999999"));
    }

    [Fact]
    public void Cells_past_the_column_limit_are_refused_when_they_hold_a_value()
    {
        var narrow = UntrustedFileLimits.Default with { MaxColumns = 3 };
        var wide = Spreadsheet.Write(new Spreadsheet.Sheet("表", [["甲", "乙", "丙", "丁"]]));

        var refused = Refusal(() => Spreadsheet.ReadXlsx(new MemoryStream(wide), new FileBudget(narrow)));
        var csv = Refusal(() => Spreadsheet.ReadCsv("甲,乙,丙,丁"u8.ToArray(), new FileBudget(narrow)));

        Assert.Equal("表格超过 3 列，已拒绝。", refused.Message);
        Assert.Equal("表格超过 3 列，已拒绝。", csv.Message);
    }

    [Fact]
    public void A_hundred_thousand_nested_divs_are_refused_before_the_html_parser_sees_them()
    {
        var refused = CheckerRefusal("嵌套.html", MaliciousFiles.NestedDivs());

        Assert.Equal(422, refused.StatusCode);
        Assert.Contains("嵌套层数超过 256 层", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_html_with_unclosed_paragraphs_and_list_items_is_not_counted_as_deep()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<p>一段<li>一项<br><img src=x>", 2_000)) + "<table><tr><td>1<td>2</table></body></html>";

        var lines = ReportReaders.Html(html, FileBudget.Unhurried());

        Assert.NotEmpty(lines);
    }

    [Theory]
    [InlineData("截断.docx")]
    [InlineData("截断.xlsx")]
    [InlineData("截断.pdf")]
    [InlineData("假压缩包.docx")]
    public void Truncated_and_fake_packages_are_refused_as_damaged(string name)
    {
        var content = MaliciousFiles.Corpus().Single(f => f.Name == name).Content;

        var refused = CheckerRefusal(name, content);

        Assert.Equal(422, refused.StatusCode);
        Assert.StartsWith($"{name}：文件已损坏或格式无法识别", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_whose_content_stream_unpacks_to_a_gigabyte_is_refused_before_it_is_inflated()
    {
        var bomb = MaliciousFiles.PdfBomb();

        var refused = CheckerRefusal("炸弹.pdf", bomb);
        var publication = PublicationFiles.Check("炸弹.pdf", bomb).Refusal;

        Assert.Equal(413, refused.StatusCode);
        Assert.Contains("数据流解压后超过 100 MB", refused.Message, StringComparison.Ordinal);
        Assert.Equal(413, publication?.StatusCode);
        Assert.StartsWith("附件“炸弹.pdf”", publication?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_of_more_pages_than_the_limit_is_refused_by_the_checker_and_sampled_for_search()
    {
        var pdf = MaliciousFiles.Pdf("BT /F1 12 Tf 72 720 Td (Gongkai) Tj ET");
        var onePage = UntrustedFileLimits.Default with { MaxPdfPages = 0 };

        var refused = CheckerRefusal("长.pdf", pdf, onePage);
        var (searched, searchRefusal) = PublicationFiles.Check("长.pdf", pdf, new FileBudget(onePage));

        Assert.Equal("长.pdf：PDF 超过 0 页，已拒绝。", refused.Message);
        Assert.Null(searchRefusal);
        Assert.Equal("", searched!.Text.Trim());
    }

    [Fact]
    public void A_whole_small_pdf_is_accepted_as_an_application_attachment_and_a_cut_one_is_not()
    {
        var pdf = MaliciousFiles.Pdf("BT ET");

        var whole = Gongkai.Infrastructure.Requests.AttachmentRules.Refusal("申请书.pdf", pdf, FileBudget.Unhurried());
        var cut = Gongkai.Infrastructure.Requests.AttachmentRules.Refusal("申请书.pdf", MaliciousFiles.Truncated(pdf), FileBudget.Unhurried());

        Assert.Null(whole);
        Assert.Equal(422, cut?.StatusCode);
        Assert.Contains("附件“申请书.pdf”：文件已损坏或格式无法识别：PDF 文件不完整", cut?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_past_the_character_limit_is_refused_before_the_report_parser_gets_it()
    {
        var small = UntrustedFileLimits.Default with { MaxTextCharacters = 1_000 };

        var refused = CheckerRefusal("长文.txt", System.Text.Encoding.UTF8.GetBytes(new string('字', 2_000)), small);

        Assert.Equal(413, refused.StatusCode);
        Assert.Equal("长文.txt：文件中的文字超过 1000 个字符，已拒绝。", refused.Message);
    }

    [Fact]
    public void A_report_longer_than_the_parser_takes_is_refused_before_it_is_parsed()
    {
        var text = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat(new string('政', 99), 6_000)));

        var result = ReportCheck.Check("长报告.txt", text);

        Assert.Null(result.Report);
        Assert.Equal(413, result.ReadStatus);
        Assert.Equal("长报告.txt：文字超过 50 万个字符，不像一份年度报告，已拒绝。", result.ReadError);
    }

    [Fact]
    public void A_read_that_outlives_its_time_budget_is_stopped_with_503()
    {
        var brief = UntrustedFileLimits.Default with { TimeBudget = TimeSpan.FromMilliseconds(200) };
        var docx = MaliciousFiles.Docx("正文");

        // Reads the same file again and again: only the readers noticing the budget can end it.
        var refused = Refusal(() => UntrustedFiles.Run<int>(brief, CancellationToken.None, budget =>
        {
            while (true)
            {
                ReportCheck.Check("报告.docx", docx, null, budget);
            }
        }));

        Assert.Equal(503, refused.StatusCode);
        Assert.Contains("文件处理超过 1 秒仍未完成，已停止", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_that_went_away_stops_the_read_without_an_answer()
    {
        using var gone = new CancellationTokenSource();
        gone.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            UntrustedFiles.Run(UntrustedFileLimits.Default, gone.Token, budget => ReportCheck.Check("报告.docx", MaliciousFiles.Docx("正文"), null, budget)));
    }

    [Fact]
    public async Task A_full_gate_refuses_the_next_check_with_503_after_its_short_wait()
    {
        var gate = new UntrustedFileGate(UntrustedFileLimits.Default with { MaxConcurrentChecks = 1, QueueWait = TimeSpan.FromMilliseconds(50) });
        using var release = new ManualResetEventSlim();
        var running = gate.RunAsync(budget =>
        {
            release.Wait(budget.Cancellation);
            return 0;
        }, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<UntrustedFileException>(() => gate.RunAsync(_ => 1, CancellationToken.None));
        release.Set();
        await running;
        var afterwards = await gate.RunAsync(_ => 2, CancellationToken.None);

        Assert.Equal(503, refused.StatusCode);
        Assert.Contains("检查服务正忙", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, afterwards);
    }

    [Fact]
    public void What_is_shown_back_from_a_file_is_cut_to_two_hundred_characters()
    {
        var title = new string('题', 5_000);
        var sentence = new string('题', 5_000) + "。";

        var shown = UntrustedFiles.Excerpt(title);
        var longTitle = ReportCheck.JsonText(ReportCheck.Check("长标题.txt", System.Text.Encoding.UTF8.GetBytes(title + "年度报告\n")));
        var repeated = ReportCheck.JsonText(ReportCheck.Check("长句.txt", System.Text.Encoding.UTF8.GetBytes(
            "示例区人民政府2024年政府信息公开工作年度报告\n" + sentence + "\n" + sentence + "\n")));

        Assert.Equal(201, shown.Length);
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('题', 201), longTitle, StringComparison.Ordinal);
        Assert.Contains("没有找到标题", longTitle, StringComparison.Ordinal);
        Assert.Contains("\"N5\"", repeated, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('题', 201), repeated, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_are_read_from_configuration_under_gongkai_uploads()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gongkai:Uploads:MaxUnpackedBytes"] = "1048576",
            ["Gongkai:Uploads:TimeBudget"] = "00:00:05",
            ["Gongkai:Uploads:MaxConcurrentChecks"] = "3",
        }).Build();

        var limits = Gongkai.Infrastructure.GongkaiSettings.From(configuration, demoDataByDefault: false).Uploads;

        Assert.Equal(1_048_576, limits.MaxUnpackedBytes);
        Assert.Equal(TimeSpan.FromSeconds(5), limits.TimeBudget);
        Assert.Equal(3, limits.MaxConcurrentChecks);
        Assert.Equal(UntrustedFileLimits.Default.MaxDepth, limits.MaxDepth);
    }
}

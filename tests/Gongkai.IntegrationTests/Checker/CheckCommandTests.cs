using System.Text.Json;
using Gongkai.Cli;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.IntegrationTests.AnnualReports;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Checker;

/// <summary><c>gongkai check</c>: files and folders, text and JSON, exit codes, a folder's CSV summary.</summary>
public sealed class CheckCommandTests
{
    private static readonly string Seed = Path.Combine(Documents.RepositoryRoot(), "tests", "Gongkai.Core.Tests", "Checker", "Samples", "2020-litong-district-office.txt");

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GongkaiCli.RunAsync(args, output, error, new Dictionary<string, string?>());
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_seed_report_fails_with_its_findings_and_a_generated_one_passes()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-check-");
        try
        {
            var good = Path.Combine(folder.FullName, "good.docx");
            await File.WriteAllBytesAsync(good, ReportExports.Export(ReportExportTests.Sample(), ".docx"));

            var seed = await RunAsync("check", Seed);
            var clean = await RunAsync("check", good);
            var json = await RunAsync("check", Seed, "--format", "json");

            Assert.Equal(1, seed.ExitCode);
            Assert.Contains("[N1] 错误 第17行", seed.Output);
            Assert.Contains("[C1] 错误", seed.Output);
            Assert.Equal(0, clean.ExitCode);
            Assert.Contains("错误 0，警告 0，提示 0", clean.Output);
            using var parsed = JsonDocument.Parse(json.Output);
            var first = parsed.RootElement[0];
            Assert.Equal("gongkai.report-check.v1", first.GetProperty("schema").GetString());
            Assert.Equal(2020, first.GetProperty("year").GetInt32());
            Assert.Equal("V2019", first.GetProperty("format").GetString());
            Assert.Contains(first.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "N1" && f.GetProperty("severity").GetString() == "error");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_folder_is_checked_with_progress_and_summarised_and_unreadable_files_exit_with_2()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-check-");
        try
        {
            File.Copy(Seed, Path.Combine(folder.FullName, "a-seed.txt"));
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "b-good.pdf"), ReportExports.Export(ReportExportTests.Sample(), ".pdf"));
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "c-empty.txt"), []);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "d-binary.pdf"), [0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "e-gbk.txt"), GbkReport());
            var csv = Path.Combine(folder.FullName, "summary.csv");

            var run = await RunAsync("check", folder.FullName, "--summary", csv);
            var missing = await RunAsync("check", Path.Combine(folder.FullName, "nope.txt"));
            var page = Path.Combine(folder.FullName, "summary.html");
            await RunAsync("check", folder.FullName, "--summary", page, "--format", "html");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("[1/5]", run.Error);
            Assert.Contains("[5/5]", run.Error);
            Assert.Contains("c-empty.txt：文件是空的", run.Output);
            Assert.Contains("d-binary.pdf：不是有效的 PDF 文件（可能已损坏、下载不完整或是其他格式改了扩展名）。", run.Output);
            Assert.Contains("共检查 5 个文件：2 个没有错误，1 个有错误，2 个无法读取。", run.Output);
            var summary = await File.ReadAllLinesAsync(csv);
            Assert.StartsWith("\uFEFF文件,标题,年度,格式,错误,警告,提示,无法读取", summary[0]);
            Assert.Contains(summary, l => l.Contains("a-seed.txt", StringComparison.Ordinal) && l.Contains(",2020,V2019,2,2,0,", StringComparison.Ordinal));
            var html = await File.ReadAllTextAsync(page);
            Assert.Contains("<h1>年度报告检查结果</h1>", html);
            Assert.Contains("C1×1 N1×1 N5×2", html);
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("没有这个文件或文件夹", missing.Error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Huge_damaged_and_foreign_files_are_refused_with_a_reason()
    {
        var huge = Gongkai.Infrastructure.Checker.ReportCheck.Check("huge.txt", new byte[Gongkai.Infrastructure.Checker.ReportReaders.MaxBytes + 1]);
        var zip = Gongkai.Infrastructure.Checker.ReportCheck.Check("broken.docx", [0x50, 0x4B, 0x03, 0x04, 0x01, 0x02, 0x03]);
        var json = Gongkai.Infrastructure.Checker.ReportCheck.Check("x.json", System.Text.Encoding.UTF8.GetBytes("""{"schema":"gongkai.annual-report.v1"}"""));

        Assert.Contains("超过 30 MB", huge.ReadError);
        Assert.Equal("broken.docx：不是有效的 Word 文档（可能已损坏或是其他格式改了扩展名）。", zip.ReadError);
        Assert.Contains("x.json：文件已损坏或格式无法识别", json.ReadError);
    }

    [Fact]
    public async Task A_folder_reads_only_report_files_and_names_the_others_once_as_skipped()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-check-");
        try
        {
            File.Copy(Seed, Path.Combine(folder.FullName, "a-seed.txt"));
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "b-photo.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0x00]);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "c-old.doc"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00]);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "~$a-seed.docx"), "lock");
            Directory.CreateDirectory(Path.Combine(folder.FullName, "__MACOSX"));
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "__MACOSX", "._a-seed.pdf"), [0x00, 0x05, 0x16, 0x07]);

            var text = await RunAsync("check", folder.FullName);
            var json = await RunAsync("check", folder.FullName, "--format", "json");

            Assert.Equal(1, text.ExitCode);
            Assert.Contains("已跳过 4 个文件", text.Output);
            Assert.Contains("b-photo.jpg", text.Output);
            Assert.Contains(".doc、.wps 文件请另存为 .docx 或 PDF", text.Output);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text.Output, "已跳过"));
            Assert.DoesNotContain("无法读取", text.Output);
            Assert.Contains("== ", text.Output);
            using var parsed = JsonDocument.Parse(json.Output);
            Assert.Equal(1, parsed.RootElement.GetArrayLength());
            Assert.Contains("已跳过 4 个文件", json.Error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_docx_or_pdf_that_is_not_one_is_refused_in_plain_chinese_without_an_exception_name()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-check-");
        try
        {
            var pdf = ReportExports.Export(ReportExportTests.Sample(), ".pdf");
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "a-renamed.docx"), pdf[..(pdf.Length / 2)]);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "b-old-word.docx"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x3E]);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "c-cut.pdf"), pdf[..(pdf.Length / 2)]);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "d-zip.docx"), [0x50, 0x4B, 0x05, 0x06, .. new byte[18]]);

            var run = await RunAsync("check", folder.FullName);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("a-renamed.docx：不是有效的 Word 文档（可能已损坏或是其他格式改了扩展名）。", run.Output);
            Assert.Contains("b-old-word.docx：不是有效的 Word 文档：这是旧版 Word (.doc) 文件改了扩展名", run.Output);
            Assert.Contains("c-cut.pdf：不是有效的 PDF 文件（可能已损坏、下载不完整或是其他格式改了扩展名）。", run.Output);
            Assert.Contains("d-zip.docx：不是有效的 Word 文档（可能已损坏或是其他格式改了扩展名）。", run.Output);
            Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(run.Output, "无法读取该文件："));
            Assert.DoesNotContain("Exception", run.Output + run.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A generated report as plain text in GBK, the way older sites serve it.</summary>
    private static byte[] GbkReport()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var lines = Gongkai.Infrastructure.Checker.ReportReaders.Html(ReportHtml.Document(ReportExportTests.Sample()));
        return System.Text.Encoding.GetEncoding("GB18030").GetBytes(string.Join("\r\n", lines));
    }
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;
using Gongkai.Infrastructure.Files;

namespace Gongkai.Infrastructure.Checker;

/// <summary>One file checked: what was understood of it and its findings, or why it could not be read.</summary>
public sealed record CheckResult(string File, PublishedReport? Report, IReadOnlyList<Finding> Findings, string? ReadError)
{
    /// <summary>When the file could not be read: the HTTP status of the refusal (413 too large, 422 unreadable).</summary>
    public int ReadStatus { get; init; } = Gongkai.Infrastructure.Files.UntrustedFileException.UnreadableStatus;

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);
}

/// <summary>Checking files and writing the results (docs/report-check.md): text for people, JSON for programs, CSV for a folder's summary.</summary>
public static class ReportCheck
{
    public const string Schema = "gongkai.report-check.v1";

    /// <summary>
    /// Anything taken from the file and written back (the title, a finding's quote) is cut to this many characters,
    /// and at most <see cref="MaxFindingsShown"/> findings are listed: an answer is never a copy of the upload.
    /// </summary>
    public const int MaxEcho = 200;

    public const int MaxFindingsShown = 500;

    public static readonly string[] Extensions = [".txt", ".text", ".htm", ".html", ".docx", ".pdf", ".xlsx", ".json"];

    public static PublishedReport Read(string name, byte[] content, FileBudget? budget = null)
    {
        budget ??= FileBudget.Unhurried();
        var (lines, tablesOnly) = ReportReaders.ReadDocument(name, content, budget);
        if (lines.Sum(l => (long)l.Length + 1) > budget.Limits.MaxReportCharacters)
        {
            throw UntrustedFileException.TooLarge($"文字超过 {UntrustedFiles.Characters(budget.Limits.MaxReportCharacters)}，不像一份年度报告，已拒绝。")
                .About(UntrustedFiles.Excerpt(name, 100));
        }

        var report = ReportParser.Parse(lines, budget.Cancellation);
        report.TablesOnly = tablesOnly;
        return report;
    }

    /// <summary>
    /// Reads and checks one file within <paramref name="budget"/> (default: the default limits, no time limit). A file
    /// refused by the limits is a result with its reason; running out of time is not (it throws, for the caller to answer 503).
    /// </summary>
    public static CheckResult Check(string name, byte[] content, PublishedReport? previous = null, FileBudget? budget = null)
    {
        budget ??= FileBudget.Unhurried();
        try
        {
            var report = Read(name, content, budget);
            return new CheckResult(name, report, ReportChecker.Check(report, previous, budget.Cancellation), null);
        }
        catch (UntrustedFileException e) when (e.StatusCode != UntrustedFileException.UnavailableStatus)
        {
            return new CheckResult(name, null, [], Unreadable(name, content, e)) { ReadStatus = e.StatusCode };
        }
    }

    /// <summary>
    /// Why a file named .docx or .pdf could not be read, in the words of someone who chose that file: it is not a
    /// valid Word document or PDF (damaged, or another kind renamed). Refusals over a limit keep their own reason.
    /// </summary>
    private static string Unreadable(string name, byte[] content, UntrustedFileException e)
    {
        var damaged = e.StatusCode == UntrustedFileException.UnreadableStatus
            && (e.Message.Contains("文件已损坏或格式无法识别", StringComparison.Ordinal) || e.Message.Contains("：不是", StringComparison.Ordinal));
        var shown = UntrustedFiles.Excerpt(name, 100);
        return (damaged ? Path.GetExtension(name).ToLowerInvariant() : null) switch
        {
            ".docx" when content.AsSpan().StartsWith(OleSignature) => $"{shown}：不是有效的 Word 文档：这是旧版 Word (.doc) 文件改了扩展名，请在 Word 中另存为 .docx 或 PDF 后再检查。",
            ".docx" => $"{shown}：不是有效的 Word 文档（可能已损坏或是其他格式改了扩展名）。",
            ".pdf" => $"{shown}：不是有效的 PDF 文件（可能已损坏、下载不完整或是其他格式改了扩展名）。",
            _ => e.Message,
        };
    }

    /// <summary>The start of an OLE compound file: Word 97–2003 (.doc), Excel (.xls), WPS.</summary>
    private static ReadOnlySpan<byte> OleSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// The files of a folder (and its sub-folders) the checker reads, by extension, in name order; the others are
    /// skipped: other kinds, Office's lock files (~$…) and hidden files (._… a Mac leaves in archives).
    /// </summary>
    public static (List<string> Files, List<string> Skipped) Folder(string folder)
    {
        var files = new List<string>();
        var skipped = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var hidden = name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)
                || Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(d => d.StartsWith('.') || d == "__MACOSX");
            (!hidden && Extensions.Contains(Path.GetExtension(file).ToLowerInvariant()) ? files : skipped).Add(file);
        }

        return (files, skipped);
    }

    /// <summary>One line naming the files a folder check skipped (at most ten by name).</summary>
    public static string SkippedLine(string folder, IReadOnlyList<string> skipped)
    {
        var names = skipped.Take(10).Select(f => Path.GetRelativePath(folder, f));
        var old = skipped.Any(f => Path.GetExtension(f).ToLowerInvariant() is ".doc" or ".wps") ? "；.doc、.wps 文件请另存为 .docx 或 PDF 后再检查" : "";
        return $"已跳过 {skipped.Count} 个文件（只检查 {string.Join(" ", Extensions)}，不检查临时文件和隐藏文件{old}）：{string.Join("、", names)}{(skipped.Count > 10 ? " 等" : "")}";
    }

    /// <summary>A finding as shown back to the sender: its location and message cut to <see cref="MaxEcho"/> characters.</summary>
    public static Finding Shown(Finding f) => f with { Location = UntrustedFiles.Excerpt(f.Location, MaxEcho), Message = UntrustedFiles.Excerpt(f.Message, MaxEcho) };

    public static string Text(CheckResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"== {result.File}");
        if (result.ReadError is not null)
        {
            return text.AppendLine(CultureInfo.InvariantCulture, $"   无法读取该文件：{result.ReadError}").ToString();
        }

        var report = result.Report!;
        text.AppendLine(CultureInfo.InvariantCulture, $"   {report.Title ?? "（未找到标题）"} · 年度 {report.Year?.ToString(CultureInfo.InvariantCulture) ?? "未知"} · {report.Format?.DisplayName() ?? "未识别表格格式"}");
        foreach (var f in result.Findings.OrderByDescending(f => f.Severity))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"   [{f.RuleId}] {Label(f.Severity)} {f.Location}：{f.Message}");
        }

        return text.AppendLine(CultureInfo.InvariantCulture, $"   错误 {result.Count(Severity.Error)}，警告 {result.Count(Severity.Warning)}，提示 {result.Count(Severity.Info)}").ToString();
    }

    public static string Label(Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        Severity.Info => "提示",
    };

    public static JsonObject Json(CheckResult result) => new()
    {
        ["schema"] = Schema,
        ["file"] = result.File,
        ["readError"] = result.ReadError,
        ["title"] = result.Report?.Title is { } title ? UntrustedFiles.Excerpt(title, MaxEcho) : null,
        ["year"] = result.Report?.Year,
        ["format"] = result.Report?.Format?.ToString(),
        ["counts"] = new JsonObject
        {
            ["error"] = result.Count(Severity.Error),
            ["warning"] = result.Count(Severity.Warning),
            ["info"] = result.Count(Severity.Info),
        },
        ["findings"] = new JsonArray(result.Findings.Take(MaxFindingsShown).Select(Shown).Select(f => (JsonNode?)new JsonObject
        {
            ["rule"] = f.RuleId,
            ["severity"] = f.Severity.ToString().ToLowerInvariant(),
            ["location"] = f.Location,
            ["message"] = f.Message,
        }).ToArray()),
    };

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(IEnumerable<CheckResult> results) => new JsonArray(results.Select(r => (JsonNode?)Json(r)).ToArray()).ToJsonString(Options);

    public static string JsonText(CheckResult result) => Json(result).ToJsonString(Options);

    /// <summary>A folder's summary for researchers: one row per file, findings counted by severity and by rule.</summary>
    public static string Csv(IReadOnlyList<CheckResult> results)
    {
        var rules = results.SelectMany(r => r.Findings.Select(f => f.RuleId)).Distinct().Order(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder("\uFEFF");
        csv.AppendLine(string.Join(",", new[] { "文件", "标题", "年度", "格式", "错误", "警告", "提示", "无法读取" }.Concat(rules)));
        foreach (var r in results)
        {
            var cells = new List<string?>
            {
                r.File, r.Report?.Title, r.Report?.Year?.ToString(CultureInfo.InvariantCulture), r.Report?.Format?.ToString(),
                r.Count(Severity.Error).ToString(CultureInfo.InvariantCulture), r.Count(Severity.Warning).ToString(CultureInfo.InvariantCulture),
                r.Count(Severity.Info).ToString(CultureInfo.InvariantCulture), r.ReadError,
            };
            cells.AddRange(rules.Select(rule => r.Findings.Count(f => f.RuleId == rule).ToString(CultureInfo.InvariantCulture)));
            csv.AppendLine(string.Join(",", cells.Select(Quote)));
        }

        return csv.ToString();
    }

    /// <summary>Results as one HTML page: a summary table (one row per file) and each file's findings.</summary>
    public static string Html(IReadOnlyList<CheckResult> results)
    {
        var e = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>年度报告检查结果</title>\n<style>body{font-family:sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.2rem .4rem}.error{color:#b00020}.warning{color:#8a5200}</style>\n</head>\n<body>\n<h1>年度报告检查结果</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>共 {results.Count} 个文件：{results.Count(r => r.ReadError is null && r.Count(Severity.Error) == 0)} 个没有错误，{results.Count(r => r.Count(Severity.Error) > 0)} 个有错误，{results.Count(r => r.ReadError is not null)} 个无法读取。</p>\n");
        html.Append("<table>\n<thead><tr><th scope=\"col\">文件</th><th scope=\"col\">标题</th><th scope=\"col\">年度</th><th scope=\"col\">格式</th><th scope=\"col\">错误</th><th scope=\"col\">警告</th><th scope=\"col\">提示</th><th scope=\"col\">规则</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var rules = string.Join(" ", r.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><a href=\"#f{i}\">{e.Encode(r.File)}</a></th><td>{e.Encode(r.Report?.Title ?? r.ReadError ?? "")}</td><td>{r.Report?.Year}</td><td>{r.Report?.Format}</td><td>{r.Count(Severity.Error)}</td><td>{r.Count(Severity.Warning)}</td><td>{r.Count(Severity.Info)}</td><td>{e.Encode(rules)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"f{i}\">\n<h2>{e.Encode(r.File)}</h2>\n");
            if (r.ReadError is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\">无法读取该文件：{e.Encode(r.ReadError)}</p>\n");
            }

            html.Append("<ul>\n");
            foreach (var f in r.Findings.OrderByDescending(f => f.Severity))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"{f.Severity.ToString().ToLowerInvariant()}\">[{f.RuleId}] {Label(f.Severity)} {e.Encode(f.Location)}：{e.Encode(f.Message)}</li>\n");
            }

            html.Append("</ul>\n</section>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

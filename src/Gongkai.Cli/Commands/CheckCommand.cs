using System.CommandLine;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai check</c>: checks published annual reports, one file or whole folders.</summary>
internal static class CheckCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("check", "检查已发布的年度报告（文本、网页、.docx、PDF）：表格勾稽关系、格式版本、正文与表格是否一致等。没有错误时退出码为 0，有错误为 1，有文件无法读取为 2。");
        var paths = new Argument<string[]>("path") { Description = "报告文件或文件夹（文件夹中的 .txt .htm .html .docx .pdf .xlsx .json 都会检查，其他文件跳过）", Arity = ArgumentArity.OneOrMore };
        var previous = new Option<FileInfo?>("--previous") { Description = "上一年度的报告（用于 T5 结转衔接和 X3 内容雷同）" };
        var format = new Option<string>("--format") { Description = "输出格式：text、json 或 html", DefaultValueFactory = _ => "text" };
        var summary = new Option<FileInfo?>("--summary") { Description = "把每个文件的结果汇总写入 .csv 或 .html（供研究者批量分析）" };
        command.Arguments.Add(paths);
        command.Options.Add(previous);
        command.Options.Add(format);
        command.Options.Add(summary);
        command.SetAction(async (result, ct) =>
        {
            var how = result.GetValue(format)!.ToLowerInvariant();
            if (how is not ("text" or "json" or "html"))
            {
                throw new CliException($"--format 只能是 text、json 或 html，不是“{how}”。");
            }

            var files = new List<string>();
            var skippedLines = new List<string>();
            foreach (var path in result.GetValue(paths)!)
            {
                if (Directory.Exists(path))
                {
                    // A folder holds other things too (pictures, spreadsheets, lock files): those are named once as skipped, not read.
                    var (reports, skipped) = Gongkai.Infrastructure.Checker.ReportCheck.Folder(path);
                    files.AddRange(reports);
                    if (skipped.Count > 0)
                    {
                        skippedLines.Add(Gongkai.Infrastructure.Checker.ReportCheck.SkippedLine(path, skipped));
                    }
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
                else
                {
                    throw new CliException($"没有这个文件或文件夹：{path}");
                }
            }

            foreach (var line in skippedLines)
            {
                // Machine output (json, html) stays one document: the note goes beside the progress.
                await (how == "text" ? host.Output : host.Error).WriteLineAsync(line);
            }

            Gongkai.Core.Checker.PublishedReport? last = null;
            if (result.GetValue(previous) is { } before)
            {
                var read = Gongkai.Infrastructure.Checker.ReportCheck.Check(before.Name, await ReadAsync(before.FullName, ct));
                last = read.Report ?? throw new CliException($"上一年度的报告无法读取：{read.ReadError}");
            }

            var results = new List<Gongkai.Infrastructure.Checker.CheckResult>();
            for (var i = 0; i < files.Count; i++)
            {
                if (files.Count > 1)
                {
                    await host.Error.WriteLineAsync($"[{i + 1}/{files.Count}] {files[i]}");
                }

                var checkedFile = Gongkai.Infrastructure.Checker.ReportCheck.Check(files[i], await ReadAsync(files[i], ct), last);
                results.Add(checkedFile);
                if (how == "text")
                {
                    await host.Output.WriteAsync(Gongkai.Infrastructure.Checker.ReportCheck.Text(checkedFile));
                }
            }

            if (how == "json")
            {
                await host.Output.WriteLineAsync(Gongkai.Infrastructure.Checker.ReportCheck.Json(results));
            }
            else if (how == "html")
            {
                await host.Output.WriteAsync(Gongkai.Infrastructure.Checker.ReportCheck.Html(results));
            }
            else if (results.Count > 1)
            {
                await host.Output.WriteLineAsync($"共检查 {results.Count} 个文件：{results.Count(r => r.ReadError is null && r.Count(Gongkai.Core.AnnualReports.Severity.Error) == 0)} 个没有错误，{results.Count(r => r.Count(Gongkai.Core.AnnualReports.Severity.Error) > 0)} 个有错误，{results.Count(r => r.ReadError is not null)} 个无法读取。");
            }

            if (result.GetValue(summary) is { } csv)
            {
                var page = string.Equals(csv.Extension, ".html", StringComparison.OrdinalIgnoreCase) || string.Equals(csv.Extension, ".htm", StringComparison.OrdinalIgnoreCase);
                await File.WriteAllTextAsync(csv.FullName, page ? Gongkai.Infrastructure.Checker.ReportCheck.Html(results) : Gongkai.Infrastructure.Checker.ReportCheck.Csv(results), ct);
            }

            return results.Any(r => r.ReadError is not null) ? 2 : results.Any(r => r.Count(Gongkai.Core.AnnualReports.Severity.Error) > 0) ? 1 : 0;
        });
        return command;

        static async Task<byte[]> ReadAsync(string path, CancellationToken ct)
        {
            // Read at most one byte past the limit: a huge file is refused without loading it.
            await using var stream = File.OpenRead(path);
            var buffer = new byte[(int)Math.Min(stream.Length, Gongkai.Infrastructure.Checker.ReportReaders.MaxBytes + 1L)];
            await stream.ReadExactlyAsync(buffer, ct);
            return buffer;
        }
    }
}

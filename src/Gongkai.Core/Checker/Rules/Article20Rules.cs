using System.Globalization;
using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>Table 二 (Art. 20): T7 (2019 format: 对外公开总数量 ≥ 本年新公开数量) and C3 (fees in 万元 in the 2021 format).</summary>
public sealed class Article20Rules : IRuleGroup
{
    public IReadOnlyList<string> Rules { get; } = [RuleId.T7, RuleId.C3];

    public bool ReadsText => false;

    public void Check(CheckContext context)
    {
        var report = context.Report;
        if (report.Format == ReportFormat.V2019)
        {
            var documents = Article20Formats.Tables(ReportFormat.V2019).Single(t => t.Item == Article20Formats.Documents);
            var (published, inTotal) = (documents.ColumnIndex(Article20Formats.NewlyPublished), documents.ColumnIndex(Article20Formats.PublishedInTotal));
            foreach (var ((item, row), (cells, line)) in report.Article20.Where(a => a.Key.Item == Article20Formats.Documents))
            {
                if (cells[published].Kind == CellKind.Number && cells[inTotal].Kind == CellKind.Number && cells[inTotal].Value < cells[published].Value)
                {
                    context.Add(new(RuleId.T7, Severity.Warning, $"{Line(line)} · 表二 · {item} · {row}",
                        string.Create(CultureInfo.InvariantCulture, $"对外公开总数量 {cells[inTotal].Value} 小于本年新公开数量 {cells[published].Value}。")));
                }
            }
        }

        if (report.Format == ReportFormat.V2021 && report.Article20Items.TryGetValue(Article20Formats.Fees, out var fees))
        {
            var near = report.Lines.Where(l => l.Number >= fees && l.Number <= fees + 4).Select(l => l.Compact);
            if (!near.Any(t => t.Contains("万元", StringComparison.Ordinal)))
            {
                context.Add(new(RuleId.C3, Severity.Warning, $"{Line(fees)} · 表二 · 第二十条第（八）项", "行政事业性收费金额应以“万元”为单位，表中未注明或用了其他单位。"));
            }
        }
    }
}

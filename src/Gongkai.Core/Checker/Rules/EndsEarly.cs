using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>
/// S7: a text cut short is said so once, where it ends and what was read last, and no finding rests on what is
/// missing: no missing sections or rows (S1, S3), no sums over a cut table (T1, T2, T5, T6; T4 for table 四), no
/// text compared with a table that was not read (N1, N2, N3), no announced parts (S6), fees or sameness of a
/// section not there (X2, X3), and no blank cell or empty section where the text stopped (C1, S8).
/// </summary>
internal static partial class EndsEarly
{
    public static IReadOnlyList<string> Rules { get; } = [RuleId.S7];

    public static List<Finding> Kept(PublishedReport report, ReportEnd end, List<Finding> findings)
    {
        bool Depends(Finding f)
        {
            var line = LineNumberOf(f.Location);
            return f.RuleId switch
            {
                RuleId.S1 => f.Message.StartsWith("未找到规定的部分", StringComparison.Ordinal),
                RuleId.S3 => (end.RequestTableCut && f.Message.Contains("表三", StringComparison.Ordinal))
                    || (end.AppealsCut && f.Message.Contains("表四", StringComparison.Ordinal))
                    || (end.Article20Cut && f.Message.Contains("表二", StringComparison.Ordinal)),
                // The introduction contradicting its own list stands; compared with the parts found, it rests on what is missing.
                RuleId.S6 => !f.Message.Contains("但列出的是", StringComparison.Ordinal),
                // The unit is printed in the column header, which may be after the cut.
                RuleId.C3 => end.Article20Cut,
                RuleId.T1 or RuleId.T2 or RuleId.T5 or RuleId.T6 or RuleId.N1 or RuleId.N2 => end.RequestTableCut,
                RuleId.T4 or RuleId.N3 => end.AppealsCut,
                RuleId.C1 => (end.AppealsCut && f.Location.Contains("表四", StringComparison.Ordinal)) || (line is not null && line == end.LastRowLine),
                RuleId.X2 => !report.Sections.ContainsKey(6),
                RuleId.X3 => !report.Sections.ContainsKey(5),
                RuleId.S8 => line is null || (report.Sections.TryGetValue(end.LastSection, out var heading) && line >= heading),
                _ => false,
            };
        }

        var missing = end.LastSection switch
        {
            0 => "报告的各个部分",
            5 => "第六部分",
            _ => $"第{"一二三四五六"[end.LastSection]}部分至第六部分",
        };
        var kept = findings.Where(f => !Depends(f)).ToList();
        kept.Insert(0, new(RuleId.S7, Severity.Warning, Line(end.LastLine),
            $"文本到第{end.LastLine}行就结束了，最后读到的是{(end.LastRead.Length > 0 ? end.LastRead : "表三的部分行")}，没有{missing}：可能只复制了页面的一部分，或文件下载不完整。缺少的内容不作检查，也不据此判断其他问题。"));
        return kept;
    }

    private static int? LineNumberOf(string location) =>
        LocationLine().Match(location) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^第(\d+)行")]
    private static partial Regex LocationLine();
}

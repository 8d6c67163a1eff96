using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>
/// S6: the introduction announces a number of parts. Against the parts it lists itself; against the sections found
/// only when the text reaches 六 (a text cut short has fewer sections, and says so in S1/S7).
/// </summary>
public sealed partial class AnnouncedPartsRules : IRuleGroup
{
    public IReadOnlyList<string> Rules { get; } = [RuleId.S6];

    public bool ReadsText => true;

    public void Check(CheckContext context)
    {
        var report = context.Report;
        foreach (var (line, text) in context.Sentences.Take(12))
        {
            var compact = ReportText.Compact(text);
            var list = ListedParts().Match(compact);
            var parts = list.Success ? list : Parts().Match(compact);
            if (!parts.Success || ReportText.Numeral(parts.Groups["n"].Value) is not { } announced)
            {
                continue;
            }

            if (list.Success && CountParts(list.Groups["list"].Value) is { } listed)
            {
                if (listed != announced)
                {
                    context.Add(new(RuleId.S6, Severity.Warning, Line(line), $"引言说报告分为 {announced} 个部分，但列出的是 {listed} 个部分（“{Shorten(list.Groups["list"].Value)}”）。"));
                }
            }
            else if (announced != report.Sections.Count && report.Sections.ContainsKey(6))
            {
                context.Add(new(RuleId.S6, Severity.Warning, Line(line), $"引言说报告分为 {announced} 个部分，实际有 {report.Sections.Count} 个部分。"));
            }
        }
    }

    /// <summary>The parts an introduction lists (总体情况、主动公开政府信息情况、…): “行政复议、行政诉讼” is one part; null when it lists fewer than two.</summary>
    private static int? CountParts(string list)
    {
        var pieces = new List<string>();
        foreach (var piece in list.Split('、', ','))
        {
            // Words of the sentence around the list ("全文共分"), not a part's name.
            if (SentenceWords.Any(piece.Contains) && !PartNames.Any(names => names.Any(n => piece.Contains(n, StringComparison.Ordinal))))
            {
                continue;
            }

            if (pieces.Count > 0 && pieces[^1].EndsWith("行政复议", StringComparison.Ordinal) && (piece.StartsWith("行政诉讼", StringComparison.Ordinal) || piece.StartsWith("提起行政诉讼", StringComparison.Ordinal)))
            {
                pieces[^1] += "、" + piece;
            }
            else
            {
                pieces.Add(piece);
            }
        }

        // “存在的主要问题及改进情况和其他需要报告的事项”: two parts joined by 和.
        return pieces.Count < 2 ? null : pieces.Sum(p => Math.Max(1, PartNames.Count(names => names.Any(n => p.Contains(n, StringComparison.Ordinal)))));
    }

    private static readonly string[] SentenceWords = ["全文", "报告", "共分", "分为", "主要"];

    private static readonly string[][] PartNames =
    [
        ["总体情况"], ["主动公开"], ["收到和处理", "依申请"], ["行政复议", "行政诉讼"], ["存在的主要问题", "改进情况"], ["其他需要报告"],
    ];

    [GeneratedRegex(@"(?:分为|包括|包含|由|共|共有|等)" + RuleText.Number + @"个?部分")]
    private static partial Regex Parts();

    /// <summary>An introduction listing its parts: 包括总体情况、…等六部分; 由总体情况、…六个部分组成.</summary>
    [GeneratedRegex(@"(?:包括|包含|分为|涵盖|由)(?<list>[^。;]{4,300}?)(?:等|共|这|以上)?" + RuleText.Number + @"个?部分")]
    internal static partial Regex ListedParts();
}

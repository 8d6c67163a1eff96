using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>
/// S8: a section, or a numbered sub-part a section announces (（一）主动公开 …), left empty or holding only a
/// placeholder. “无” is an answer for 六 (nothing else to report), not for the others: 五 has to name the
/// problems. The last heading of a text with nothing after it is not judged: the text may be cut short (S7).
/// </summary>
public sealed partial class EmptyPartRules : IRuleGroup
{
    public IReadOnlyList<string> Rules { get; } = [RuleId.S8];

    public bool ReadsText => true;

    /// <summary>What a section may hold instead of its content: “无”, “略”, an ellipsis, “待补充”.</summary>
    private static readonly HashSet<string> Placeholders = ["无", "略", "(略)", "暂无", "待补充", "待填写", "空", "(空)", "同上"];

    public void Check(CheckContext context)
    {
        var report = context.Report;
        var headings = report.Sections.OrderBy(s => s.Value).ToList();
        var lines = report.Lines.Where(l => l.Normalized.Trim().Length > 0).ToList();
        for (var k = 0; k < headings.Count; k++)
        {
            var (section, at) = (headings[k].Key, headings[k].Value);
            int? next = k + 1 < headings.Count ? headings[k + 1].Value : null;
            var body = lines.Where(l => l.Number > at && (next is null || l.Number < next)).ToList();
            var name = ReportFormats.Sections[section - 1];
            if (body.Count == 0)
            {
                if (next is { } following)
                {
                    context.Add(new(RuleId.S8, Severity.Warning, Line(at), $"“{name}”标题下没有任何内容，紧接着就是第{following}行的下一部分。该部分应写明本年度的情况，没有的也应如实说明。"));
                }

                continue;
            }

            var whole = string.Concat(body.Select(l => l.Compact));
            var bare = whole.TrimEnd('。', '.');
            if (Placeholders.Contains(bare) || (bare.Length == 0 && whole.Length > 0) || FillingInstruction().IsMatch(whole))
            {
                if (section == 6 && bare is "无" or "暂无")
                {
                    continue;
                }

                context.Add(new(RuleId.S8, Severity.Warning, Line(body[0].Number), section == 5
                    ? $"“{name}”只写了“{Shorten(whole)}”。这一部分应如实写明本年度工作存在的主要问题和改进措施，不能以“无”代替。"
                    : $"“{name}”只写了“{Shorten(whole)}”，是占位文字，不是内容。发布前应填写。"));
                continue;
            }

            if (section is 1 or 5 or 6)
            {
                EmptySubParts(body, next is not null, context);
            }
        }
    }

    /// <summary>A sub-part heading alone on its line (（三）政府信息管理。) followed directly by the next sub-part or the section's end.</summary>
    private static void EmptySubParts(List<ReportLine> body, bool sectionEnds, CheckContext context)
    {
        for (var i = 0; i < body.Count; i++)
        {
            var compact = body[i].Compact;
            if (!SubPartHeading().IsMatch(compact))
            {
                continue;
            }

            var nextIsHeading = i + 1 < body.Count ? SubPartStart().IsMatch(body[i + 1].Compact) : sectionEnds;
            if (nextIsHeading)
            {
                context.Add(new(RuleId.S8, Severity.Warning, Line(body[i].Number),
                    $"“{compact.TrimEnd('。', ':')}”下没有内容，{(i + 1 < body.Count ? $"第{body[i + 1].Number}行就是下一项" : "这一部分就此结束")}。列出的小标题应写明具体情况，否则应删去。"));
            }
        }
    }

    /// <summary>A bracketed filling instruction standing for a section's text: （文字描述）, （此处填写…）, （请填写…）.</summary>
    [GeneratedRegex(@"^\((?:此处|在此|请|需)?[^()]{0,20}?(?:填写|填报|文字描述|描述|补充|说明)[^()]{0,20}\)[。.]?$")]
    private static partial Regex FillingInstruction();

    /// <summary>A numbered sub-part's heading alone on its line: （三）政府信息管理。</summary>
    [GeneratedRegex(@"^\([一二三四五六七八九十]{1,3}\)[^。,;:!?()]{2,16}[。:]?$")]
    private static partial Regex SubPartHeading();

    [GeneratedRegex(@"^\([一二三四五六七八九十]{1,3}\)")]
    private static partial Regex SubPartStart();
}

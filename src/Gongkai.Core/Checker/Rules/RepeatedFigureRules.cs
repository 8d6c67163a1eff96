using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>N4: the same figure (items published, staff, requests received) stated twice in the text with different values.</summary>
public sealed partial class RepeatedFigureRules : IRuleGroup
{
    public IReadOnlyList<string> Rules { get; } = [RuleId.N4];

    public bool ReadsText => true;

    /// <summary>A figure that can be stated more than once, and the statements that do not state it (a channel, one unit, a sum with the carried-in).</summary>
    private sealed record Figure(Regex Pattern, string What, string Unit, Func<string, Match, bool> States);

    private static readonly string[] Channels = ["通过", "网上", "网络", "在线", "信函", "当面", "现场", "传真", "电子邮件", "邮寄", "平台", "其中"];

    private static readonly string[] Distributive = ["各", "每", "均", "分别", "乡镇", "街道", "村", "社区"];

    public void Check(CheckContext context)
    {
        var sentences = context.Sentences;
        static string Before(string text, Match m, int length) => text[Math.Max(0, m.Index - length)..m.Index];
        var figures = new Figure[]
        {
            new(PublishedCount(), "主动公开政府信息", "条", (_, _) => true),
            new(FullTimeStaff(), "专职工作人员", "人", (text, m) => !Distributive.Any(d => Before(text, m, 8).Contains(d, StringComparison.Ordinal))),
            new(PartTimeStaff(), "兼职工作人员", "人", (text, m) => !Distributive.Any(d => Before(text, m, 8).Contains(d, StringComparison.Ordinal))),
            new(TextCountRules.Received(), "收到的政府信息公开申请", "件", (text, m) => !text.Contains("结转", StringComparison.Ordinal) && !text.Contains("上年", StringComparison.Ordinal)
                && !Channels.Any(c => (Before(text, m, 8) + m.Value).Contains(c, StringComparison.Ordinal))),
        };
        foreach (var figure in figures)
        {
            var values = sentences.SelectMany(s => figure.Pattern.Matches(s.Text).Where(m => figure.States(s.Text, m)).Select(m => (s.Line, Value: ReportText.Numeral(m.Groups["n"].Value))))
                .Where(v => v.Value is not null).ToList();
            if (values.Select(v => v.Value).Distinct().Count() > 1)
            {
                var second = values.First(v => v.Value != values[0].Value);
                context.Add(new(RuleId.N4, Severity.Warning, Line(second.Line),
                    $"正文两处说{figure.What}的数量不同：{string.Join("、", values.DistinctBy(v => (v.Line, v.Value)).Select(v => $"第{v.Line}行 {v.Value} {figure.Unit}"))}。"));
            }
        }
    }

    [GeneratedRegex(@"主动公开(?:政府)?信息(?:共)?\s*" + RuleText.Number + @"\s*条")]
    private static partial Regex PublishedCount();

    [GeneratedRegex(@"(?:专职(?:工作)?人员(?:共|有)?" + RuleText.Number + @"(?:人|名)|" + RuleText.Number + @"(?:名|人|位)专职(?:工作)?人员)")]
    private static partial Regex FullTimeStaff();

    [GeneratedRegex(@"(?:兼职(?:工作)?人员(?:共|有)?" + RuleText.Number + @"(?:人|名)|" + RuleText.Number + @"(?:名|人|位)兼职(?:工作)?人员)")]
    private static partial Regex PartTimeStaff();
}

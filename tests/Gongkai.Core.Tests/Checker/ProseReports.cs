using System.Text;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;

namespace Gongkai.Core.Tests.Checker;

/// <summary>Reports of the six sections in prose for the rules on the text, and the findings of one rule on them.</summary>
public static class ProseReports
{
    /// <summary>A report of the six sections in prose (no tables), each section's text as given; null leaves a section out.</summary>
    public static List<string> Report(int year = 2024, string? one = null, string? five = null, string? six = null, string[]? intro = null, int sections = 6)
    {
        var texts = new[]
        {
            one ?? $"{year}年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。",
            "全年通过门户网站主动公开政府信息，及时更新各栏目内容。",
            "本年度依法办理政府信息公开申请，均在法定期限内答复。",
            "本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。",
            five ?? "一是政策解读形式较为单一。二是基层公开标准化有待加强。下一步将丰富解读形式，推进基层公开标准化。",
            six ?? "本年度未收取政府信息公开信息处理费。",
        };
        var lines = new List<string> { $"示例县统计局{year}年政府信息公开工作年度报告" };
        lines.AddRange(intro ?? []);
        lines.Add($"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。");
        for (var s = 0; s < sections; s++)
        {
            lines.Add(ReportFormats.Sections[s]);
            lines.AddRange(texts[s].Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        return lines;
    }

    public static List<Finding> Check(IEnumerable<string> lines, string rule) => ReportChecker.Check(ReportParser.Parse(lines.ToList())).Where(f => f.RuleId == rule).ToList();

    private static readonly string Pool = string.Concat("政府信息公开工作推进落实完善制度规范平台建设监督保障依法管理服务群众办理答复解读发布更新栏目内容标准流程考核评议".Distinct());

    /// <summary>Distinct sentences of Chinese characters, each made different by the characters its number picks.</summary>
    public static string Sentence(int i)
    {
        var pool = Pool;
        var text = new StringBuilder("本年度");
        for (var n = i; n > 0 || text.Length < 9; n /= pool.Length)
        {
            text.Append(pool[n % pool.Length]);
        }

        return text.Append("等项工作按计划有序推进，取得了较好成效。").ToString();
    }
}

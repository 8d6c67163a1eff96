using System.Text;
using Gongkai.Core.Checker;
using static Gongkai.Core.Tests.Checker.ProseReports;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>N5: the same sentence twice, also as a clause of a longer one; page furniture is not a sentence.</summary>
public sealed class RepeatedSentenceRulesTests
{
    [Fact]
    public void Twenty_megabytes_of_distinct_sentences_have_no_repeated_sentence()
    {
        var lines = new List<string>();
        var bytes = 0L;
        for (var i = 0; bytes < 20L * 1024 * 1024; i += 8)
        {
            var paragraph = string.Concat(Enumerable.Range(i, 8).Select(Sentence));
            lines.Add(paragraph);
            bytes += Encoding.UTF8.GetByteCount(paragraph) + 1;
        }

        var report = new PublishedReport { Lines = lines.Select((t, i) => new ReportLine(i + 1, t)).ToList() };
        report.Prose.AddRange(report.Lines);

        var findings = ReportChecker.Check(report);

        Assert.DoesNotContain(findings, f => f.RuleId == "N5");
    }

    [Fact]
    public void A_sentence_repeated_later_or_as_a_clause_of_an_earlier_sentence_is_n5_and_page_furniture_is_not()
    {
        var one = "2024年，本局认真贯彻落实条例，本年度依法办理政府信息公开申请，均在法定期限内答复。";
        var five = string.Join("\n",
            "发布日期：2025-03-20　来源：示例县统计局　索引号：11500000-2025-00012",
            "字号：大 中 小　打印本页　关闭窗口",
            "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
            "一是政策解读形式较为单一，解读材料与政策文件同步发布的比例不高。",
            "发布日期：2025-03-20　来源：示例县统计局　索引号：11500000-2025-00012",
            "字号：大 中 小　打印本页　关闭窗口",
            "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
            "下一步将丰富解读形式，推进基层公开标准化。");

        var lines = Report(one: one, five: five);

        var n5 = Check(lines, "N5");

        // 三's sentence is the tail of a longer sentence of 一: reported on 三's line, naming 一's.
        var repeat = Assert.Single(n5);
        Assert.Contains("依法办理政府信息公开申请", repeat.Message);
        Assert.Equal($"第{lines.IndexOf("本年度依法办理政府信息公开申请，均在法定期限内答复。") + 1}行", repeat.Location);
        Assert.StartsWith($"这句话在第{lines.IndexOf(one) + 1}行已经出现过", repeat.Message);
    }
}

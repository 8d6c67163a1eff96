using System.Text;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;

namespace Gongkai.Core.Tests.Checker;

/// <summary>The rules on the text of a report: S2 (the old seven parts), S6, S8, N2, N4, N5 and the bound on findings per rule.</summary>
public sealed class ReportCheckerTests
{
    /// <summary>A report of the six sections in prose (no tables), each section's text as given; null leaves a section out.</summary>
    private static List<string> Report(int year = 2024, string? one = null, string? five = null, string? six = null, string[]? intro = null, int sections = 6)
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

    private static List<Finding> Check(IEnumerable<string> lines, string rule) => ReportChecker.Check(ReportParser.Parse(lines.ToList())).Where(f => f.RuleId == rule).ToList();

    private static readonly string Pool = string.Concat("政府信息公开工作推进落实完善制度规范平台建设监督保障依法管理服务群众办理答复解读发布更新栏目内容标准流程考核评议".Distinct());

    /// <summary>Distinct sentences of Chinese characters, each made different by the characters its number picks.</summary>
    private static string Sentence(int i)
    {
        var pool = Pool;
        var text = new StringBuilder("本年度");
        for (var n = i; n > 0 || text.Length < 9; n /= pool.Length)
        {
            text.Append(pool[n % pool.Length]);
        }

        return text.Append("等项工作按计划有序推进，取得了较好成效。").ToString();
    }

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

    [Fact]
    public void At_most_twenty_findings_of_a_rule_are_listed_and_the_rest_counted_in_one_more()
    {
        var five = string.Join("\n", Enumerable.Range(0, 30).Select(i => Sentence(i) + Sentence(i)));

        var n5 = Check(Report(five: five), "N5");

        Assert.Equal(21, n5.Count);
        Assert.Equal("另有 10 处同类问题，未逐一列出。", n5[^1].Message);
        Assert.Equal(Severity.Warning, n5[^1].Severity);
        Assert.EndsWith("行起", n5[^1].Location);
    }

    [Fact]
    public void An_empty_section_or_a_placeholder_is_s8_and_nothing_to_report_in_six_is_not()
    {
        var empty = Report().Where(l => !l.StartsWith("全年通过门户网站", StringComparison.Ordinal));
        var none = Check(Report(five: "无。", six: "无。"), "S8");
        var omitted = Check(Report(five: "（略）"), "S8");
        var instruction = Check(Report(one: "（此处填写本机关政府信息公开工作总体情况）"), "S8");

        var section = Assert.Single(Check(empty, "S8"));
        Assert.Contains("“二、主动公开政府信息情况”标题下没有任何内容", section.Message);
        var five = Assert.Single(none);
        Assert.Equal(Severity.Warning, five.Severity);
        Assert.Contains("存在的主要问题及改进情况”只写了“无。”", five.Message);
        Assert.Contains("“(略)”", Assert.Single(omitted).Message);
        Assert.Contains("占位文字", Assert.Single(instruction).Message);
        Assert.Empty(Check(Report(), "S8"));
    }

    [Fact]
    public void A_sub_part_announced_and_left_empty_is_s8()
    {
        var one = "本局认真贯彻落实条例，现将本年度政府信息公开工作情况报告如下。\n（一）主动公开。\n（二）依申请公开。本年度依法办理申请，均按期答复。\n（三）政府信息管理。";

        var s8 = Check(Report(one: one), "S8");

        Assert.Equal(["（一）主动公开", "（三）政府信息管理"], s8.Select(f => f.Message[1..f.Message.IndexOf('”', StringComparison.Ordinal)].Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_seven_parts_of_the_reports_before_2019_are_s2_in_a_later_report()
    {
        var lines = Report(2022);
        lines.Insert(lines.IndexOf(ReportFormats.Sections[4]), "四、政府信息公开的收费及减免情况");
        lines.Add("七、其他需要报告的事项");
        var old = Report(2018);
        old.Add("七、其他需要报告的事项");

        var s2 = Check(lines, "S2");

        Assert.Equal(2, s2.Count);
        Assert.All(s2, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains(s2, f => f.Message.Contains("收费及减免", StringComparison.Ordinal) && f.Location.StartsWith("第", StringComparison.Ordinal));
        Assert.Contains(s2, f => f.Message.Contains("第七部分", StringComparison.Ordinal));
        Assert.Empty(Check(old, "S2"));
    }

    [Fact]
    public void S6_compares_the_parts_announced_with_the_parts_listed_and_a_cut_text_does_not_fire_it()
    {
        string[] five = ["本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、其他需要报告的事项等六部分。"];
        string[] six = ["本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。"];

        var wrong = Assert.Single(Check(Report(intro: five), "S6"));
        Assert.Contains("分为 6 个部分，但列出的是 5 个部分", wrong.Message);
        Assert.Empty(Check(Report(intro: six), "S6"));
        Assert.Empty(Check(Report(intro: ["本报告分为六个部分。"], sections: 3), "S6"));
        Assert.Empty(Check(Report(intro: six, sections: 3), "S6"));
    }

    [Fact]
    public void Shares_of_all_outcomes_add_up_to_one_hundred_percent()
    {
        var wrong = Check(Report(five: "予以公开占60%，部分公开占30.5%，不予公开占8%，无法提供占5%。"), "N2");
        var right = Check(Report(five: "予以公开占60.4%，部分公开占30.2%，不予公开占5.3%，无法提供占4.2%。"), "N2");

        Assert.Contains("合计为 103.5%，不是 100%", Assert.Single(wrong).Message);
        Assert.Empty(right);
    }

    [Fact]
    public void A_share_is_not_judged_against_a_total_left_blank()
    {
        var lines = Report(five: "本年度予以公开5件，占50%。");
        var at = lines.IndexOf(ReportFormats.Sections[3]);
        foreach (var row in ReportFormats.RequestRows(ReportFormat.V2021).Where(r => r.Kind != RowKind.Heading))
        {
            // 一、本年新收 and （七）总计 printed without their totals; 上年结转 2.
            var total = row.Id switch { RequestsRow.NewlyReceived or RequestsRow.Total => "", RequestsRow.CarriedIn => "2", RequestsRow.Disclosed => "5", _ => "0" };
            lines.Insert(at++, $"{row.Label}\t0\t0\t0\t0\t0\t0\t{total}");
        }

        Assert.Empty(Check(lines, "N2"));
    }

    [Fact]
    public void Staff_numbers_and_requests_received_stated_twice_differently_are_n4()
    {
        var one = "本局配备专职工作人员3名，兼职工作人员5名。\n本年度共收到政府信息公开申请12件。";
        var five = "目前仅有2名专职人员，兼职工作人员5名，力量不足。本年度收到政府信息公开申请15件，通过信函收到申请3件。";

        var n4 = Check(Report(one: one, five: five), "N4");

        Assert.Equal(2, n4.Count);
        Assert.Contains(n4, f => f.Message.Contains("专职工作人员的数量不同", StringComparison.Ordinal) && f.Message.Contains("3 人", StringComparison.Ordinal) && f.Message.Contains("2 人", StringComparison.Ordinal));
        Assert.Contains(n4, f => f.Message.Contains("收到的政府信息公开申请的数量不同", StringComparison.Ordinal) && f.Message.Contains("12 件", StringComparison.Ordinal) && f.Message.Contains("15 件", StringComparison.Ordinal));
    }
}

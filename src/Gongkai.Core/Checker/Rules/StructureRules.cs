using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>
/// S1–S5: the six sections in order, the format version fitting the year (and no structure of the reports before
/// 2019), table rows the format does not have or that were not found, template residue, the title and the statistics
/// period.
/// </summary>
public sealed partial class StructureRules : IRuleGroup
{
    public IReadOnlyList<string> Rules { get; } = [RuleId.S1, RuleId.S2, RuleId.S3, RuleId.S4, RuleId.S5];

    public bool ReadsText => true;

    public void Check(CheckContext context)
    {
        var (report, ct) = (context.Report, context.Cancellation);
        // S1: the six sections, in order.
        var missing = Enumerable.Range(1, 6).Where(s => !report.Sections.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            context.Add(new(RuleId.S1, Severity.Warning, "全文", $"未找到规定的部分：{string.Join("、", missing.Select(s => ReportFormats.Sections[s - 1]))}。年度报告应包括格式规定的六个部分。"));
        }

        var order = report.Sections.OrderBy(s => s.Value).Select(s => s.Key).ToList();
        if (!order.SequenceEqual(order.Order()))
        {
            context.Add(new(RuleId.S1, Severity.Warning, "全文", $"各部分的顺序与格式不一致（实际顺序：{string.Join("、", order.Select(s => ReportFormats.Sections[s - 1][..1]))}）。"));
        }

        // S2: the format version fits the year.
        if (report.Year is { } year && report.Format is { } format && ReportFormats.ForYear(year) != format)
        {
            context.Add(new(RuleId.S2, Severity.Error, "表二、表三", $"{year} 年度报告应使用{ReportFormats.ForYear(year).DisplayName()}，但表格是{format.DisplayName()}。"));
        }

        if (report.Year >= 2021 && report.Prose.FirstOrDefault(l => l.Compact.Contains("格式(试行)", StringComparison.Ordinal)) is { } trial)
        {
            context.Add(new(RuleId.S2, Severity.Warning, Line(trial.Number), "2021 年度起应使用 2021 年版格式，正文仍引用“格式（试行）”。"));
        }

        // S2: the seven parts of the reports before 2019 (四、收费及减免情况; 五、因政府信息公开申请提起行政复议、行政诉讼的情况; 七、).
        if (report.Year >= 2019)
        {
            foreach (var line in report.Lines)
            {
                var compact = line.Compact;
                if (compact.Length <= 40 && SevenPartHeading().Match(compact) is { Success: true } old)
                {
                    var part = old.Groups["what"].Value switch
                    {
                        "七、" => "第七部分",
                        "收费及减免" => "单列的收费及减免部分",
                        _ => "单列的行政复议、行政诉讼部分",
                    };
                    context.Add(new(RuleId.S2, Severity.Warning, Line(line.Number),
                        $"“{Shorten(compact)}”是 2019 年以前七部分结构的标题（{part}）。{report.Year} 年度报告应按现行格式的六个部分编写。"));
                }
            }
        }

        // S2: an introduction listing the parts of the reports before 2019 (the fees as a part of their own).
        if (report.Year >= 2019 && report.Prose.Take(12).FirstOrDefault(l => AnnouncedPartsRules.ListedParts().Match(l.Compact) is { Success: true } m
                && (m.Groups["list"].Value.Contains("收费及减免", StringComparison.Ordinal) || m.Groups["list"].Value.Contains("费用情况", StringComparison.Ordinal))) is { } oldList)
        {
            context.Add(new(RuleId.S2, Severity.Warning, Line(oldList.Number), $"引言列出的部分中有单列的收费（费用）情况，是 2019 年以前七部分结构。{report.Year} 年度报告应按现行格式的六个部分编写。"));
        }

        // S3: rows that could not be mapped.
        foreach (var unmapped in report.Unmapped)
        {
            context.Add(new(RuleId.S3, Severity.Warning, "表格", unmapped));
        }

        foreach (var (line, label) in report.ExtraRows)
        {
            context.Add(new(RuleId.S3, Severity.Info, $"{Line(line)} · 表三", $"“{label}”不是格式中的行（可能是本地区增加的行），未计入勾稽关系。"));
        }

        // S4: template residue.
        foreach (var line in report.Lines)
        {
            if ((line.Number & 0xFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var compact = line.Compact;
            if (TemplateResidue().Match(compact) is { Success: true } residue)
            {
                context.Add(new(RuleId.S4, Severity.Warning, Line(line.Number), $"疑似模板残留“{residue.Value}”，发布前应删除或填写。"));
            }
            else if (LabelInstruction().Match(compact) is { Success: true } instruction)
            {
                context.Add(new(RuleId.S4, Severity.Warning, Line(line.Number), $"表中留有模板的填写说明“{Shorten(instruction.Value)}”，发布前应删除。"));
            }
        }

        // S5: the title names the agency and the year; the period is stated.
        var title = report.Title is null ? "" : ReportText.Compact(report.Title);
        if (title.Length == 0)
        {
            context.Add(new(RuleId.S5, Severity.Warning, "标题", "没有找到标题：开头没有一行写明“××（机关）××××年政府信息公开工作年度报告”（引言中的一句话不能代替标题）。"));
        }
        else if (!ProperTitle().IsMatch(title))
        {
            context.Add(new(RuleId.S5, Severity.Warning, "标题", "标题应为“××（机关）××××年政府信息公开工作年度报告”，写明机关和年度。"));
        }

        if (!report.Lines.Any(l => l.Compact is var c && (c.Contains("统计期限", StringComparison.Ordinal) || (c.Contains("1月1日", StringComparison.Ordinal) && c.Contains("12月31日", StringComparison.Ordinal)))))
        {
            context.Add(new(RuleId.S5, Severity.Info, "全文", "未写明统计期限（如“本报告中所列数据的统计期限自××××年1月1日起至12月31日止”）。"));
        }
    }

    /// <summary>The headings only the pre-2019 seven-part reports have: their 四 (fees and waivers), their 五 (appeals “因…申请提起…”) and a 七.</summary>
    [GeneratedRegex(@"^(?:[一二三四五六七八九]、|\(?[一二三四五六七八九\d]{1,2}[)、.,])?(?:政府信息公开(?:的)?)?(?<what>收费及减免)(?:的)?情况|^(?:[一二三四五六七八九]、|\(?[一二三四五六七八九\d]{1,2}[)、.,])?(?<what>因政府信息公开申请(?:提起)?行政复议、(?:提起)?行政诉讼)的情况|^(?<what>七、)\S{0,20}?(?:情况|事项)$")]
    private static partial Regex SevenPartHeading();

    // The agency then the year, or the year then the agency ("2019年××市××局政府信息公开工作年度报告"): both are printed.
    [GeneratedRegex(@"^(?:\S{2,}?(?:19|20)\d{2}年度?|(?:19|20)\d{2}年度?\S{2,}?)政府信息公开(?:工作的?)?(?:年度(?:工作)?报告|工作年度报告|年报)")]
    private static partial Regex ProperTitle();

    /// <summary>A template's filling instruction in brackets inside a label: （设区的市…应提供相关数据）, （指2019年事项数）, （减用负值表示，如-8）.</summary>
    [GeneratedRegex(@"\([^()]{0,40}?(?:应提供|应当提供|应填|请填|填写|指(?:19|20)\d{2}年|用负值|负值表示|一般情况下属于)[^()]{0,60}\)")]
    private static partial Regex LabelInstruction();

    [GeneratedRegex(@"(编写说明|\(文字描述\)|文字描述|填写说明|\(此处填写|XX年|××年|\(机关名称\))")]
    private static partial Regex TemplateResidue();
}

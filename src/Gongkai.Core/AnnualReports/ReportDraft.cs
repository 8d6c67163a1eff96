using System.Globalization;
using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;

namespace Gongkai.Core.AnnualReports;

/// <summary>
/// The first draft of the narrative: sentences whose numbers come from the tables, so the text cannot disagree with
/// them (docs/report-check.md: N1–N3, X2). Staff edit from here; the numbers stay tied to the records.
/// </summary>
public static class ReportDraft
{
    public static string RequestsParagraph(RequestTable table)
    {
        int Total(RequestsRow row) => table[row, ApplicantColumn.Total];
        int Category(OutcomeCategory category) => table.CategoryTotal(category, ApplicantColumn.Total);
        var text = Invariant($"本年度共收到政府信息公开申请{Total(RequestsRow.NewlyReceived)}件，上年结转{Total(RequestsRow.CarriedIn)}件；办理答复{Total(RequestsRow.Total)}件，其中予以公开{Total(RequestsRow.Disclosed)}件，部分公开{Total(RequestsRow.PartiallyDisclosed)}件，不予公开{Category(OutcomeCategory.Withheld)}件，无法提供{Category(OutcomeCategory.Unavailable)}件，不予处理{Category(OutcomeCategory.NotProcessed)}件，其他处理{Category(OutcomeCategory.OtherHandling)}件；结转下年度继续办理{Total(RequestsRow.CarriedOut)}件。");
        return text;
    }

    public static string AppealsParagraph(AppealsTable table)
    {
        var reconsideration = table[AppealKind.Reconsideration, AppealColumn.Total];
        var litigation = table[AppealKind.LitigationDirect, AppealColumn.Total] + table[AppealKind.LitigationAfterReconsideration, AppealColumn.Total];
        if (reconsideration + litigation == 0)
        {
            return "本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。";
        }

        string Results(AppealKind kind) => string.Join("，", AppealColumns.Results
            .Select(c => (Label: c.Label(), Count: table[kind, c])).Where(x => x.Count > 0).Select(x => Invariant($"{x.Label}{x.Count}件")));
        var parts = new List<string>();
        if (reconsideration > 0)
        {
            parts.Add(Invariant($"因政府信息公开申请行政复议{reconsideration}件（{Results(AppealKind.Reconsideration)}）"));
        }

        if (litigation > 0)
        {
            var details = string.Join("；", new[] { AppealKind.LitigationDirect, AppealKind.LitigationAfterReconsideration }
                .Where(k => table[k, AppealColumn.Total] > 0).Select(k => Results(k)));
            parts.Add(Invariant($"提起行政诉讼{litigation}件（{details}）"));
        }

        return "本年度" + string.Join("，", parts) + "。";
    }

    /// <summary>
    /// （一）主动公开 from the catalog: what was published in the year, by kind, and the policy interpretations; null when
    /// nothing was (the heading then stays for staff to write, and the checker's S8 flags it while it is empty).
    /// </summary>
    public static string? ProactiveParagraph(int published, int regulations, int normative, int interpretations, int gazetteIssues)
    {
        if (published == 0)
        {
            return null;
        }

        var kinds = new List<string>();
        if (regulations > 0)
        {
            kinds.Add(Invariant($"规章{regulations}件"));
        }

        if (normative > 0)
        {
            kinds.Add(Invariant($"行政规范性文件{normative}件"));
        }

        if (interpretations > 0)
        {
            kinds.Add(Invariant($"政策解读{interpretations}篇"));
        }

        return Invariant($"本年度在政府信息公开目录中主动公开政府信息{published}条")
            + (kinds.Count > 0 ? "，其中" + string.Join("、", kinds) : "")
            + (gazetteIssues > 0 ? Invariant($"；编印政府公报{gazetteIssues}期") : "") + "。";
    }

    /// <summary>（三）政府信息管理 from the catalog: documents repealed or declared invalid in the year; null when none.</summary>
    public static string? ManagementParagraph(int repealed, int expired) => repealed + expired == 0
        ? null
        : Invariant($"本年度对主动公开的文件及时标注有效性，废止文件{repealed}件、宣布失效文件{expired}件，均已在目录中注明。");

    /// <summary>The subjects most asked about (二), e.g. “申请内容较集中的是征收补偿（12件）、道路建设（8件）”.</summary>
    public static string? SubjectsSentence(IReadOnlyList<(string Subject, int Count)> subjects) => subjects.Count == 0
        ? null
        : "申请内容较集中的是" + string.Join("、", subjects.Select(s => Invariant($"{s.Subject}（{s.Count}件）"))) + "。";

    /// <summary>
    /// （二）: Art. 44 — information several applicants asked for, published proactively for them, as groups and the
    /// requests in them; null when none. Worded without 收到/新收 so that it is never read as the year's requests (N1).
    /// </summary>
    public static string? SameInformationSentence(int groups, int requests) => groups == 0
        ? null
        : Invariant($"依据《条例》第四十四条，对多个申请人就相同政府信息提出的申请，将该信息纳入主动公开范围，依申请公开转为主动公开{groups}组，涉及申请{requests}件。");

    /// <summary>Section 六 from 2021 on states the processing fees collected, even when none (X2).</summary>
    public static string FeesParagraph(ReportFormat format, decimal feesCollected, int feeNotices)
    {
        if (format == ReportFormat.V2019)
        {
            return "无其他需要报告的事项。";
        }

        return feesCollected > 0
            ? Invariant($"本年度依据《政府信息公开信息处理费管理办法》发出收费通知{feeNotices}件，收取信息处理费{feesCollected:0.##}元。")
            : "本年度未收取政府信息公开信息处理费。";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

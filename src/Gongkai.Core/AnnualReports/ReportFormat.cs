using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;

namespace Gongkai.Core.AnnualReports;

/// <summary>The two official formats of the annual report (政府信息公开工作年度报告格式).</summary>
public enum ReportFormat
{
    /// <summary>国办公开办函〔2019〕60号《格式（试行）》: reports for 2019 and 2020.</summary>
    V2019,
    /// <summary>国办公开办函〔2021〕30号: reports for 2021 on.</summary>
    V2021,
}

public enum RowKind
{
    /// <summary>A row that only names a group (（三）不予公开, 三、本年度办理结果): no numbers of its own in the format.</summary>
    Heading,
    /// <summary>A row whose numbers are counted directly.</summary>
    Leaf,
    /// <summary>（七）总计: the sum of the outcome leaves.</summary>
    Total,
}

/// <summary>
/// One row of the request table: its name, its code (the key the JSON export and typed-in tables use), its label
/// exactly as the format prints it, the outcomes it counts, and the outcome category (（一）…（六）) it counts in or
/// heads (null for 一, 二, 三, （七）总计 and 四).
/// </summary>
public sealed record RequestTableRow(RequestsRow Id, string Code, string Label, RowKind Kind, int Depth, IReadOnlyList<Outcome> Outcomes, OutcomeCategory? Category)
{
    public bool IsOutcomeLeaf => Kind == RowKind.Leaf && Outcomes.Count > 0;
}

/// <summary>The formats as data: section titles, table rows and columns, labels exactly as published.</summary>
public static class ReportFormats
{
    public static ReportFormat ForYear(int year) => year <= 2020 ? ReportFormat.V2019 : ReportFormat.V2021;

    public static string DisplayName(this ReportFormat format) => format switch
    {
        ReportFormat.V2019 => "2019 年试行版格式（国办公开办函〔2019〕60号）",
        ReportFormat.V2021 => "2021 年版格式（国办公开办函〔2021〕30号）",
    };

    /// <summary>Null when the format fits the year; otherwise the warning to show (choosing another is allowed).</summary>
    public static string? Warning(int year, ReportFormat format) => ForYear(year) == format ? null
        : $"{year} 年度的年度报告应使用{ForYear(year).DisplayName()}，当前选择的是{format.DisplayName()}。";

    public static readonly IReadOnlyList<string> Sections =
    [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ];

    /// <summary>The printed rule in the request table's corner cell.</summary>
    public const string RequestTableCorner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    public const string ApplicantGroupLabel = "法人或其他组织";

    public static IReadOnlyList<RequestTableRow> RequestRows(ReportFormat format)
    {
        static RequestTableRow Leaf(RequestsRow id, string code, string label, int depth, params Outcome[] outcomes) =>
            new(id, code, label, RowKind.Leaf, depth, outcomes, outcomes.Length > 0 ? outcomes[0].Category() : null);
        static RequestTableRow Heading(RequestsRow id, string code, string label, int depth, OutcomeCategory? category) =>
            new(id, code, label, RowKind.Heading, depth, [], category);

        var rows = new List<RequestTableRow>
        {
            Leaf(RequestsRow.NewlyReceived, "1", "一、本年新收政府信息公开申请数量", 0),
            Leaf(RequestsRow.CarriedIn, "2", "二、上年结转政府信息公开申请数量", 0),
            Heading(RequestsRow.Outcomes, "3", "三、本年度办理结果", 0, null),
            Leaf(RequestsRow.Disclosed, "3.1", "（一）予以公开", 1, Outcome.Disclosed),
            Leaf(RequestsRow.PartiallyDisclosed, "3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, Outcome.PartiallyDisclosed),
            Heading(RequestsRow.Withheld, "3.3", "（三）不予公开", 1, OutcomeCategory.Withheld),
            Leaf(RequestsRow.WithheldStateSecret, "3.3.1", "1.属于国家秘密", 2, Outcome.WithheldStateSecret),
            Leaf(RequestsRow.WithheldProhibitedByLaw, "3.3.2", "2.其他法律行政法规禁止公开", 2, Outcome.WithheldProhibitedByLaw),
            Leaf(RequestsRow.WithheldEndangersSecurityOrStability, "3.3.3", "3.危及“三安全一稳定”", 2, Outcome.WithheldEndangersSecurityOrStability),
            Leaf(RequestsRow.WithheldThirdPartyRights, "3.3.4", "4.保护第三方合法权益", 2, Outcome.WithheldThirdPartyRights),
            Leaf(RequestsRow.WithheldInternalAffairs, "3.3.5", "5.属于三类内部事务信息", 2, Outcome.WithheldInternalAffairs),
            Leaf(RequestsRow.WithheldProcessInformation, "3.3.6", "6.属于四类过程性信息", 2, Outcome.WithheldProcessInformation),
            Leaf(RequestsRow.WithheldEnforcementCaseFile, "3.3.7", "7.属于行政执法案卷", 2, Outcome.WithheldEnforcementCaseFile),
            Leaf(RequestsRow.WithheldAdministrativeQuery, "3.3.8", "8.属于行政查询事项", 2, Outcome.WithheldAdministrativeQuery),
            Heading(RequestsRow.Unavailable, "3.4", "（四）无法提供", 1, OutcomeCategory.Unavailable),
            Leaf(RequestsRow.UnavailableNotHeld, "3.4.1", "1.本机关不掌握相关政府信息", 2, Outcome.UnavailableNotHeld),
            Leaf(RequestsRow.UnavailableRequiresCreation, "3.4.2", "2.没有现成信息需要另行制作", 2, Outcome.UnavailableRequiresCreation),
            Leaf(RequestsRow.UnavailableUnclearAfterCorrection, "3.4.3", "3.补正后申请内容仍不明确", 2, Outcome.UnavailableUnclearAfterCorrection),
            Heading(RequestsRow.NotProcessed, "3.5", "（五）不予处理", 1, OutcomeCategory.NotProcessed),
            Leaf(RequestsRow.NotProcessedPetitionOrComplaint, "3.5.1", "1.信访举报投诉类申请", 2, Outcome.NotProcessedPetitionOrComplaint),
            Leaf(RequestsRow.NotProcessedRepeated, "3.5.2", "2.重复申请", 2, Outcome.NotProcessedRepeated),
            Leaf(RequestsRow.NotProcessedPublishedMaterial, "3.5.3", "3.要求提供公开出版物", 2, Outcome.NotProcessedPublishedMaterial),
            Leaf(RequestsRow.NotProcessedExcessive, "3.5.4", "4.无正当理由大量反复申请", 2, Outcome.NotProcessedExcessive),
            Leaf(RequestsRow.NotProcessedConfirmationOfObtained, "3.5.5", "5.要求行政机关确认或重新出具已获取信息", 2, Outcome.NotProcessedConfirmationOfObtained),
        };
        switch (format)
        {
            case ReportFormat.V2019:
                rows.Add(Leaf(RequestsRow.OtherHandling, "3.6", "（六）其他处理", 1, Outcome.OtherCorrectionNotSupplied, Outcome.OtherFeeNotPaid, Outcome.OtherOther));
                break;
            case ReportFormat.V2021:
                rows.Add(Heading(RequestsRow.OtherHandling, "3.6", "（六）其他处理", 1, OutcomeCategory.OtherHandling));
                rows.Add(Leaf(RequestsRow.OtherCorrectionNotSupplied, "3.6.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 2, Outcome.OtherCorrectionNotSupplied));
                rows.Add(Leaf(RequestsRow.OtherFeeNotPaid, "3.6.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 2, Outcome.OtherFeeNotPaid));
                rows.Add(Leaf(RequestsRow.OtherOther, "3.6.3", "3.其他", 2, Outcome.OtherOther));
                break;
        }

        rows.Add(new(RequestsRow.Total, "3.7", "（七）总计", RowKind.Total, 1, [], null));
        rows.Add(Leaf(RequestsRow.CarriedOut, "4", "四、结转下年度继续办理", 0));
        return rows;
    }

    /// <summary>The appeals table: three groups × <see cref="AppealColumns"/>, one row of 15 numbers.</summary>
    public static readonly IReadOnlyList<(AppealKind Kind, string Group, string? Subgroup)> AppealGroups =
    [
        (AppealKind.Reconsideration, "行政复议", null),
        (AppealKind.LitigationDirect, "行政诉讼", "未经复议直接起诉"),
        (AppealKind.LitigationAfterReconsideration, "行政诉讼", "复议后起诉"),
    ];
}

/// <summary>
/// The report's lifecycle: 草稿 → 已审核 → 已定稿 (the year's figures are locked) → 已发布 on the portal.
/// </summary>
public enum ReportStage
{
    Draft,
    Reviewed,
    Approved,
    Published,
}

public static class ReportStages
{
    public static string Label(this ReportStage stage) => stage switch
    {
        ReportStage.Draft => "草稿",
        ReportStage.Reviewed => "已审核",
        ReportStage.Approved => "已定稿",
        ReportStage.Published => "已发布",
    };

    /// <summary>Approved and published reports lock their year's figures.</summary>
    public static bool IsLocked(this ReportStage stage) => stage >= ReportStage.Approved;
}

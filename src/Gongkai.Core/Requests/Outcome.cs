namespace Gongkai.Core.Requests;

/// <summary>
/// How a request ended, exactly as the annual report counts it: one leaf row of the request table (2021 format).
/// The 2019 (trial) format has a single 其他处理 row, so its three leaves collapse there.
/// Partial disclosure counts only as <see cref="PartiallyDisclosed"/> (Art. 37), never also as withheld.
/// </summary>
public enum Outcome
{
    Disclosed,
    PartiallyDisclosed,
    WithheldStateSecret,
    WithheldProhibitedByLaw,
    WithheldEndangersSecurityOrStability,
    WithheldThirdPartyRights,
    WithheldInternalAffairs,
    WithheldProcessInformation,
    WithheldEnforcementCaseFile,
    WithheldAdministrativeQuery,
    UnavailableNotHeld,
    UnavailableRequiresCreation,
    UnavailableUnclearAfterCorrection,
    NotProcessedPetitionOrComplaint,
    NotProcessedRepeated,
    NotProcessedPublishedMaterial,
    NotProcessedExcessive,
    NotProcessedConfirmationOfObtained,
    OtherCorrectionNotSupplied,
    OtherFeeNotPaid,
    OtherOther,
}

/// <summary>The six groups of outcomes, （一）…（六） in the report.</summary>
public enum OutcomeCategory
{
    Disclosed,
    PartiallyDisclosed,
    Withheld,
    Unavailable,
    NotProcessed,
    OtherHandling,
}

public static class Outcomes
{
    public static OutcomeCategory Category(this Outcome outcome) => outcome switch
    {
        Outcome.Disclosed => OutcomeCategory.Disclosed,
        Outcome.PartiallyDisclosed => OutcomeCategory.PartiallyDisclosed,
        Outcome.WithheldStateSecret or Outcome.WithheldProhibitedByLaw or Outcome.WithheldEndangersSecurityOrStability
            or Outcome.WithheldThirdPartyRights or Outcome.WithheldInternalAffairs or Outcome.WithheldProcessInformation
            or Outcome.WithheldEnforcementCaseFile or Outcome.WithheldAdministrativeQuery => OutcomeCategory.Withheld,
        Outcome.UnavailableNotHeld or Outcome.UnavailableRequiresCreation or Outcome.UnavailableUnclearAfterCorrection => OutcomeCategory.Unavailable,
        Outcome.NotProcessedPetitionOrComplaint or Outcome.NotProcessedRepeated or Outcome.NotProcessedPublishedMaterial
            or Outcome.NotProcessedExcessive or Outcome.NotProcessedConfirmationOfObtained => OutcomeCategory.NotProcessed,
        Outcome.OtherCorrectionNotSupplied or Outcome.OtherFeeNotPaid or Outcome.OtherOther => OutcomeCategory.OtherHandling,
    };

    public static string DisplayName(this OutcomeCategory category) => category switch
    {
        OutcomeCategory.Disclosed => "予以公开",
        OutcomeCategory.PartiallyDisclosed => "部分公开",
        OutcomeCategory.Withheld => "不予公开",
        OutcomeCategory.Unavailable => "无法提供",
        OutcomeCategory.NotProcessed => "不予处理",
        OutcomeCategory.OtherHandling => "其他处理",
    };

    /// <summary>The label of the outcome's row, as the 2021 format prints it.</summary>
    public static string DisplayName(this Outcome outcome) => outcome switch
    {
        Outcome.Disclosed => "予以公开",
        Outcome.PartiallyDisclosed => "部分公开",
        Outcome.WithheldStateSecret => "不予公开 · 属于国家秘密",
        Outcome.WithheldProhibitedByLaw => "不予公开 · 其他法律行政法规禁止公开",
        Outcome.WithheldEndangersSecurityOrStability => "不予公开 · 危及“三安全一稳定”",
        Outcome.WithheldThirdPartyRights => "不予公开 · 保护第三方合法权益",
        Outcome.WithheldInternalAffairs => "不予公开 · 属于三类内部事务信息",
        Outcome.WithheldProcessInformation => "不予公开 · 属于四类过程性信息",
        Outcome.WithheldEnforcementCaseFile => "不予公开 · 属于行政执法案卷",
        Outcome.WithheldAdministrativeQuery => "不予公开 · 属于行政查询事项",
        Outcome.UnavailableNotHeld => "无法提供 · 本机关不掌握相关政府信息",
        Outcome.UnavailableRequiresCreation => "无法提供 · 没有现成信息需要另行制作",
        Outcome.UnavailableUnclearAfterCorrection => "无法提供 · 补正后申请内容仍不明确",
        Outcome.NotProcessedPetitionOrComplaint => "不予处理 · 信访举报投诉类申请",
        Outcome.NotProcessedRepeated => "不予处理 · 重复申请",
        Outcome.NotProcessedPublishedMaterial => "不予处理 · 要求提供公开出版物",
        Outcome.NotProcessedExcessive => "不予处理 · 无正当理由大量反复申请",
        Outcome.NotProcessedConfirmationOfObtained => "不予处理 · 要求行政机关确认或重新出具已获取信息",
        Outcome.OtherCorrectionNotSupplied => "其他处理 · 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        Outcome.OtherFeeNotPaid => "其他处理 · 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        Outcome.OtherOther => "其他处理 · 其他",
    };

    /// <summary>
    /// The article a reply of this kind usually cites, for the reply notice; staff may cite more. Null where the
    /// usual citation depends on the facts and staff must write it.
    /// </summary>
    public static string? DefaultLegalBasis(this Outcome outcome) => outcome switch
    {
        Outcome.Disclosed => "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
        Outcome.PartiallyDisclosed => "《中华人民共和国政府信息公开条例》第三十七条",
        Outcome.WithheldStateSecret or Outcome.WithheldProhibitedByLaw or Outcome.WithheldEndangersSecurityOrStability
            => "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项",
        Outcome.WithheldThirdPartyRights => "《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项",
        Outcome.WithheldInternalAffairs => "《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项",
        Outcome.WithheldProcessInformation or Outcome.WithheldEnforcementCaseFile
            => "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项",
        Outcome.WithheldAdministrativeQuery => "《中华人民共和国政府信息公开条例》第三十六条第（七）项",
        Outcome.UnavailableNotHeld => "《中华人民共和国政府信息公开条例》第三十六条第（四）项",
        Outcome.UnavailableRequiresCreation => "《中华人民共和国政府信息公开条例》第三十八条",
        Outcome.UnavailableUnclearAfterCorrection => "《中华人民共和国政府信息公开条例》第三十条",
        Outcome.NotProcessedPetitionOrComplaint => "《中华人民共和国政府信息公开条例》第三十九条第一款",
        Outcome.NotProcessedRepeated => "《中华人民共和国政府信息公开条例》第三十六条第（六）项",
        Outcome.NotProcessedPublishedMaterial => "《中华人民共和国政府信息公开条例》第三十九条第二款",
        Outcome.NotProcessedExcessive => "《中华人民共和国政府信息公开条例》第三十五条",
        Outcome.NotProcessedConfirmationOfObtained => null,
        Outcome.OtherCorrectionNotSupplied => "《中华人民共和国政府信息公开条例》第三十条",
        Outcome.OtherFeeNotPaid => "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
        Outcome.OtherOther => null,
    };

    /// <summary>Outcomes that refuse something must say why (Arts. 36, 37): a reason is required.</summary>
    public static bool NeedsReason(this Outcome outcome) => outcome.Category() is not OutcomeCategory.Disclosed;

    /// <summary>Closures the clock makes on its own (a lapsed correction or fee period); staff do not choose them in a decision.</summary>
    public static bool IsLapse(this Outcome outcome) => outcome is Outcome.OtherCorrectionNotSupplied or Outcome.OtherFeeNotPaid;
}

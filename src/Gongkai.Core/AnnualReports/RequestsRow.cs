namespace Gongkai.Core.AnnualReports;

/// <summary>
/// The rows of table 三 (收到和处理政府信息公开申请情况) of both formats, in the format's order. The 2019 format has
/// （六）其他处理 as one counted row; the 2021 format makes it a heading over three. Each row's code ("1", "3.3.4",
/// "3.7") is data: the JSON export and the tables typed in for a historic year are keyed by it
/// (<see cref="RequestTableRow.Code"/>); code names the row.
/// </summary>
public enum RequestsRow
{
    /// <summary>一、本年新收政府信息公开申请数量.</summary>
    NewlyReceived,
    /// <summary>二、上年结转政府信息公开申请数量.</summary>
    CarriedIn,
    /// <summary>三、本年度办理结果 (a heading).</summary>
    Outcomes,
    /// <summary>（一）予以公开.</summary>
    Disclosed,
    /// <summary>（二）部分公开.</summary>
    PartiallyDisclosed,
    /// <summary>（三）不予公开 (a heading).</summary>
    Withheld,
    WithheldStateSecret,
    WithheldProhibitedByLaw,
    WithheldEndangersSecurityOrStability,
    WithheldThirdPartyRights,
    WithheldInternalAffairs,
    WithheldProcessInformation,
    WithheldEnforcementCaseFile,
    WithheldAdministrativeQuery,
    /// <summary>（四）无法提供 (a heading).</summary>
    Unavailable,
    UnavailableNotHeld,
    UnavailableRequiresCreation,
    UnavailableUnclearAfterCorrection,
    /// <summary>（五）不予处理 (a heading).</summary>
    NotProcessed,
    NotProcessedPetitionOrComplaint,
    NotProcessedRepeated,
    NotProcessedPublishedMaterial,
    NotProcessedExcessive,
    NotProcessedConfirmationOfObtained,
    /// <summary>（六）其他处理: a counted row in the 2019 format, a heading in the 2021 format.</summary>
    OtherHandling,
    /// <summary>2021 format: 1.申请人无正当理由逾期不补正….</summary>
    OtherCorrectionNotSupplied,
    /// <summary>2021 format: 2.申请人逾期未按收费通知要求缴纳费用….</summary>
    OtherFeeNotPaid,
    /// <summary>2021 format: 3.其他.</summary>
    OtherOther,
    /// <summary>（七）总计: every outcome of the year, the sum of the outcome rows.</summary>
    Total,
    /// <summary>四、结转下年度继续办理.</summary>
    CarriedOut,
}

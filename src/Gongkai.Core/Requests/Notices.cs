using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Core.Requests;

/// <summary>The written notices (告知书) a request's handling produces.</summary>
public enum NoticeKind
{
    /// <summary>收到申请告知书: receipt confirmed, the clock starts.</summary>
    Acknowledgement,
    /// <summary>补正告知书 (Art. 30).</summary>
    Correction,
    /// <summary>延期答复告知书 (Art. 33 ¶2).</summary>
    Extension,
    /// <summary>征求第三方意见书 (Art. 32), sent to the third party.</summary>
    ThirdPartyConsultation,
    /// <summary>收费通知书 (fee rules).</summary>
    Fee,
    /// <summary>政府信息公开申请答复书 (Art. 36), including closures (lapses, withdrawal).</summary>
    Reply,
    /// <summary>说明理由告知书 (Art. 35): the applicant is asked for the reasons of a plainly excessive volume.</summary>
    ReasonsRequest,
    /// <summary>延迟答复告知书 (Art. 35): a reasonable later deadline, told to the applicant.</summary>
    ReasonableDeadline,
}

public static class NoticeKinds
{
    public static string DisplayName(this NoticeKind kind) => kind switch
    {
        NoticeKind.Acknowledgement => "收到申请告知书",
        NoticeKind.Correction => "补正告知书",
        NoticeKind.Extension => "延期答复告知书",
        NoticeKind.ThirdPartyConsultation => "征求第三方意见书",
        NoticeKind.Fee => "收费通知书",
        NoticeKind.Reply => "政府信息公开申请答复书",
        NoticeKind.ReasonsRequest => "说明理由告知书",
        NoticeKind.ReasonableDeadline => "延迟答复告知书",
    };

    /// <summary>The notice a step produces, if any.</summary>
    public static NoticeKind? For(RequestEvent e) => e switch
    {
        ReceiptConfirmed => NoticeKind.Acknowledgement,
        Submitted { ReceivedOn: not null } => NoticeKind.Acknowledgement,
        CorrectionRequested => NoticeKind.Correction,
        Extended => NoticeKind.Extension,
        ConsultationStarted { Kind: ConsultationKind.ThirdParty } => NoticeKind.ThirdPartyConsultation,
        FeeNoticeSent => NoticeKind.Fee,
        ReasonsRequested => NoticeKind.ReasonsRequest,
        ReasonableDeadlineSet => NoticeKind.ReasonableDeadline,
        Decided or CorrectionLapsed or FeeLapsed or Withdrawn { } => NoticeKind.Reply,
        _ => null,
    };
}

/// <summary>
/// An administrator-editable notice template: a title and a body with placeholders such as <c>{申请人}</c>. Only
/// known placeholders are allowed, so a typo is refused when the template is saved, not discovered in a letter.
/// </summary>
public sealed partial record NoticeTemplate(NoticeKind Kind, string Title, string Body)
{
    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["机关"] = "受理机关全称",
        ["工作机构"] = "政府信息公开工作机构",
        ["地址"] = "工作机构地址",
        ["联系电话"] = "工作机构电话",
        ["申请人"] = "申请人姓名或名称",
        ["查询码"] = "查询码",
        ["提交日期"] = "提交日期",
        ["收到日期"] = "收到申请之日",
        ["信息名称"] = "所需政府信息名称",
        ["答复期限"] = "答复期限",
        ["补正事项"] = "需补正的事项",
        ["补正期限"] = "补正期限",
        ["延长天数"] = "延长的工作日数",
        ["延期理由"] = "延期理由",
        ["第三方"] = "被征求意见的第三方",
        ["意见期限"] = "第三方提出意见的期限",
        ["收费金额"] = "收费金额",
        ["收费说明"] = "收费计算说明",
        ["缴费期限"] = "缴费期限",
        ["缴费方式"] = "信息处理费的缴纳方式（机关信息中填写）",
        ["申请情况"] = "申请数量、频次明显超过合理范围的情况",
        ["说明期限"] = "说明理由的期限",
        ["合理期限"] = "延迟答复的合理期限",
        ["延迟理由"] = "确定合理期限的理由",
        ["办理结果"] = "办理结果",
        ["答复内容"] = "按办理结果的答复正文",
        ["理由"] = "理由",
        ["依据"] = "依据",
        ["救济途径"] = "申请人的救济途径",
        ["复议机关"] = "行政复议机关",
        ["日期"] = "文书日期",
    };

    /// <summary>Null when the template can be saved; otherwise why not, in Chinese.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > 100)
        {
            return "标题不能为空，且不超过 100 个字。";
        }

        if (string.IsNullOrWhiteSpace(Body) || Body.Length > 10000)
        {
            return "正文不能为空，且不超过 10000 个字。";
        }

        var used = PlaceholderPattern().Matches(Title + Body).Select(m => m.Groups[1].Value).Distinct().ToList();
        var unknown = used.Where(p => !Placeholders.ContainsKey(p)).ToList();
        if (unknown.Count > 0)
        {
            return $"模板中有未知的占位符：{string.Join("、", unknown.Select(u => "{" + u + "}"))}。可用的占位符见页面说明。";
        }

        var missing = Required(Kind).Where(p => !used.Contains(p)).ToList();
        return missing.Count > 0
            ? $"{Kind.DisplayName()}必须写明{string.Join("、", missing.Select(p => Placeholders[p] + "（{" + p + "}）"))}：这是《条例》和收费办法要求告知申请人的内容，不能删去。"
            : null;
    }

    /// <summary>The notice's text: title, then the body with every placeholder filled (a missing value is left blank).</summary>
    public (string Title, string Body) Render(IReadOnlyDictionary<string, string?> values)
    {
        string Fill(string text) => PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v ?? "" : m.Value);
        return (Fill(Title), Fill(Body));
    }

    /// <summary>What each notice must tell the applicant, so an edited template cannot drop it.</summary>
    public static IReadOnlyList<string> Required(NoticeKind kind) => kind switch
    {
        // Arts. 36, 37 and the remedies (复议 60 日, 诉讼 6 个月) in every reply.
        NoticeKind.Reply => ["答复内容", "依据", "救济途径"],
        NoticeKind.Correction => ["补正事项", "补正期限"],
        NoticeKind.Extension => ["延期理由", "答复期限"],
        NoticeKind.Fee => ["收费金额", "收费说明", "缴费期限", "缴费方式"],
        NoticeKind.ThirdPartyConsultation => ["意见期限"],
        // Art. 35: what is beyond reason and until when to answer; the later deadline and why.
        NoticeKind.ReasonsRequest => ["申请情况", "说明期限"],
        NoticeKind.ReasonableDeadline => ["合理期限", "延迟理由"],
        _ => [],
    };

    [GeneratedRegex(@"\{([^{}\s]{1,10})\}")]
    private static partial Regex PlaceholderPattern();

    public static NoticeTemplate Default(NoticeKind kind) => kind switch
    {
        NoticeKind.Acknowledgement => new(kind, "收到政府信息公开申请告知书", """
            {申请人}：
            本机关已于{收到日期}收到您提交的政府信息公开申请（查询码：{查询码}），所需信息为：{信息名称}。
            根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将自收到申请之日起20个工作日内予以答复，答复期限为{答复期限}。征求第三方或者其他机关意见所需时间不计算在内。
            您可以凭查询码和联系电话后四位查询办理进度。
            特此告知。
            """),
        NoticeKind.Correction => new(kind, "政府信息公开申请补正告知书", """
            {申请人}：
            本机关于{收到日期}收到您的政府信息公开申请（查询码：{查询码}）。经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：
            {补正事项}
            请于{补正期限}前提交补正材料。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。
            特此告知。
            """),
        NoticeKind.Extension => new(kind, "政府信息公开申请延期答复告知书", """
            {申请人}：
            本机关于{收到日期}收到您的政府信息公开申请（查询码：{查询码}），所需信息为：{信息名称}。因{延期理由}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{延长天数}个工作日，延长后的答复期限为{答复期限}。
            特此告知。
            """),
        NoticeKind.ThirdPartyConsultation => new(kind, "政府信息公开征求第三方意见书", """
            {第三方}：
            本机关收到政府信息公开申请，申请公开的信息为：{信息名称}。该信息的公开可能损害您的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求您的意见。
            请于{意见期限}前（自收到本意见书之日起15个工作日内）书面提出意见。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。
            """),
        NoticeKind.Fee => new(kind, "政府信息公开信息处理费收费通知书", """
            {申请人}：
            本机关于{收到日期}收到您的政府信息公开申请（查询码：{查询码}）。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》的规定，该申请应收取信息处理费{收费金额}。
            计费依据：{收费说明}。
            缴纳方式：{缴费方式}。
            请于{缴费期限}前（自收到本通知次日起20个工作日内）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。
            特此通知。
            """),
        NoticeKind.ReasonsRequest => new(kind, "政府信息公开申请说明理由告知书", """
            {申请人}：
            本机关于{收到日期}收到您的政府信息公开申请（查询码：{查询码}），所需信息为：{信息名称}。经审查，{申请情况}，申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您于{说明期限}前向本机关说明申请理由。
            本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但无法在规定期限内答复的，将确定延迟答复的合理期限并告知您。
            特此告知。
            """),
        NoticeKind.ReasonableDeadline => new(kind, "政府信息公开申请延迟答复告知书", """
            {申请人}：
            本机关于{收到日期}收到您的政府信息公开申请（查询码：{查询码}），所需信息为：{信息名称}。本机关认为您说明的申请理由合理，但因{延迟理由}，无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。根据该条例第三十五条的规定，确定延迟答复的合理期限为{合理期限}。
            特此告知。
            """),
        NoticeKind.Reply => new(kind, "政府信息公开申请答复书", """
            {申请人}：
            本机关于{收到日期}收到您的政府信息公开申请（查询码：{查询码}），所需信息为：{信息名称}。现答复如下：
            {答复内容}
            依据：{依据}。
            {救济途径}
            """),
    };

    /// <summary>The reply's central paragraph for each outcome (Art. 36), with the reason staff recorded.</summary>
    public static string ReplyContent(Outcome outcome, string reason)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? "" : (reason.EndsWith('。') ? reason : reason + "。");
        var text = outcome switch
        {
            Outcome.Disclosed => "经审查，您申请获取的政府信息属于公开范围，本机关予以公开，现向您提供（见附件或按您选择的方式获取）。",
            Outcome.PartiallyDisclosed => "经审查，您申请获取的政府信息中含有不应当公开的内容，本机关作区分处理，向您提供可以公开的部分。对不予公开的部分说明如下：" + why,
            Outcome.WithheldStateSecret or Outcome.WithheldProhibitedByLaw or Outcome.WithheldEndangersSecurityOrStability
                or Outcome.WithheldThirdPartyRights or Outcome.WithheldInternalAffairs or Outcome.WithheldProcessInformation
                or Outcome.WithheldEnforcementCaseFile or Outcome.WithheldAdministrativeQuery => "经审查，您申请获取的政府信息本机关决定不予公开。理由：" + why,
            Outcome.UnavailableNotHeld => "经检索，本机关不掌握您申请获取的政府信息。" + why,
            Outcome.UnavailableRequiresCreation => "经审查，本机关没有您申请获取的现成信息，需要对现有政府信息进行加工、分析，本机关不予提供。" + why,
            Outcome.UnavailableUnclearAfterCorrection => "经补正后，您的申请内容仍不明确，本机关无法提供。" + why,
            Outcome.NotProcessedPetitionOrComplaint => "经审查，您的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。" + why,
            Outcome.NotProcessedRepeated => "本机关已就您提出的相同政府信息公开申请作出答复，对您的重复申请不予重复处理。" + why,
            Outcome.NotProcessedPublishedMaterial => "您申请获取的是公开出版物，本机关告知获取的途径如下：" + why,
            Outcome.NotProcessedExcessive => "您申请公开政府信息的数量、频次明显超过合理范围，且未能说明合理理由，本机关不予处理。" + why,
            Outcome.NotProcessedConfirmationOfObtained => "您的申请系要求本机关确认或重新出具已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。" + why,
            Outcome.OtherCorrectionNotSupplied => "本机关已向您发出补正告知，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。",
            Outcome.OtherFeeNotPaid => "本机关已向您发出收费通知，您逾期未缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。",
            Outcome.OtherOther => "本机关对您的申请作如下处理：" + why,
        };
        return text;
    }

    /// <summary>The applicant's remedies, stated in every reply (行政复议 60 日，行政诉讼 6 个月).</summary>
    public static string Remedies(string reconsiderationBody) => new StringBuilder()
        .Append("如对本答复不服，可以自收到本答复之日起六十日内向").Append(reconsiderationBody)
        .Append("申请行政复议，或者自收到本答复之日起六个月内向人民法院提起行政诉讼。")
        .ToString();
}

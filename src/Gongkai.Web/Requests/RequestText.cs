using System.Globalization;
using Gongkai.Core.Requests;

namespace Gongkai.Web.Requests;

/// <summary>How each step of a request's history reads to people.</summary>
public static class RequestText
{
    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A due date as pages show it: a provisional one (beyond the published holiday schedule) marked （预计）.</summary>
    public static string Due(DateOnly? due, bool provisional) => due is null ? "—" : Iso(due) + (provisional ? "（预计）" : "");

    public static string Due(StatutoryDeadline deadline) => Due(deadline.Due, deadline.Provisional);

    public static string Yuan(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture) + " 元";

    public static string Title(RequestEvent e) => e switch
    {
        Submitted s => s.ReceivedOn is null ? $"提交申请（{s.Channel.DisplayName()}）" : $"收到申请（{s.Channel.DisplayName()}）",
        ReceiptConfirmed => "确认收到申请",
        CorrectionRequested c => c.Late ? "发出补正通知（超过 7 个工作日）" : "发出补正通知",
        CorrectionReceived => "收到补正材料",
        CorrectionLapsed => "逾期未补正，视为放弃申请",
        ConsultationStarted c => c.Kind == ConsultationKind.ThirdParty ? $"征求第三方意见（第 {c.Number} 次）" : $"征求其他机关意见（第 {c.Number} 次）",
        ConsultationEnded c => $"征求意见结束（第 {c.Number} 次）",
        Extended x => $"延长答复期限 {x.WorkingDays} 个工作日",
        ReasonableDeadlineSet => "确定延迟答复的合理期限",
        FeeNoticeSent => "发出收费通知",
        FeePaid => "申请人已缴费",
        FeeLapsed => "逾期未缴费，视为放弃申请",
        Decided d => d.OnTheSpot ? "当场答复" : "作出答复",
        Delivered => "送达",
        Archived => "归档",
        Withdrawn => "申请人撤回申请",
        DeadlineRecomputed => "节假日安排变更，答复期限重新计算",
        NoticeDelivered n => n.Notice switch
        {
            DeliveredNotice.FeeNotice => "登记收费通知送达日期",
            DeliveredNotice.Correction => "登记补正通知送达日期",
            DeliveredNotice.Reply => "登记答复送达日期",
            _ => $"登记征求意见书送达日期（第 {n.Number} 次）",
        },
        ReasonsRequested => "要求申请人说明理由（第三十五条）",
        ReasonsStated r => r.Accepted ? "申请人说明理由（认为合理）" : "申请人说明理由（认为不合理）",
        AssistanceProvided => "为申请人提供帮助（第四十三条）",
        HandlerAssigned h => h.Reason is null ? $"分办给{h.Handler.DisplayName}" : $"改派给{h.Handler.DisplayName}",
        _ => e.GetType().Name,
    };

    public static string Details(RequestEvent e) => e switch
    {
        Submitted s => s.ReceivedOn is { } r ? $"收到申请之日 {Iso(r)}；申请人类型：{s.ApplicantType.DisplayName()}" : $"申请人类型：{s.ApplicantType.DisplayName()}；待确认",
        ReceiptConfirmed => "确认之日为收到申请之日",
        CorrectionRequested c => $"补正事项：{Clause(c.Items)}；"
            + (c.PeriodWorkingDays is { } n ? $"补正期限为收到通知之日起 {n} 个工作日" : $"补正期限至 {Iso(c.CorrectBy)}")
            + (c.DeliveredOn is { } got ? $"；{Iso(got)} 送达" : c.AwaitingDelivery ? "；邮寄送达，待签收" : "")
            + (c.Late ? "；晚于收到申请后 7 个工作日发出（《条例》第三十条）" : ""),
        ReasonsRequested r => $"{Clause(r.Grounds)}；请于 {Iso(r.ReplyBy)} 前说明理由",
        ReasonsStated r => r.Reasons,
        AssistanceProvided a => a.Help,
        HandlerAssigned h => h.Reason is { } reason ? "改派理由：" + Clause(reason) : "",
        CorrectionReceived { Supplied: { } supplied } => "申请人在线补正：" + supplied,
        ConsultationStarted c => $"对象：{c.Party}",
        ConsultationEnded c => c.Opinion,
        Extended x => $"经{x.ApprovedBy.DisplayName}同意；理由：{Clause(x.Reason)}",
        ReasonableDeadlineSet r => $"合理期限至 {Iso(r.Deadline)}；理由：{Clause(r.Reason)}",
        FeeNoticeSent f => $"{Yuan(f.Amount)}；{Clause(f.Explanation)}",
        Decided d => $"{d.Outcome.DisplayName()}；{(d.Reason.Length > 0 ? "理由：" + Clause(d.Reason) + "；" : "")}依据：{d.LegalBasis}",
        Delivered d => $"{d.Method.DisplayName()}{(d.TrackingNumber is { } t ? "，邮件号 " + t : "")}"
            + (d.DeliveredOn is { } got ? (d.Method == DeliveryMethod.Announcement ? $"；{Iso(got)} 视为送达" : $"；{Iso(got)} 送达") : d.AwaitingDelivery ? "；待签收" : ""),
        Withdrawn w => w.Reason,
        DeadlineRecomputed r => $"{Iso(r.OldDue)} → {Iso(r.NewDue)}；{Clause(r.Reason)}",
        NoticeDelivered n => $"{Iso(n.DeliveredOn)} 送达",
        _ => "",
    };

    /// <summary>A sentence written by staff, made a clause of a history line: its closing 。 or ； dropped before the next ；.</summary>
    public static string Clause(string text) => text.Trim().TrimEnd('。', '；', ';', '，', ',', '.', ' ');
}

using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Tools;

/// <summary>
/// "我的申请什么时候到期？": anyone enters how their request came in and what happened since, and sees the due date
/// with each step of the reckoning — the workflow's own rules (<see cref="DeadlineCalculator"/>), nothing stored.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Calculator)]
public sealed class DeadlineModel(CalendarStore calendars, RequestDay day) : PageModel
{
    [BindProperty] public string Channel { get; set; } = "Online";
    [BindProperty] public DateOnly? ArrivedOn { get; set; }
    [BindProperty] public DateOnly? ReceivedOn { get; set; }
    [BindProperty] public DateOnly? CorrectionOn { get; set; }
    [BindProperty] public DateOnly? CorrectBy { get; set; }
    [BindProperty] public DateOnly? CorrectedOn { get; set; }
    [BindProperty] public DateOnly? ConsultationOn { get; set; }
    [BindProperty] public DateOnly? ConsultationDeliveredOn { get; set; }
    [BindProperty] public string Party { get; set; } = "third-party";
    [BindProperty] public DateOnly? ConsultationAnsweredOn { get; set; }
    [BindProperty] public DateOnly? FeeNoticeOn { get; set; }
    [BindProperty] public DateOnly? FeeDeliveredOn { get; set; }
    [BindProperty] public DateOnly? FeePaidOn { get; set; }
    [BindProperty] public DateOnly? ExtendedOn { get; set; }
    [BindProperty] public int? ExtendedDays { get; set; }

    public DeadlineCalculator.Result? Result { get; private set; }
    public List<string> StepNames { get; } = [];
    public string? Error { get; private set; }

    public static readonly IReadOnlyList<(string Value, string Label)> ChannelChoices =
    [
        ("Online", "网上提交（本网站）"), ("InPerson", "当面提交"), ("Post", "邮寄（挂号信、EMS 等需签收）"),
        ("OrdinaryLetter", "平信"), ("Email", "电子邮件"), ("Fax", "传真"),
    ];

    public static string StateName(string state) => state switch
    {
        "running" => "正在计算期限",
        "paused" => "暂停计算（征求意见期间）",
        "overdue" => "已超过答复期限",
        "awaiting-correction" => "等待补正，期限自收到补正之日起重新计算",
        "awaiting-fee" => "等待缴费，期间不计入答复期限",
        "closed" => "已办结",
        "not-started" => "尚未收到，期限尚未起算",
        _ => "无法计算",
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!DeadlineCalculator.Channels.ContainsKey(Channel))
        {
            Error = "请选择申请方式。";
            return Page();
        }

        if (ArrivedOn is not { } arrived)
        {
            Error = "请填写申请提交（到达）的日期。";
            return Page();
        }

        var events = new List<DeadlineCalculator.TimelineEvent>();
        void Add(string type, string name, DateOnly? on, DateOnly? delivered = null, DateOnly? due = null, int? days = null)
        {
            if (on is { } day)
            {
                events.Add(new DeadlineCalculator.TimelineEvent(type, day, delivered, due, Party == "agency" ? ConsultationKind.Agency : ConsultationKind.ThirdParty, days));
                StepNames.Add(name);
            }
        }

        if (CorrectionOn is not null && CorrectBy is null)
        {
            Error = "填写了补正通知日期时，请同时填写补正期限。";
            return Page();
        }

        Add("correction-requested", "补正通知", CorrectionOn, due: CorrectBy);
        Add("corrected", "收到补正", CorrectedOn);
        Add("consultation-sent", "征求意见", ConsultationOn, ConsultationDeliveredOn);
        Add("consultation-answered", "对方答复", ConsultationAnsweredOn);
        Add("fee-notice", "收费通知", FeeNoticeOn, FeeDeliveredOn);
        Add("fee-paid", "缴费", FeePaidOn);
        Add("extended", "延期", ExtendedOn, days: ExtendedDays ?? 20);
        var timeline = new DeadlineCalculator.Timeline(DeadlineCalculator.Channels[Channel], arrived, ReceivedOn, events, null);
        Result = DeadlineCalculator.Run(timeline, await calendars.GetCalendarAsync(ct), day.Today);
        return Page();
    }
}

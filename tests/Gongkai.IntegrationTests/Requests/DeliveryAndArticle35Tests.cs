using System.Net;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Requests;

/// <summary>
/// Periods that run from delivery, the reply's delivery and the applicant's remedies, Art. 35 and Art. 43 — through
/// the staff pages, with the dates computed by hand in Core's RealTimelineTests.
/// </summary>
public sealed partial class RequestFlowTests
{
    [Fact]
    public async Task A_posted_correction_notice_runs_its_period_from_the_signed_date_and_its_notice_says_so()
    {
        var clock = FixedClock.At("2024-05-06T10:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var handler = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var clerk = await app.NewStaffAsync(StaffRoles.Clerk, office.Id);
        var id = await app.NewRequestAsync(office.Id, "某小区加装电梯的审批材料");

        clock.Set("2024-05-08");
        var sent = await StepAsync(app, await app.LoginAsync(handler), id, "RequestCorrection",
            new() { ["Items"] = "请写明所需审批材料的年份", ["PeriodDays"] = "15", ["AwaitingDelivery"] = "true" });
        clock.Set("2024-05-14");
        var session = await app.LoginAsync(clerk);
        var waiting = WebUtility.HtmlDecode(await session.GetStringAsync($"/admin/requests/{id}"));
        var recorded = await StepAsync(app, session, id, "RecordDelivery", new() { ["DeliveredNotice"] = "Correction", ["DeliveredOn"] = "2024-05-13" });
        var after = WebUtility.HtmlDecode(await session.GetStringAsync($"/admin/requests/{id}"));
        clock.Set("2024-05-29");
        var lapseTooEarly = await StepAsync(app, await app.LoginAsync(handler), id, "LapseCorrection");

        Assert.True(sent.IsRedirectTo($"/admin/requests/{id}"), WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync()));
        Assert.Contains("登记补正通知送达日期", waiting);
        Assert.Contains("尚未记录签收日期", waiting);
        Assert.True(recorded.IsRedirectTo($"/admin/requests/{id}"));
        Assert.Contains("（2024-05-13 送达），至 2024-06-03", after);
        Assert.Contains("补正期限到 2024-06-03 才届满", WebUtility.HtmlDecode(await lapseTooEarly.Content.ReadAsStringAsync()));
        var notice = await app.WithDbAsync(d => d.RequestNotices.AsNoTracking().SingleAsync(n => n.RequestId == id && n.Kind == NoticeKind.Correction));
        Assert.Contains("请于收到本通知之日起15个工作日届满前提交补正材料", Documents.DocxText(notice.Docx));
    }

    [Fact]
    public async Task A_reply_signed_for_after_archiving_shows_the_applicant_until_when_to_seek_review_or_sue()
    {
        var clock = FixedClock.At("2024-03-04T10:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var handler = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var clerk = await app.NewStaffAsync(StaffRoles.Clerk, office.Id);
        var id = await app.NewRequestAsync(office.Id, "2023 年道路维修工程的招标文件");

        clock.Set("2024-03-29");
        await StepAsync(app, await app.LoginAsync(handler), id, "Decide", new() { ["Outcome"] = "Disclosed" });
        var clerkSession = await app.LoginAsync(clerk);
        var posted = await StepAsync(app, clerkSession, id, "Deliver", new() { ["Method"] = "Mail", ["TrackingNumber"] = "EMS1234567890" });
        await StepAsync(app, clerkSession, id, "Archive");
        clock.Set("2024-04-08");
        clerkSession = await app.LoginAsync(clerk);
        var archived = WebUtility.HtmlDecode(await clerkSession.GetStringAsync($"/admin/requests/{id}"));
        var signed = await StepAsync(app, clerkSession, id, "RecordDelivery", new() { ["DeliveredNotice"] = "Reply", ["DeliveredOn"] = "2024-04-02" });
        var record = await app.WithDbAsync(d => d.Requests.AsNoTracking().SingleAsync(r => r.Id == id));
        var tracked = WebUtility.HtmlDecode(await (await TrackAsync(app.Browser(), RequestStore.FormatCode(record.TrackingCode), "8000")).Content.ReadAsStringAsync());

        Assert.True(posted.IsRedirectTo($"/admin/requests/{id}"));
        Assert.Contains("登记答复签收日期", archived);
        Assert.True(signed.IsRedirectTo($"/admin/requests/{id}"), WebUtility.HtmlDecode(await signed.Content.ReadAsStringAsync()));
        Assert.Equal(RequestStatus.Archived, record.Status);
        Assert.Contains("2024-04-02 答复送达申请人", tracked);
        Assert.Contains("可以在 2024-06-03 前申请行政复议", tracked);
        Assert.Contains("在 2024-10-08 前提起行政诉讼", tracked);
    }

    [Fact]
    public async Task Art_35_is_asked_recorded_and_decided_on_the_staff_page()
    {
        var clock = FixedClock.At("2024-03-04T10:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var handler = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var head = await app.NewStaffAsync(StaffRoles.Approver, office.Id);
        var refused = await app.NewRequestAsync(office.Id, "全区历年所有红头文件");
        var delayed = await app.NewRequestAsync(office.Id, "1990 年以来的村志资料");

        clock.Set("2024-03-05");
        var session = await app.LoginAsync(handler);
        var unasked = await StepAsync(app, session, refused, "Decide", new() { ["Outcome"] = "NotProcessedExcessive", ["Reason"] = "本年度已提出 120 件同类申请" });
        var page = WebUtility.HtmlDecode(await session.GetStringAsync($"/admin/requests/{refused}"));
        var asked = await StepAsync(app, session, refused, "RequestReasons", new() { ["Reason"] = "本年度已就同类事项提出 120 件申请", ["ReplyBy"] = "2024-03-12" });
        await StepAsync(app, session, delayed, "RequestReasons", new() { ["Reason"] = "本年度已就同类事项提出 80 件申请", ["ReplyBy"] = "2024-03-12" });
        clock.Set("2024-03-11");
        session = await app.LoginAsync(handler);
        var notAccepted = await StepAsync(app, session, refused, "RecordReasons", new() { ["Opinion"] = "想看看政府都发了什么" });
        var accepted = await StepAsync(app, session, delayed, "RecordReasons", new() { ["Opinion"] = "编写村志需要历年档案", ["Accepted"] = "true" });
        var decided = await StepAsync(app, session, refused, "Decide", new() { ["Outcome"] = "NotProcessedExcessive", ["Reason"] = "本年度已提出 120 件同类申请，说明的理由不合理" });
        var byHandler = await StepAsync(app, session, delayed, "SetReasonableDeadline", new() { ["Deadline"] = "2024-05-31", ["Reason"] = "涉及 1990 年以来的档案，需逐件检索" });
        var byHead = await StepAsync(app, await app.LoginAsync(head), delayed, "SetReasonableDeadline", new() { ["Deadline"] = "2024-05-31", ["Reason"] = "涉及 1990 年以来的档案，需逐件检索" });

        Assert.Contains("须先要求申请人说明理由", WebUtility.HtmlDecode(await unasked.Content.ReadAsStringAsync()));
        Assert.Contains("要求说明理由（第三十五条）", page);
        Assert.True(asked.IsRedirectTo($"/admin/requests/{refused}"));
        Assert.True(notAccepted.IsRedirectTo($"/admin/requests/{refused}"));
        Assert.True(accepted.IsRedirectTo($"/admin/requests/{delayed}"));
        Assert.True(decided.IsRedirectTo($"/admin/requests/{refused}"), WebUtility.HtmlDecode(await decided.Content.ReadAsStringAsync()));
        // Art. 35's later deadline, like an extension, is for the head of the office: a handler is turned away.
        Assert.False(byHandler.IsRedirectTo($"/admin/requests/{delayed}"));
        Assert.True(byHead.IsRedirectTo($"/admin/requests/{delayed}"), WebUtility.HtmlDecode(await byHead.Content.ReadAsStringAsync()));
        var rows = await app.WithDbAsync(d => d.Requests.AsNoTracking().Where(r => r.Id == refused || r.Id == delayed).ToDictionaryAsync(r => r.Id));
        Assert.Equal(Outcome.NotProcessedExcessive, rows[refused].Outcome);
        Assert.Equal(new DateOnly(2024, 5, 31), rows[delayed].DueOn);
        var notices = await app.WithDbAsync(d => d.RequestNotices.AsNoTracking().Where(n => n.RequestId == delayed).OrderBy(n => n.EventSequence).ToListAsync());
        Assert.Equal([NoticeKind.Acknowledgement, NoticeKind.ReasonsRequest, NoticeKind.ReasonableDeadline], notices.Select(n => n.Kind).ToList());
        Assert.Contains("请您于2024年3月12日前向本机关说明申请理由", Documents.DocxText(notices[1].Docx));
        Assert.Contains("确定延迟答复的合理期限为2024年5月31日", Documents.DocxText(notices[2].Docx));
    }

    [Fact]
    public async Task Art_43_help_asked_for_on_the_form_reaches_the_caseworker_and_what_was_given_is_recorded()
    {
        var clock = FixedClock.At("2024-03-04T10:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var clerk = await app.NewStaffAsync(StaffRoles.Clerk, office.Id);
        var admin = await app.NewStaffAsync(StaffRoles.Administrator, office.Id);
        var public_ = app.Browser();

        var form = WebUtility.HtmlDecode(await public_.GetStringAsync("/apply"));
        var fields = Application(office.Id, "盲道改造工程的验收报告");
        fields["Form.Assistance"] = "Sight";
        fields["Form.AssistanceDetail"] = "请电话告知答复内容";
        var submitted = await ApplyAsync(public_, fields);
        var record = await app.WithDbAsync(d => d.Requests.AsNoTracking().SingleAsync(r => r.InformationTitle == "盲道改造工程的验收报告"));
        var clerkSession = await app.LoginAsync(clerk);
        var forClerk = WebUtility.HtmlDecode(await clerkSession.GetStringAsync($"/admin/requests/{record.Id}"));
        var forAdmin = WebUtility.HtmlDecode(await (await app.LoginAsync(admin)).GetStringAsync($"/admin/requests/{record.Id}"));
        var helped = await StepAsync(app, clerkSession, record.Id, "RecordAssistance", new() { ["Help"] = "电话联系申请人，口头告知受理情况和答复期限" });
        var history = WebUtility.HtmlDecode(await clerkSession.GetStringAsync($"/admin/requests/{record.Id}"));

        Assert.Contains("阅读困难或者视听障碍", form);
        Assert.True(submitted.IsRedirectTo("/apply/received"));
        Assert.Equal(AssistanceNeeds.Sight, record.Assistance);
        Assert.Contains("视力障碍；请电话告知答复内容", forClerk);
        Assert.Contains("申请人请求提供帮助（详情仅承办人员可见）", forAdmin);
        Assert.DoesNotContain("视力障碍", forAdmin);
        Assert.True(helped.IsRedirectTo($"/admin/requests/{record.Id}"), WebUtility.HtmlDecode(await helped.Content.ReadAsStringAsync()));
        Assert.Contains("为申请人提供帮助（第四十三条）", history);
        Assert.Contains("电话联系申请人，口头告知受理情况和答复期限", history);
    }
}

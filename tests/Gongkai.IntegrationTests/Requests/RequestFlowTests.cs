using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Requests;

public sealed partial class RequestFlowTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static Dictionary<string, string> Application(int agencyId, string title, string idNumber = "11010519491231002X") =>
        ApplicationForms.Fields(agencyId, title, idNumber);

    /// <summary>Submits the public form as a browser would, with files.</summary>
    private static Task<HttpResponseMessage> ApplyAsync(HttpClient client, Dictionary<string, string> fields, params (string Name, byte[] Content)[] files) =>
        client.PostFilesAsync("/apply", "/apply", fields, "Attachments", files);

    private static async Task<HttpResponseMessage> StepAsync(GongkaiApp app, HttpClient client, long id, string step, Dictionary<string, string>? fields = null)
    {
        var version = await app.WithDbAsync(d => d.Requests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        var all = new Dictionary<string, string>(fields ?? []) { ["step"] = step, ["Version"] = $"{version}" };
        return await client.PostFormAsync($"/admin/requests/{id}", $"/admin/requests/{id}", all);
    }

    private static Task<HttpResponseMessage> TrackAsync(HttpClient client, string code, string phoneTail) =>
        client.PostFormAsync("/track", "/track", new() { ["Code"] = code, ["PhoneTail"] = phoneTail });

    private static async Task<string> MessageAfterAsync(HttpClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect ? await client.GetStringAsync(response.Headers.Location!.OriginalString) : await response.Content.ReadAsStringAsync();

    [Fact]
    public async Task A_fee_notice_sent_by_post_is_payable_from_the_day_it_was_signed_for()
    {
        // Sent Fri 2025-03-28 by post, signed for Mon 03-31 and recorded on 04-02: payable until 2025-04-28.
        var clock = FixedClock.At("2025-03-24T10:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var handler = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var clerk = await app.NewStaffAsync(StaffRoles.Clerk, office.Id);
        var id = await app.NewRequestAsync(office.Id, "近三年的会议纪要全文");

        clock.Set("2025-03-28");
        var sent = await StepAsync(app, await app.LoginAsync(handler), id, "SendFeeNotice", new() { ["FeeBasis"] = "ByPages", ["Pages"] = "100", ["AwaitingDelivery"] = "true" });
        clock.Set("2025-04-02");
        var session = await app.LoginAsync(clerk);
        var waiting = WebUtility.HtmlDecode(await session.GetStringAsync($"/admin/requests/{id}"));
        var recorded = await StepAsync(app, session, id, "RecordDelivery", new() { ["DeliveredNotice"] = "FeeNotice", ["DeliveredOn"] = "2025-03-31" });
        var after = WebUtility.HtmlDecode(await session.GetStringAsync($"/admin/requests/{id}"));

        Assert.True(sent.IsRedirectTo($"/admin/requests/{id}"), $"{(int)sent.StatusCode} {WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync())}");
        Assert.Contains("登记收费通知送达日期", waiting);
        Assert.Contains("缴费期限待签收后起算", waiting);
        Assert.True(recorded.IsRedirectTo($"/admin/requests/{id}"));
        Assert.Contains("缴费期限至 2025-04-28", after);
        Assert.Contains("2025-03-31 送达", after);
    }

    [Fact]
    public async Task A_silent_consultee_does_not_hide_a_late_request_and_a_late_fee_notice_is_refused()
    {
        // Hand-computed in Core's RealTimelineTests: received 2024-04-01, letter to a third party 04-08 never
        // answered: the pause ends 04-28 and the request is due 2024-05-22.
        var clock = FixedClock.At("2024-04-01T10:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var handler = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var id = await app.NewRequestAsync(office.Id, "某企业的环评报告");

        clock.Set("2024-04-08");
        var consulted = await StepAsync(app, await app.LoginAsync(handler), id, "StartConsultation", new() { ["Kind"] = "ThirdParty", ["Party"] = "某科技有限公司" });
        clock.Set("2024-06-28");
        var session = await app.LoginAsync(handler);
        var page = WebUtility.HtmlDecode(await session.GetStringAsync($"/admin/requests/{id}"));
        var overdueList = WebUtility.HtmlDecode(await session.GetStringAsync("/admin/requests?due=overdue"));
        var feeNotice = await StepAsync(app, session, id, "SendFeeNotice", new() { ["FeeBasis"] = "ByPages", ["Pages"] = "100" });

        Assert.True(consulted.IsRedirectTo($"/admin/requests/{id}"));
        Assert.Contains("答复期限：2024-05-22", page);
        Assert.Contains("2024-04-28 征求意见期满", page);
        Assert.Contains("某企业的环评报告", overdueList);
        var refusal = WebUtility.HtmlDecode(await feeNotice.Content.ReadAsStringAsync());
        Assert.Contains("答复期限已于 2024-05-22 届满", refusal);
        Assert.Equal(RequestStatus.Processing, await app.WithDbAsync(d => d.Requests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task One_request_goes_online_confirmed_corrected_extended_decided_delivered_and_archived(Db db)
    {
        var clock = FixedClock.At("2024-05-05T20:00:00+08:00");
        using var app = new GongkaiApp(db, clock: clock);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        // Sign-in cookies expire by the same clock, so each day's step signs in afresh.
        var clerkAccount = await app.NewStaffAsync(StaffRoles.Clerk, office.Id);
        var handlerAccount = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var headAccount = await app.NewStaffAsync(StaffRoles.Approver, office.Id);
        var public_ = app.Browser();

        var submitted = await ApplyAsync(public_, Application(office.Id, "2023 年示例区老旧小区改造项目清单"), ("身份证.png", Png));
        var receipt = await public_.GetStringAsync("/apply/received");
        var record = await app.WithDbAsync(d => d.Requests.AsNoTracking().SingleAsync(r => r.InformationTitle == "2023 年示例区老旧小区改造项目清单"));
        var wrongPhone = await TrackAsync(public_, record.TrackingCode, "0000");
        var tracked = await TrackAsync(public_, RequestStore.FormatCode(record.TrackingCode).ToLowerInvariant(), "8000");

        Assert.True(submitted.IsRedirectTo("/apply/received"), $"{(int)submitted.StatusCode}");
        Assert.Contains(RequestStore.FormatCode(record.TrackingCode), receipt);
        Assert.Equal(RequestStatus.AwaitingConfirmation, record.Status);
        Assert.Equal(Channel.Online, record.Channel);
        Assert.Equal(1, await app.WithDbAsync(d => d.RequestAttachments.CountAsync(a => a.RequestId == record.Id && a.ContentType == "image/png")));
        Assert.Contains("查询码或联系电话后四位不正确", await wrongPhone.Content.ReadAsStringAsync());
        var trackedHtml = await tracked.Content.ReadAsStringAsync();
        Assert.Contains("待确认收到", trackedHtml);
        Assert.DoesNotContain("张三", trackedHtml);
        Assert.DoesNotContain("11010519491231002X", trackedHtml);

        async Task<HttpResponseMessage> On(string day, GongkaiApp.Staff who, string step, Dictionary<string, string>? fields = null)
        {
            clock.Set(day);
            var response = await StepAsync(app, await app.LoginAsync(who), record.Id, step, fields);
            Assert.True(response.IsRedirectTo($"/admin/requests/{record.Id}"), $"{step} on {day}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response;
        }

        await On("2024-05-06", clerkAccount, "ConfirmReceipt", new() { ["Note"] = "电话确认" });
        await On("2024-05-08", handlerAccount, "RequestCorrection", new() { ["Items"] = "请写明所需清单的年度范围", ["CorrectBy"] = "2024-05-17" });
        await On("2024-05-15", clerkAccount, "ReceiveCorrection");
        await On("2024-06-05", headAccount, "Extend", new() { ["Days"] = "10", ["Reason"] = "需要调取多个部门的档案" });
        await On("2024-06-20", handlerAccount, "Decide", new() { ["Outcome"] = "PartiallyDisclosed", ["Reason"] = "清单中个人信息已作区分处理" });
        await On("2024-06-21", clerkAccount, "Deliver", new() { ["Method"] = "Mail", ["TrackingNumber"] = "EMS1234567890" });
        var archived = await On("2024-06-28", clerkAccount, "Archive");
        var clerk = await app.LoginAsync(clerkAccount);
        var afterArchive = await StepAsync(app, await app.LoginAsync(handlerAccount), record.Id, "Decide", new() { ["Outcome"] = "Disclosed" });

        Assert.True(archived.IsRedirectTo($"/admin/requests/{record.Id}"));
        Assert.Contains("该申请已归档，不能再办理", await afterArchive.Content.ReadAsStringAsync());
        var final = await app.WithDbAsync(d => d.Requests.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == record.Id));
        Assert.Equal(RequestStatus.Archived, final.Status);
        Assert.Equal(Outcome.PartiallyDisclosed, final.Outcome);
        Assert.Equal(new DateOnly(2024, 5, 6), final.ReceivedOn);
        Assert.Equal(new DateOnly(2024, 6, 20), final.DecidedOn);
        // Restarted on 05-15, 20 + 10 working days with the Dragon Boat holiday (06-10) skipped: 2024-06-27.
        Assert.Equal(new DateOnly(2024, 6, 27), final.DueOn);
        Assert.Equal(ClockState.Met, final.ClockState);
        Assert.Equal(8, final.Events.Count);
        Assert.Equal(
            ["Submitted", "ReceiptConfirmed", "CorrectionRequested", "CorrectionReceived", "Extended", "Decided", "Delivered", "Archived"],
            final.Events.OrderBy(e => e.Sequence).Select(e => e.Type).ToList());
        Assert.Equal(7, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == AuditActions.RequestStep && e.Target == RequestStore.FormatCode(record.TrackingCode))));

        // Every notice the handling produced, opened with real readers.
        var notices = await app.WithDbAsync(d => d.RequestNotices.AsNoTracking().Where(n => n.RequestId == record.Id).OrderBy(n => n.EventSequence).ToListAsync());
        Assert.Equal([NoticeKind.Acknowledgement, NoticeKind.Correction, NoticeKind.Extension, NoticeKind.Reply], notices.Select(n => n.Kind).ToList());
        var expectations = new Dictionary<NoticeKind, string[]>
        {
            [NoticeKind.Acknowledgement] = ["张三：", "本机关已于2024年5月6日收到您提交的政府信息公开申请", "2023 年示例区老旧小区改造项目清单"],
            [NoticeKind.Correction] = ["请写明所需清单的年度范围", "请于2024年5月17日前提交补正材料", "第三十条"],
            [NoticeKind.Extension] = ["需要调取多个部门的档案", "答复期限延长10个工作日", "延长后的答复期限为2024年6月27日"],
            [NoticeKind.Reply] = ["作区分处理", "清单中个人信息已作区分处理", "第三十七条", "六十日内向示例区人民政府申请行政复议", "六个月内向人民法院提起行政诉讼"],
        };
        foreach (var notice in notices)
        {
            var docx = Documents.DocxText(notice.Docx);
            Assert.Contains("示例区人民政府办公室", docx);
            Assert.NotNull(notice.Pdf);
            var pdf = Documents.PdfText(notice.Pdf);
            foreach (var phrase in expectations[notice.Kind])
            {
                Assert.True(docx.Contains(phrase, StringComparison.Ordinal), $"{notice.Kind} .docx lacks “{phrase}”:\n{docx}");
                Assert.True(pdf.Contains(phrase, StringComparison.Ordinal), $"{notice.Kind} .pdf lacks “{phrase}”:\n{pdf}");
            }
        }

        // Four notices, plus the status e-mails for the corrected request and the delivery.
        var emails = await app.WithDbAsync(d => d.RequestEmails.AsNoTracking().Where(m => m.RequestId == record.Id).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(6, emails.Count);
        Assert.All(emails, m => Assert.NotNull(m.SentAt));
        Assert.Contains(emails, m => m.Body.Contains("收到您补正后的申请", StringComparison.Ordinal));
        Assert.Contains(emails, m => m.Body.Contains("以邮寄方式向您送达答复，邮件号码 EMS1234567890", StringComparison.Ordinal));
        var eml = Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "mail"), "*.eml");
        Assert.Equal(6, eml.Length);

        var detail = await clerk.GetStringAsync($"/admin/requests/{record.Id}");
        Assert.Contains("政府信息公开申请答复书", detail);
        Assert.Contains("自 2024-05-15 次日起计算 20 个工作日", detail);
        Assert.Contains("延长 10 个工作日", detail);
        Assert.Contains("其中 2024-06-10 为法定节假日，不计算在内。", detail);
        var finalTrack = await (await TrackAsync(public_, record.TrackingCode, "8000")).Content.ReadAsStringAsync();
        Assert.Contains("已归档", finalTrack);
        Assert.Contains("部分公开", finalTrack);
        Assert.Contains("2024-06-27", finalTrack);
    }

    [Fact]
    public async Task Two_staff_acting_on_one_request_at_once_one_succeeds_and_the_other_is_told()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var id = await app.NewRequestAsync(office.Id, "并发测试");
        var first = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, office.Id));
        var second = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, office.Id));
        var seenVersion = await app.WithDbAsync(d => d.Requests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

        var won = await first.PostFormAsync($"/admin/requests/{id}", $"/admin/requests/{id}", new() { ["step"] = "Decide", ["Version"] = $"{seenVersion}", ["Outcome"] = "Disclosed" });
        var lost = await second.PostFormAsync($"/admin/requests/{id}", $"/admin/requests/{id}", new() { ["step"] = "Decide", ["Version"] = $"{seenVersion}", ["Outcome"] = "UnavailableNotHeld", ["Reason"] = "经检索不存在" });

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Contains("已被他人办理", await lost.Content.ReadAsStringAsync());
        var record = await app.WithDbAsync(d => d.Requests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(Outcome.Disclosed, record.Outcome);
        Assert.Equal(2, record.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Simultaneous_saves_of_one_request_cannot_both_land(Db db)
    {
        var app = GongkaiApp.For(db);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var id = await app.NewRequestAsync(office.Id, "同时保存");
        using var scopeA = app.Services.CreateScope();
        using var scopeB = app.Services.CreateScope();
        var storeA = scopeA.ServiceProvider.GetRequiredService<RequestStore>();
        var storeB = scopeB.ServiceProvider.GetRequiredService<RequestStore>();
        var a = (await storeA.LoadAsync(id))!;
        var b = (await storeB.LoadAsync(id))!;
        var today = storeA.Today();

        a.Request.Decide(new Step(today, new Actor("a", "甲"), today), Outcome.Disclosed, null, null);
        b.Request.Decide(new Step(today, new Actor("b", "乙"), today), Outcome.UnavailableNotHeld, "不存在", null);
        await storeA.SaveAsync(a);
        var conflict = await Record.ExceptionAsync(() => storeB.SaveAsync(b));

        Assert.IsAssignableFrom<DbUpdateException>(conflict);
        var events = await app.WithDbAsync(d => d.RequestEvents.Where(e => e.RequestId == id).ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.Contains("\"Disclosed\"", events.Single(e => e.Sequence == 2).Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_calendar_moves_open_deadlines_and_says_so_on_each_request()
    {
        var clock = FixedClock.At("2024-03-04T10:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var id = await app.NewRequestAsync(office.Id, "日历变更测试");
        var admin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));
        var y2024 = (await app.WithDbAsync(d => d.CalendarVersions.OrderBy(v => v.Id).Select(v => v.Json).FirstAsync()));
        var corrected = Regex.Replace(y2024, "\"2024\": \\{\\s*\"holidays\": \\[", "\"2024\": { \"holidays\": [\"2024-03-15\", ");
        var response = await admin.PostFormAsync("/admin/calendar", "/admin/calendar", new() { ["Json"] = corrected, ["Note"] = "更正 2024 年" });
        var message = await MessageAfterAsync(admin, response);

        Assert.Contains("1 件申请的答复期限随之调整", message);
        var record = await app.WithDbAsync(d => d.Requests.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == id));
        Assert.Equal(new DateOnly(2024, 4, 2), record.DueOn);
        var change = record.Events.Single(e => e.Type == "DeadlineRecomputed");
        Assert.Contains("2024-04-01", change.Json, StringComparison.Ordinal);
        Assert.Contains("2024-04-02", change.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_counts_what_is_due_and_overdue()
    {
        var clock = FixedClock.At("2024-03-04T10:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        await app.NewRequestAsync(office.Id, "会超期的申请");
        clock.Set("2024-04-01");
        await app.NewRequestAsync(office.Id, "刚收到的申请");
        var account = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        clock.Set("2024-04-02");
        var handler = await app.LoginAsync(account);

        var dashboard = await handler.GetStringAsync("/admin");
        var overdue = await handler.GetStringAsync("/admin/requests?due=overdue");

        Assert.Contains("<strong>1</strong> 件已超期（督办）", dashboard);
        Assert.Contains("会超期的申请", overdue);
        Assert.DoesNotContain("刚收到的申请", overdue);
    }

    [Fact]
    public async Task A_reply_delivered_online_can_be_read_and_downloaded_on_the_tracking_page()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var id = await app.NewRequestAsync(office.Id, "在线送达测试");
        var code = await app.WithDbAsync(d => d.Requests.Where(r => r.Id == id).Select(r => r.TrackingCode).SingleAsync());
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, office.Id));
        await StepAsync(app, handler, id, "Decide", new() { ["Outcome"] = "UnavailableNotHeld", ["Reason"] = "经检索，本机关未制作该信息" });
        await StepAsync(app, handler, id, "Deliver", new() { ["Method"] = "Online" });
        var public_ = app.Browser();

        var page = await (await TrackAsync(public_, code, "8000")).Content.ReadAsStringAsync();
        var file = await public_.PostFormAsync("/track", "/track?handler=Reply", new() { ["Code"] = code, ["PhoneTail"] = "8000" });
        var wrong = await public_.PostFormAsync("/track", "/track?handler=Reply", new() { ["Code"] = code, ["PhoneTail"] = "1111" });

        Assert.Contains("经检索，本机关不掌握您申请获取的政府信息", page);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Contains("本机关未制作该信息", Documents.PdfText(await file.Content.ReadAsByteArrayAsync()));
        Assert.NotEqual("application/pdf", wrong.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_administrator_edits_a_template_and_a_bad_placeholder_is_refused()
    {
        using var app = new GongkaiApp(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var admin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));
        var body = "{申请人}：\n本机关已收到您的申请（{查询码}），将于{答复期限}前答复。\n示例自定义模板。";

        var bad = await admin.PostFormAsync("/admin/notices", "/admin/notices", new() { ["Kind"] = "Acknowledgement", ["Title"] = "受理通知", ["Body"] = "{申请者}：已收到。" });
        var saved = await admin.PostFormAsync("/admin/notices", "/admin/notices", new() { ["Kind"] = "Acknowledgement", ["Title"] = "受理通知", ["Body"] = body });
        var id = await app.NewRequestAsync(office.Id, "模板测试");

        Assert.Contains("未知的占位符：{申请者}", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var notice = await app.WithDbAsync(d => d.RequestNotices.AsNoTracking().SingleAsync(n => n.RequestId == id));
        Assert.Equal("受理通知", notice.Title);
        Assert.Contains("示例自定义模板", Documents.DocxText(notice.Docx));
        Assert.Contains("测试申请人：", notice.Text);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Interaction;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Interaction;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Interaction;

/// <summary>The leader mailbox, complaints and inquiries: written on the portal, handled by the office, answered, rated, published.</summary>
public sealed partial class LetterTests
{
    private static Dictionary<string, string> Letter(InteractionChannel channel, string subject, string body, string? name = "李小梅", string? phone = "13912345678", bool publish = false)
    {
        var form = new Dictionary<string, string> { ["Channel"] = channel.ToString(), ["Subject"] = subject, ["Body"] = body };
        if (name is not null)
        {
            form["WriterName"] = name;
        }

        if (phone is not null)
        {
            form["Phone"] = phone;
        }

        if (publish)
        {
            form["AgreesToPublish"] = "true";
        }

        return form;
    }

    /// <summary>Writes on the portal as a visitor would; returns the tracking code from the receipt.</summary>
    private static async Task<string> WriteAsync(HttpClient visitor, int agencyId, Dictionary<string, string> form)
    {
        var page = $"/interaction/write?agency={agencyId}&channel={form["Channel"]}";
        var response = await visitor.PostFormAsync(page, page, form);
        Assert.True(response.IsRedirectTo("/interaction/received"), $"expected the receipt, got {(int)response.StatusCode}: {Errors(await response.Content.ReadAsStringAsync())}");
        var receipt = await visitor.GetStringAsync(response.Headers.Location!.OriginalString);
        return CodePattern().Match(receipt).Groups[1].Value;
    }

    private static string Errors(string html) => string.Join(" | ", Regex.Matches(html, "<li>([^<]+)</li>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));

    private static Task<LetterRecord> LetterAsync(GongkaiApp app, string code) =>
        app.WithDbAsync(d => d.Letters.AsNoTracking().Include(l => l.Events).SingleAsync(l => l.TrackingCode == code.Replace("-", "")));

    private static Task<HttpResponseMessage> ActAsync(HttpClient staff, long id, string handler, Dictionary<string, string> fields) =>
        staff.PostFormAsync($"/admin/letters/{id}", $"/admin/letters/{id}?handler={handler}", fields);

    private static async Task<string> TrackAsync(HttpClient visitor, string code) =>
        WebUtility.HtmlDecode(await (await visitor.PostFormAsync("/interaction/track", "/interaction/track", new() { ["Code"] = code })).Content.ReadAsStringAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task An_anonymous_inquiry_is_assigned_answered_tracked_and_rated(Db db)
    {
        var app = GongkaiApp.For(db);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, office.Id));
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, office.Id));
        var visitor = app.Browser();
        var marker = Guid.NewGuid().ToString("N")[..6];

        var code = await WriteAsync(visitor, office.Id, Letter(InteractionChannel.Inquiry, "咨询居住证办理 " + marker, "请问外地户籍人员办理居住证需要准备哪些材料？" + marker, name: null, phone: null));
        var letter = await LetterAsync(app, code);
        var assigned = await ActAsync(clerk, letter.Id, "assign", new() { ["Unit"] = "区公安分局", ["Handler"] = "王警官" });
        var replied = await ActAsync(handler, letter.Id, "reply", new() { ["Reply"] = "您好，办理居住证需携带身份证、居住证明和近期照片，到所在街道派出所办理。" });
        var tracked = await TrackAsync(visitor, code);
        var rated = WebUtility.HtmlDecode(await (await visitor.PostFormAsync("/interaction/track", "/interaction/track?handler=rate", new() { ["Code"] = code, ["Rating"] = "Satisfied" })).Content.ReadAsStringAsync());
        var done = await LetterAsync(app, code);

        Assert.Equal(12, code.Replace("-", "").Length);
        Assert.Null(letter.WriterName);
        Assert.Equal(LetterStatus.Received, letter.Status);
        Assert.True(assigned.IsRedirectTo($"/admin/letters/{letter.Id}"));
        Assert.True(replied.IsRedirectTo($"/admin/letters/{letter.Id}"));
        Assert.Contains("已答复", tracked);
        Assert.Contains("办理居住证需携带身份证", tracked);
        Assert.Contains("感谢您的评价", rated);
        Assert.Equal(LetterStatus.Answered, done.Status);
        Assert.Equal(LetterRating.Satisfied, done.Rating);
        Assert.Equal("区公安分局", done.Unit);
        Assert.Equal(["收到来信", "分办", "答复", "评价"], done.Events.OrderBy(e => e.Id).Select(e => e.Action));
        // Inquiries are answered within 5 working days by default.
        Assert.True(done.DueOn > done.ReceivedOn && done.DueOn <= done.ReceivedOn.AddDays(9));
    }

    [Fact]
    public async Task A_complaint_is_transferred_its_reply_approved_and_an_unsatisfied_writer_reopens_it()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var approver = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Approver, agency.Id));
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, agency.Id));
        var settings = $"/admin/letters/settings?agency={agency.Id}";
        var saved = await approver.PostFormAsync(settings, settings, new()
        {
            ["Channel"] = "Complaint",
            ["Enabled"] = "true",
            ["Units"] = "城管局\n市场监管局",
            ["ReplyWorkingDays"] = "10",
            ["RequireApproval"] = "true",
        });
        var visitor = app.Browser();

        var code = await WriteAsync(visitor, agency.Id, Letter(InteractionChannel.Complaint, "投诉夜间施工噪音", "幸福小区旁工地连续多日夜间施工，噪音扰民，请有关部门查处。"));
        var letter = await LetterAsync(app, code);
        var unknownUnit = await ActAsync(handler, letter.Id, "assign", new() { ["Unit"] = "不存在的局" });
        await ActAsync(handler, letter.Id, "assign", new() { ["Unit"] = "市场监管局" });
        var transferWithoutReason = await ActAsync(handler, letter.Id, "assign", new() { ["Unit"] = "城管局" });
        await ActAsync(handler, letter.Id, "assign", new() { ["Unit"] = "城管局", ["Reason"] = "夜间施工噪音由城管部门查处" });
        await ActAsync(handler, letter.Id, "reply", new() { ["Reply"] = "已收到，正在核查。" + new string('。', 5) });
        var awaiting = await LetterAsync(app, code);
        var trackedWhileAwaiting = await TrackAsync(visitor, code);
        var returned = await ActAsync(approver, letter.Id, "approve", new() { ["Approve"] = "false" });
        await ActAsync(approver, letter.Id, "approve", new() { ["Approve"] = "false", ["Reason"] = "请写明查处结果" });
        await ActAsync(handler, letter.Id, "reply", new() { ["Reply"] = "经查，该工地未办理夜间施工许可，城管局已责令停止夜间施工并处以罚款。" });
        await ActAsync(approver, letter.Id, "approve", new() { ["Approve"] = "true" });
        var answered = await LetterAsync(app, code);
        await visitor.PostFormAsync("/interaction/track", "/interaction/track?handler=rate", new() { ["Code"] = code, ["Rating"] = "Unsatisfied", ["Comment"] = "晚上十点后仍在施工" });
        var reopened = await LetterAsync(app, code);

        Assert.True(saved.IsRedirectTo("/admin/letters/settings"));
        Assert.Contains("“不存在的局”不在本栏目的承办单位中", WebUtility.HtmlDecode(await unknownUnit.Content.ReadAsStringAsync()));
        Assert.Contains("转办须说明理由", WebUtility.HtmlDecode(await transferWithoutReason.Content.ReadAsStringAsync()));
        Assert.Equal(LetterStatus.AwaitingApproval, awaiting.Status);
        Assert.DoesNotContain("已收到，正在核查", trackedWhileAwaiting);
        Assert.Contains("退回修改须说明意见", WebUtility.HtmlDecode(await returned.Content.ReadAsStringAsync()));
        Assert.Equal(LetterStatus.Answered, answered.Status);
        Assert.Equal("城管局", answered.Unit);
        Assert.Equal(LetterStatus.Assigned, reopened.Status);
        Assert.Null(reopened.AnsweredOn);
        Assert.Contains(reopened.Events, e => e.Action == "重新办理" && e.Details!.Contains("晚上十点后仍在施工"));
        Assert.Contains(reopened.Events, e => e.Action == "转办" && e.Details!.Contains("由 市场监管局 转至 城管局"));
    }

    [Fact]
    public async Task A_mailbox_letter_is_published_only_with_consent_and_without_personal_data()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, agency.Id));
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var visitor = app.Browser();

        var missingContact = await visitor.PostFormAsync($"/interaction/write?agency={agency.Id}&channel=LeaderMailbox", $"/interaction/write?agency={agency.Id}&channel=LeaderMailbox",
            Letter(InteractionChannel.LeaderMailbox, "建议增设公交线路", "建议在新城片区增设一条公交线路，方便居民出行。", name: null, phone: null));
        var consenting = await WriteAsync(visitor, agency.Id, Letter(InteractionChannel.LeaderMailbox, "建议增设公交线路", "我是赵建国，住在新城花园，电话 13712345678。建议在新城片区增设公交线路。", name: "赵建国", phone: "13712345678", publish: true));
        var private_ = await WriteAsync(visitor, agency.Id, Letter(InteractionChannel.LeaderMailbox, "反映家庭困难", "家中老人生病，希望了解临时救助政策和申请办法。", name: "钱秀英", phone: "13612345678"));
        var consentingLetter = await LetterAsync(app, consenting);
        var privateLetter = await LetterAsync(app, private_);
        foreach (var id in new[] { consentingLetter.Id, privateLetter.Id })
        {
            await ActAsync(handler, id, "reply", new() { ["Reply"] = "感谢您的来信。交通运输局已将新城片区公交线路纳入明年线网优化方案。" });
        }

        var form = WebUtility.HtmlDecode(await publisher.GetStringAsync($"/admin/letters/{consentingLetter.Id}"));
        var leaking = await ActAsync(publisher, consentingLetter.Id, "publish", new() { ["PublicSubject"] = "建议增设公交线路", ["PublicBody"] = "我是赵建国，建议增设公交线路。", ["PublicReply"] = "已纳入方案。" });
        var published = await ActAsync(publisher, consentingLetter.Id, "publish", new() { ["PublicSubject"] = "建议增设公交线路", ["PublicBody"] = "我是×××，住在新城花园，电话 ×××。建议在新城片区增设公交线路。", ["PublicReply"] = "感谢您的来信。交通运输局已将新城片区公交线路纳入明年线网优化方案。" });
        var withoutConsent = await ActAsync(publisher, privateLetter.Id, "publish", new() { ["PublicSubject"] = "反映家庭困难", ["PublicBody"] = "希望了解临时救助政策。", ["PublicReply"] = "已答复。" });
        var list = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/interaction?agency={agency.Id}"));
        var page = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/interaction/letters/{consentingLetter.Id}"));

        Assert.Contains("领导信箱须填写姓名", WebUtility.HtmlDecode(await missingContact.Content.ReadAsStringAsync()));
        Assert.Contains("我是×××，住在新城花园，电话 ×××。", form);
        Assert.Contains("公开内容仍含有个人信息", WebUtility.HtmlDecode(await leaking.Content.ReadAsStringAsync()));
        Assert.True(published.IsRedirectTo($"/admin/letters/{consentingLetter.Id}"));
        Assert.Contains("来信人未同意公开", WebUtility.HtmlDecode(await withoutConsent.Content.ReadAsStringAsync()));
        Assert.Contains("建议增设公交线路", list);
        Assert.DoesNotContain("反映家庭困难", list);
        Assert.Contains("纳入明年线网优化方案", page);
        Assert.DoesNotContain("赵建国", page);
        Assert.DoesNotContain("13712345678", page);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/interaction/letters/{privateLetter.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_due_list_shows_what_is_late_and_the_years_counts_reach_the_annual_report()
    {
        var clock = FixedClock.At("2026-06-01T09:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var agency = await app.NewAgencyAsync(null);
        var handlerAccount = await app.NewStaffAsync(StaffRoles.Handler, agency.Id);
        var handler = await app.LoginAsync(handlerAccount);
        var visitor = app.Browser();
        var late = await WriteAsync(visitor, agency.Id, Letter(InteractionChannel.Inquiry, "咨询社保转移", "请问社保关系如何从外省转入本区？需要哪些材料？"));
        var onTime = await WriteAsync(visitor, agency.Id, Letter(InteractionChannel.Complaint, "投诉窗口服务态度", "6月1日在政务服务中心办事时窗口工作人员态度生硬。"));
        var open = await WriteAsync(visitor, agency.Id, Letter(InteractionChannel.LeaderMailbox, "建议延长图书馆开放时间", "建议区图书馆周末延长开放时间到晚上九点。"));
        await ActAsync(handler, (await LetterAsync(app, onTime)).Id, "reply", new() { ["Reply"] = "已约谈窗口负责人并对相关工作人员进行批评教育。" });
        clock.Set("2026-06-15");
        handler = await app.LoginAsync(handlerAccount);
        var list = WebUtility.HtmlDecode(await handler.GetStringAsync("/admin/letters"));
        await ActAsync(handler, (await LetterAsync(app, late)).Id, "reply", new() { ["Reply"] = "社保转移可在国家社会保险公共服务平台在线办理。" });
        using var scope = app.Services.CreateScope();
        var counts = await scope.ServiceProvider.GetRequiredService<LetterStore>().CountsAsync([agency.Id], 2026);
        var report = await scope.ServiceProvider.GetRequiredService<Gongkai.Infrastructure.AnnualReports.ReportBuilder>().BuildAsync(agency.Id, 2026, subtree: false);

        // 2026-06-01 + 5 working days = 06-08 (inquiry), + 10 = 06-12 (mailbox, with 06-19 the Dragon Boat holiday after it).
        Assert.Matches("咨询社保转移</a></td>\\s*<td>咨询</td>\\s*<td>待分办</td>\\s*<td>—</td>\\s*<td>2026-06-01</td>\\s*<td>2026-06-08</td>\\s*<td>已超期 5 个工作日</td>", list);
        Assert.Matches("建议延长图书馆开放时间</a></td>\\s*<td>领导信箱</td>\\s*<td>待分办</td>\\s*<td>—</td>\\s*<td>2026-06-01</td>\\s*<td>2026-06-15</td>\\s*<td>今天到期</td>", list);
        // Independent count: one letter a channel; the complaint answered on time, the inquiry late, the mailbox letter open.
        Assert.Equal(new ChannelCount(InteractionChannel.LeaderMailbox, 1, 0, 0), counts[0]);
        Assert.Equal(new ChannelCount(InteractionChannel.Complaint, 1, 1, 1), counts[1]);
        Assert.Equal(new ChannelCount(InteractionChannel.Inquiry, 1, 1, 0), counts[2]);
        Assert.Contains("收到领导信箱1件，网上投诉1件，咨询1件，已办理答复2件，其中按期答复1件。", report.SectionText(1));
        Assert.NotNull(open);
    }

    [Fact]
    public async Task A_request_that_is_really_a_complaint_becomes_one_in_one_step_linked_both_ways()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, office.Id));
        var requestId = await app.NewRequestAsync(office.Id, "举报某餐馆无证经营");
        var other = await app.NewRequestAsync(office.Id, "某政策文件");
        await app.WithDbAsync(async d =>
        {
            var request = await d.Requests.SingleAsync(r => r.Id == requestId);
            request.Outcome = Outcome.NotProcessedPetitionOrComplaint;
            return await d.SaveChangesAsync();
        });

        var detail = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/admin/requests/{requestId}"));
        var created = await clerk.PostFormAsync($"/admin/requests/{requestId}", "/admin/letters?handler=fromRequest", new() { ["RequestId"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var again = await clerk.PostFormAsync($"/admin/requests/{requestId}", "/admin/letters?handler=fromRequest", new() { ["RequestId"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var refusedAgain = WebUtility.HtmlDecode(await clerk.GetStringAsync(again.Headers.Location!.OriginalString));
        var notAComplaint = await clerk.PostFormAsync($"/admin/requests/{requestId}", "/admin/letters?handler=fromRequest", new() { ["RequestId"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var letter = await app.WithDbAsync(d => d.Letters.AsNoTracking().SingleAsync(l => l.RequestId == requestId));
        var letterPage = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/admin/letters/{letter.Id}"));
        var requestPage = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/admin/requests/{requestId}"));

        Assert.Contains("转为网上投诉", detail);
        Assert.True(created.IsRedirectTo($"/admin/letters/{letter.Id}"));
        Assert.Equal(InteractionChannel.Complaint, letter.Channel);
        Assert.Equal("测试申请人", letter.WriterName);
        Assert.Contains("举报某餐馆无证经营", letter.Body);
        Assert.Contains($"/admin/requests/{requestId}", letterPage);
        Assert.Contains($"/admin/letters/{letter.Id}", requestPage);
        Assert.Contains("该申请已转为网上投诉", refusedAgain);
        Assert.Equal(0, await app.WithDbAsync(d => d.Letters.CountAsync(l => l.RequestId == other)));
        Assert.True(notAComplaint.IsRedirectTo($"/admin/requests/{other}"));
    }

    [Fact]
    public async Task A_letter_by_phone_is_typed_in_by_the_office_and_handled_like_the_others()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agency.Id));
        var id = agency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = await clerk.PostFormAsync("/admin/letters/new", "/admin/letters/new", new() { ["AgencyId"] = id, ["Channel"] = "Complaint", ["Source"] = "电话", ["Subject"] = "投诉路灯损坏", ["Body"] = "幸福路路灯损坏多日无人维修，夜间出行不便。" });
        var created = await clerk.PostFormAsync("/admin/letters/new", "/admin/letters/new", new()
        {
            ["AgencyId"] = id,
            ["Channel"] = "Complaint",
            ["Source"] = "电话",
            ["Subject"] = "投诉路灯损坏",
            ["Body"] = "幸福路路灯损坏多日无人维修，夜间出行不便。",
            ["WriterName"] = "孙大伟",
            ["Phone"] = "13311112222",
        });
        var letter = await app.WithDbAsync(d => d.Letters.AsNoTracking().Include(l => l.Events).SingleAsync(l => l.AgencyId == agency.Id));
        var page = WebUtility.HtmlDecode(await clerk.GetStringAsync(created.Headers.Location!.OriginalString));

        Assert.Contains("网上投诉须填写姓名", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.True(created.IsRedirectTo($"/admin/letters/{letter.Id}"));
        Assert.Contains($"查询码 {Gongkai.Infrastructure.Requests.RequestStore.FormatCode(letter.TrackingCode)}", page);
        Assert.Equal(LetterStatus.Received, letter.Status);
        Assert.EndsWith("（电话来信登记）", letter.Events.Single().UserName);
    }

    [Fact]
    public async Task Abuse_is_refused_in_chinese_and_writes_nothing()
    {
        using var app = new GongkaiApp(Db.Sqlite, settings: new Dictionary<string, string> { ["Gongkai:Letters:PerHour"] = "4" });
        var agency = await app.NewAgencyAsync(null);
        var visitor = app.Browser();
        var page = $"/interaction/write?agency={agency.Id}&channel=Complaint";

        var tooShort = await visitor.PostFormAsync(page, page, Letter(InteractionChannel.Complaint, "投诉", "太短"));
        var tooLong = await visitor.PostFormAsync(page, page, Letter(InteractionChannel.Complaint, "投诉乱收费问题", new string('长', 5001)));
        var first = await WriteAsync(visitor, agency.Id, Letter(InteractionChannel.Complaint, "投诉乱收费问题", "某单位办理业务时违规收取材料费五十元。"));
        var duplicate = await visitor.PostFormAsync(page, page, Letter(InteractionChannel.Complaint, "投诉乱收费问题！", "某单位办理业务时，违规收取材料费五十元"));
        var limited = await visitor.PostFormAsync(page, page, Letter(InteractionChannel.Complaint, "另一件投诉", "另一件需要反映的事情，内容足够长。"));

        Assert.Contains("标题须为 4 至 100 个字", WebUtility.HtmlDecode(await tooShort.Content.ReadAsStringAsync()));
        Assert.Contains("来信内容须为 10 至 5000 个字（现为 5001 个字）", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()));
        Assert.Contains("请勿重复提交", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(first, WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("提交过于频繁", await limited.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(d => d.Letters.CountAsync(l => l.AgencyId == agency.Id)));
    }

    /// <summary>The tracking code alone opens and rates a letter: a second sender of the same text learns when, never the code.</summary>
    [Fact]
    public async Task A_duplicate_letter_is_told_when_the_first_came_and_whom_to_call_but_never_its_tracking_code()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        await app.WithDbAsync(async d =>
        {
            var a = await d.Agencies.SingleAsync(x => x.Id == agency.Id);
            a.Contact.OfficeName = "测试政务公开办公室";
            a.Contact.Phone = "010-66668888";
            return await d.SaveChangesAsync();
        });
        var form = Letter(InteractionChannel.Complaint, "重复来信测试", "同一个人把同一封信又提交了一次，内容完全相同。");
        var first = await WriteAsync(app.Browser(), agency.Id, form);
        var page = $"/interaction/write?agency={agency.Id}&channel=Complaint";
        var today = Gongkai.Infrastructure.Requests.ChinaDate.Today(TimeProvider.System);

        var samePhone = WebUtility.HtmlDecode(await (await app.Browser().PostFormAsync(page, page, form)).Content.ReadAsStringAsync());
        var otherPhone = WebUtility.HtmlDecode(await (await app.Browser().PostFormAsync(page, page, Letter(InteractionChannel.Complaint, "重复来信测试", "同一个人把同一封信又提交了一次，内容完全相同。", phone: "13700001111"))).Content.ReadAsStringAsync());

        foreach (var response in new[] { samePhone, otherPhone })
        {
            Assert.DoesNotContain(first, response);
            Assert.DoesNotContain(first.Replace("-", "", StringComparison.Ordinal), response);
            Assert.Contains("请勿重复提交", response);
        }

        Assert.Contains($"{today.Year}年{today.Month}月{today.Day}日", samePhone);
        Assert.Contains("查询码已在当时提交成功的页面上显示", samePhone);
        Assert.Contains("010-66668888", samePhone);
        Assert.Equal(1, await app.WithDbAsync(d => d.Letters.CountAsync(l => l.AgencyId == agency.Id)));
    }

    [GeneratedRegex("class=\"code\">([A-Z0-9-]+)<")]
    private static partial Regex CodePattern();
}

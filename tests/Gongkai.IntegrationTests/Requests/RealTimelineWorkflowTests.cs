using System.Net;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Requests;

/// <summary>
/// The clock and notice cases checked by hand against the regulation, through the staff pages: an ordinary letter
/// confirmed late, reasons and bases that say nothing, a reply template without its remedies, a fee notice without
/// a payment method.
/// </summary>
public sealed partial class RequestFlowTests
{
    [Fact]
    public async Task An_ordinary_letter_confirmed_a_week_late_needs_a_reason_and_is_due_from_its_arrival()
    {
        // Arrived Mon 2025-01-20, confirmed 01-27: due 2025-02-21 (the Spring Festival break 01-28…02-04 skipped,
        // Sun 01-26 and Sat 02-08 make-up working days), not 03-03 as counted from the confirmation.
        var clock = FixedClock.At("2025-01-20T10:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var clerk = await app.NewStaffAsync(StaffRoles.Clerk, office.Id);
        var form = new Dictionary<string, string>(Application(office.Id, "某街道 2024 年老旧小区改造的验收材料")) { ["Channel"] = "OrdinaryMail", ["SubmittedOn"] = "2025-01-20" };
        var registered = await (await app.LoginAsync(clerk)).PostFormAsync("/admin/requests/new", "/admin/requests/new", form);
        var id = await app.WithDbAsync(d => d.Requests.Where(r => r.InformationTitle == "某街道 2024 年老旧小区改造的验收材料").Select(r => r.Id).SingleAsync());

        clock.Set("2025-01-27");
        var session = await app.LoginAsync(clerk);
        var silent = await StepAsync(app, session, id, "ConfirmReceipt");
        var explained = await StepAsync(app, session, id, "ConfirmReceipt", new() { ["Note"] = "来信到达时经办人外出培训，返回后电话确认" });
        var page = WebUtility.HtmlDecode(await session.GetStringAsync($"/admin/requests/{id}"));

        Assert.True(registered.IsRedirectTo($"/admin/requests/{id}"), $"{(int)registered.StatusCode}");
        Assert.Contains("平信应在到达当日（2025-01-20）与申请人确认", WebUtility.HtmlDecode(await silent.Content.ReadAsStringAsync()));
        Assert.True(explained.IsRedirectTo($"/admin/requests/{id}"));
        Assert.Contains("答复期限：2025-02-21", page);
        Assert.Contains("平信于 2025-01-20 到达，2025-01-27 才与申请人确认", page);
        Assert.Equal(new DateOnly(2025, 2, 21), await app.WithDbAsync(d => d.Requests.Where(r => r.Id == id).Select(r => r.DueOn).SingleAsync()));
    }

    [Fact]
    public async Task A_refusal_that_gives_no_reason_or_names_no_law_is_refused_and_nothing_is_written()
    {
        var clock = FixedClock.At("2024-03-04T10:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var handler = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var id = await app.NewRequestAsync(office.Id, "某公司的投标文件");
        var session = await app.LoginAsync(handler);

        var punctuation = await StepAsync(app, session, id, "Decide", new() { ["Outcome"] = "WithheldThirdPartyRights", ["Reason"] = "。" });
        var noLaw = await StepAsync(app, session, id, "Decide", new() { ["Outcome"] = "WithheldThirdPartyRights", ["Reason"] = "涉及商业秘密，第三方不同意公开", ["LegalBasis"] = "x" });

        Assert.Contains("须说明理由", WebUtility.HtmlDecode(await punctuation.Content.ReadAsStringAsync()));
        Assert.Contains("没有写明法律法规的名称或条款", WebUtility.HtmlDecode(await noLaw.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.WithDbAsync(d => d.RequestEvents.CountAsync(e => e.RequestId == id)));
    }

    [Fact]
    public async Task A_reply_template_without_the_remedies_cannot_be_saved_and_a_fee_notice_needs_the_payment_method()
    {
        var clock = FixedClock.At("2024-03-04T10:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var admin = await app.NewStaffAsync(StaffRoles.Administrator, null);
        var agency = await app.NewAgencyAsync((await app.AgencyAsync("示例区人民政府")).Id, "示例区某某局");
        var handler = await app.NewStaffAsync(StaffRoles.Handler, agency.Id);
        var id = await app.NewRequestAsync(agency.Id, "近三年的会议纪要全文");

        var template = NoticeTemplate.Default(NoticeKind.Reply);
        var saved = await (await app.LoginAsync(admin)).PostFormAsync("/admin/notices", "/admin/notices",
            new() { ["Kind"] = "Reply", ["Title"] = template.Title, ["Body"] = template.Body.Replace("{救济途径}", "", StringComparison.Ordinal) });
        var fee = await StepAsync(app, await app.LoginAsync(handler), id, "SendFeeNotice", new() { ["FeeBasis"] = "ByPages", ["Pages"] = "100" });

        Assert.Contains("申请人的救济途径（{救济途径}）", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(d => d.NoticeTemplates.CountAsync()));
        Assert.Contains("收费通知须写明缴纳方式", WebUtility.HtmlDecode(await fee.Content.ReadAsStringAsync()));
        Assert.Equal(RequestStatus.Processing, await app.WithDbAsync(d => d.Requests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }
}

using System.Net;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Requests;

/// <summary>Art. 30 online: the applicant sees what to correct and by when on /track, corrects there, and the clock restarts.</summary>
public sealed partial class RequestFlowTests
{
    private static Task<HttpResponseMessage> CorrectAsync(HttpClient client, string code, string tail, string supplied, params (string Name, byte[] Content)[] files) =>
        client.PostFilesAsync("/track", "/track?handler=Correct", new() { ["Code"] = code, ["PhoneTail"] = tail, ["Supplied"] = supplied }, "CorrectionFiles", files);

    [Fact]
    public async Task The_applicant_corrects_online_and_the_twenty_working_days_count_from_that_day()
    {
        // Received Mon 2024-05-06; correction asked 05-08 (15 working days, Saturday 05-11 a make-up working day: until
        // 05-28); corrected online Fri 05-10: the reply is due 20 working days after (day 1 = 05-11), on 2024-06-06.
        var clock = FixedClock.At("2024-05-06T09:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var clerkAccount = await app.NewStaffAsync(StaffRoles.Clerk, office.Id);
        var handlerAccount = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var clerk = await app.LoginAsync(clerkAccount);
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(app.Browser(), Application(office.Id, "某路段改造的审批文件"))).StatusCode);
        var record = await app.WithDbAsync(d => d.Requests.AsNoTracking().SingleAsync(r => r.InformationTitle == "某路段改造的审批文件"));
        Assert.True((await StepAsync(app, clerk, record.Id, "ConfirmReceipt")).IsRedirectTo($"/admin/requests/{record.Id}"));
        clock.Set("2024-05-08");
        var handler = await app.LoginAsync(handlerAccount);
        Assert.True((await StepAsync(app, handler, record.Id, "RequestCorrection", new() { ["Items"] = "请写明所需审批文件的路段名称和年份", ["PeriodDays"] = "15" }))
            .IsRedirectTo($"/admin/requests/{record.Id}"));

        var visitor = app.Browser();
        var asked = WebUtility.HtmlDecode(await (await TrackAsync(visitor, record.TrackingCode, "8000")).Content.ReadAsStringAsync());
        Assert.Contains("需要补正", asked);
        Assert.Contains("请写明所需审批文件的路段名称和年份", asked);
        Assert.Contains("请于 2024-05-28 前补正", asked);

        clock.Set("2024-05-10");
        var empty = await CorrectAsync(visitor, record.TrackingCode, "8000", " ");
        Assert.Contains("请写明补正的内容", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        var wrongTail = await CorrectAsync(visitor, record.TrackingCode, "1111", "幸福路（东段）2023 年改造工程的规划许可");
        Assert.Contains("查询码或联系电话后四位不正确", WebUtility.HtmlDecode(await wrongTail.Content.ReadAsStringAsync()));
        var corrected = await CorrectAsync(visitor, record.TrackingCode, "8000", "幸福路（东段）2023 年改造工程的规划许可", ("road-plan.pdf", Pdf));
        Assert.Contains("补正材料已提交", WebUtility.HtmlDecode(await corrected.Content.ReadAsStringAsync()));

        var after = await app.WithDbAsync(d => d.Requests.AsNoTracking().SingleAsync(r => r.Id == record.Id));
        Assert.Equal(RequestStatus.Processing, after.Status);
        Assert.Equal(new DateOnly(2024, 6, 6), after.DueOn);
        Assert.True(await app.WithDbAsync(d => d.RequestAttachments.AnyAsync(a => a.RequestId == record.Id && a.Purpose == AttachmentPurpose.Correction && a.FileName == "road-plan.pdf")));
        var staff = WebUtility.HtmlDecode(await (await app.LoginAsync(handlerAccount)).GetStringAsync($"/admin/requests/{record.Id}"));
        Assert.Contains("申请人在线补正：幸福路（东段）2023 年改造工程的规划许可", staff);
        Assert.Contains("road-plan.pdf", staff);

        var twice = await CorrectAsync(visitor, record.TrackingCode, "8000", "再补充一次");
        Assert.DoesNotContain("补正材料已提交", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()));
    }
}

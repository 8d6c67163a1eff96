using System.Net;
using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Interaction;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Interaction;

/// <summary>Reply times counted into years whose holiday schedule is not yet published.</summary>
public sealed partial class LetterTests
{
    [Fact]
    public async Task A_reply_time_past_the_published_schedule_is_provisional_and_recounted_when_the_year_is_imported()
    {
        using var app = new GongkaiApp(Db.Sqlite, clock: FixedClock.At("2026-12-24T09:00:00+08:00"));
        var agency = await app.NewAgencyAsync(null);
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, agency.Id));
        var admin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));
        var visitor = app.Browser();
        var code = await WriteAsync(visitor, agency.Id, Letter(InteractionChannel.LeaderMailbox, "建议增设公交线路", "建议增设一条连接新区和老城区的公交线路。"));
        // Thu 2026-12-24 + 10 working days: 12-25 (1), 12-28…31 (2-5), 2027-01-01 off by law, 01-04…08 (6-10).
        var before = await LetterAsync(app, code);
        var list = WebUtility.HtmlDecode(await handler.GetStringAsync("/admin/letters"));
        var tracked = await TrackAsync(visitor, code);

        // A 2027 notice bridging to Mon 01-04 with Sat 01-09 worked: 01-05…08 (6-9), Sat 01-09 (10).
        var imported = await admin.PostFormAsync("/admin/calendar", "/admin/calendar", new()
        {
            ["Json"] = """{ "2027": { "holidays": ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"], "workdays": ["2027-01-09"] } }""",
        });
        var after = await LetterAsync(app, code);

        Assert.Equal(new DateOnly(2027, 1, 8), before.DueOn);
        Assert.Contains("<td>2027-01-08（预计）</td>", list);
        Assert.Contains("<dd>2027年1月8日（预计）</dd>", tracked);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal(new DateOnly(2027, 1, 9), after.DueOn);
        Assert.Contains(after.Events, e => e.Action == "重新计算答复期限" && e.Details == "节假日安排变更，答复期限由 2027-01-08（预计）改为 2027-01-09");
        Assert.Contains("<dd>2027年1月9日</dd>", await TrackAsync(visitor, code));
    }

    [Fact]
    public async Task A_letter_received_in_mid_december_counts_working_days_into_the_unpublished_year()
    {
        var clock = FixedClock.At("2026-12-15T09:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var agency = await app.NewAgencyAsync(null);
        await app.WithDbAsync(d =>
        {
            d.InteractionChannels.Add(new InteractionChannelSettings { AgencyId = agency.Id, Channel = InteractionChannel.Complaint, ReplyWorkingDays = 20 });
            return d.SaveChangesAsync();
        });
        var handlerAccount = await app.NewStaffAsync(StaffRoles.Handler, agency.Id);
        var code = await WriteAsync(app.Browser(), agency.Id, Letter(InteractionChannel.Complaint, "投诉道路施工噪音", "夜间十一点后道路施工噪音很大，影响居民休息。"));
        var letter = await LetterAsync(app, code);

        // clock.md: Tue 2026-12-15 + 20 working days, no 2027 schedule: 12-16…18 (1-3), 12-21…25 (4-8),
        // 12-28…31 (9-12), Fri 2027-01-01 off by law, 01-04…08 (13-17), 01-11…13 (18-20).
        clock.Set("2026-12-30");
        var before = WebUtility.HtmlDecode(await (await app.LoginAsync(handlerAccount)).GetStringAsync("/admin/letters"));
        // On Mon 2027-01-18: 01-14, 01-15 and 01-18 have passed (five calendar days).
        clock.Set("2027-01-18");
        var handler = await app.LoginAsync(handlerAccount);
        var after = WebUtility.HtmlDecode(await handler.GetStringAsync("/admin/letters"));
        var detail = WebUtility.HtmlDecode(await handler.GetStringAsync($"/admin/letters/{letter.Id}"));

        Assert.Equal(new DateOnly(2027, 1, 13), letter.DueOn);
        Assert.Contains(letter.Events, e => e.Action == "收到来信" && e.Details == "网上投诉，答复期限 2027-01-13（预计）");
        // 12-31, 01-04…08 and 01-11…13 are left (calendar days would say 14).
        Assert.Matches("投诉道路施工噪音</a></td>\\s*<td>网上投诉</td>\\s*<td>待分办</td>\\s*<td>—</td>\\s*<td>2026-12-15</td>\\s*<td>2027-01-13（预计）</td>\\s*<td>还剩 9 个工作日</td>", before);
        Assert.Matches("<td>2027-01-13（预计）</td>\\s*<td>已超期 3 个工作日</td>", after);
        Assert.Contains("其中已超期 1 件", after);
        Assert.Contains("答复期限 <strong>2027-01-13（预计）</strong>（已超期 3 个工作日）", detail);
    }
}

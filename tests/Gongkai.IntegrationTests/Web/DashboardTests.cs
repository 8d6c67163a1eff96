using System.Globalization;
using System.Net;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Web;

/// <summary>The staff dashboard's counts and the request list's filters: the same deadlines, in working days.</summary>
public sealed class DashboardTests
{
    [Fact]
    public async Task Due_within_three_working_days_counts_across_the_national_day_break()
    {
        // Tue 2025-09-30; 10-01…08 off, Sat 10-11 a make-up day: 10-09 (1), 10-10 (2), 10-11 (3), Mon 10-13 (4).
        using var app = new GongkaiApp(Db.Sqlite, clock: FixedClock.At("2025-09-30T10:00:00+08:00"));
        var agency = await app.NewAgencyAsync(null);
        var handler = await app.NewStaffAsync(StaffRoles.Handler, agency.Id);
        await app.WithDbAsync(d =>
        {
            d.Requests.AddRange(
                Open(agency.Id, "今日到期的申请", "2025-09-30"),
                Open(agency.Id, "节后第一天到期的申请", "2025-10-09"),
                Open(agency.Id, "调休周六到期的申请", "2025-10-11"),
                Open(agency.Id, "节后第四个工作日到期的申请", "2025-10-13"),
                Open(agency.Id, "昨日到期的申请", "2025-09-29"),
                Open(agency.Id, "征求意见中的申请", "2025-10-09", ClockState.Paused, pausedUntil: "2025-10-20"));
            return d.SaveChangesAsync();
        });
        var staff = await app.LoginAsync(handler);

        var dashboard = WebUtility.HtmlDecode(await staff.GetStringAsync("/admin"));
        var soon = WebUtility.HtmlDecode(await staff.GetStringAsync("/admin/requests?due=soon"));

        Assert.Contains("<strong>1</strong> 件今日到期", dashboard);
        // Calendar days would reach only 10-03, inside the break: none of the three after it.
        Assert.Contains("<strong>3</strong> 件 3 个工作日内到期", dashboard);
        Assert.Contains("<strong>1</strong> 件已超期（督办）", dashboard);
        Assert.Matches("<td>承办人甲</td><td>6</td><td>3</td><td>1</td>", dashboard);
        Assert.Contains("今日到期的申请", soon);
        Assert.Contains("节后第一天到期的申请", soon);
        Assert.Contains("调休周六到期的申请", soon);
        Assert.DoesNotContain("节后第四个工作日到期的申请", soon);
        Assert.DoesNotContain("昨日到期的申请", soon);
        Assert.DoesNotContain("征求意见中的申请", soon);
    }

    private static Gongkai.Infrastructure.Requests.RequestRecord Open(int agencyId, string title, string due, ClockState state = ClockState.Running, string? pausedUntil = null)
    {
        var record = Records.Request(agencyId, "2025-09-01", null, null);
        record.InformationTitle = title;
        record.DueOn = DateOnly.Parse(due, CultureInfo.InvariantCulture);
        record.ClockState = state;
        record.PausedUntil = pausedUntil is null ? null : DateOnly.Parse(pausedUntil, CultureInfo.InvariantCulture);
        record.HandlerUserName = "承办人甲";
        return record;
    }
}

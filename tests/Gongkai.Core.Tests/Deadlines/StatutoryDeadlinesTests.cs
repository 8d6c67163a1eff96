using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Requests;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;
using static Gongkai.Core.Tests.Requests.RequestBuilder;

namespace Gongkai.Core.Tests.Deadlines;

public sealed class StatutoryDeadlinesTests
{
    [Fact]
    public void A_request_clock_becomes_a_deadline_with_the_same_date_and_words()
    {
        // clock.md 1: due 2020-11-02. Asked on Fri 10-30: Mon 11-02 is one working day away.
        var clock = OnlineConfirmed("2020-09-27", "2020-09-28").Clock("2020-10-30");

        var deadline = clock.ToDeadline(Official, Day("2020-10-30"));

        Assert.Equal(Day("2020-11-02"), deadline.Due);
        Assert.Equal(DeadlineState.Running, deadline.State);
        Assert.Equal(new WorkingDays(1), deadline.Left);
        Assert.Equal(clock.Explanation, deadline.Explanation);
    }

    [Fact]
    public void An_overdue_request_has_negative_working_days_left()
    {
        // Due Mon 2020-11-02; on Wed 11-04, 11-03 and 11-04 have passed.
        var deadline = OnlineConfirmed("2020-09-27", "2020-09-28").Clock("2020-11-04").ToDeadline(Official, Day("2020-11-04"));

        Assert.Equal(DeadlineState.Overdue, deadline.State);
        Assert.Equal(new WorkingDays(-2), deadline.Left);
    }

    [Fact]
    public void A_provisional_request_deadline_stays_provisional()
    {
        var deadline = InPerson("2026-12-15").Clock("2026-12-15").ToDeadline(Official, Day("2026-12-15"));

        Assert.Equal(Day("2027-01-13"), deadline.Due);
        Assert.True(deadline.Provisional);
        Assert.Equal("2027-01-13（预计）", deadline.DueText);
    }

    [Fact]
    public void A_stored_running_clock_past_its_due_date_is_overdue()
    {
        var deadline = StatutoryDeadlines.Projected(Official, ClockState.Running, Day("2020-11-02"), false, null, Day("2020-11-04"));

        Assert.Equal(DeadlineState.Overdue, deadline.State);
        Assert.Equal(new WorkingDays(-2), deadline.Left);
    }

    [Fact]
    public void A_stored_pause_counts_only_within_its_legal_period()
    {
        var within = StatutoryDeadlines.Projected(Official, ClockState.Paused, Day("2020-11-02"), false, Day("2020-11-10"), Day("2020-11-04"));
        var lapsed = StatutoryDeadlines.Projected(Official, ClockState.Paused, Day("2020-11-02"), false, Day("2020-11-03"), Day("2020-11-04"));

        Assert.Equal(DeadlineState.Paused, within.State);
        Assert.False(within.IsOverdue);
        Assert.Equal(DeadlineState.Overdue, lapsed.State);
        Assert.Contains("暂停期限已于 2020-11-03 届满，此后的时间计入答复期限。", lapsed.Explanation);
    }

    [Fact]
    public void Every_clock_state_maps_to_a_deadline_state()
    {
        foreach (var state in Enum.GetValues<ClockState>())
        {
            Assert.Equal(state.ToString(), state.ToDeadlineState().ToString());
        }
    }
}

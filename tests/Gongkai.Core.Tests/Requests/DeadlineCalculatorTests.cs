using Gongkai.Core.Requests;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;
using static Gongkai.Core.Tests.Requests.RequestBuilder;

namespace Gongkai.Core.Tests.Requests;

public sealed class DeadlineCalculatorTests
{
    private static DeadlineCalculator.Result Run(string json) => DeadlineCalculator.Run(DeadlineCalculator.Parse(json), Official, Day("2026-12-04"));

    [Fact]
    public void A_silent_consultee_gives_the_hand_computed_due_date_and_overdue()
    {
        var result = Run("""
            {"channel": "InPerson", "arrivedOn": "2024-04-01",
             "events": [{"type": "consultation-sent", "on": "2024-04-08", "deliveredOn": "2024-04-08", "party": "third-party"}],
             "asOf": "2024-06-28"}
            """);

        Assert.Equal(Day("2024-04-01"), result.ReceivedOn);
        Assert.Equal(Day("2024-05-22"), result.DueOn);
        Assert.Equal("overdue", result.State);
        Assert.False(result.Provisional);
        Assert.Empty(result.Refused);
    }

    [Fact]
    public void An_ordinary_letter_counts_from_its_arrival_not_its_late_confirmation()
    {
        var result = Run("""{"channel": "OrdinaryLetter", "arrivedOn": "2025-01-20", "receivedOn": "2025-01-27", "asOf": "2025-01-27"}""");

        Assert.Equal(Day("2025-01-27"), result.ReceivedOn);
        Assert.Equal(Day("2025-02-21"), result.DueOn);
        Assert.Equal("running", result.State);
    }

    [Fact]
    public void A_fee_notice_is_payable_until_20_working_days_after_delivery()
    {
        var result = Run("""
            {"channel": "InPerson", "arrivedOn": "2025-03-24",
             "events": [{"type": "fee-notice", "on": "2025-03-28", "deliveredOn": "2025-03-31"}, {"type": "fee-paid", "on": "2025-04-28"}],
             "asOf": "2025-04-28"}
            """);

        Assert.Empty(result.Refused);
        Assert.Equal("running", result.State);
    }

    [Fact]
    public void A_refused_step_is_reported_and_the_steps_after_it_still_apply()
    {
        // Received 2024-03-04, due 2024-04-01: a fee notice on 04-15 is refused; the extension on 03-28 before it applies.
        var result = Run("""
            {"channel": "Online", "arrivedOn": "2024-03-04",
             "events": [{"type": "extended", "on": "2024-03-28", "days": 20},
                        {"type": "fee-notice", "on": "2024-05-15"},
                        {"type": "extended", "on": "2024-03-29", "days": 5}],
             "asOf": "2024-04-02"}
            """);

        Assert.Equal(Day("2024-04-29"), result.DueOn);
        Assert.Equal(2, result.Refused.Count);
        Assert.Equal(1, result.Refused[0].Index);
        Assert.Contains("答复期限已于 2024-04-29 届满", result.Refused[0].Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Refused[1].Index);
        Assert.Contains("只能延长一次", result.Refused[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_waits_for_the_corrected_request()
    {
        var result = Run("""
            {"channel": "InPerson", "arrivedOn": "2024-05-06",
             "events": [{"type": "correction-requested", "on": "2024-05-08", "dueOn": "2024-05-31"}],
             "asOf": "2024-05-10"}
            """);

        Assert.Null(result.DueOn);
        Assert.Equal("awaiting-correction", result.State);
    }

    [Theory]
    [InlineData("""{"arrivedOn": "2024-04-01"}""", "channel")]
    [InlineData("""{"channel": "Pigeon", "arrivedOn": "2024-04-01"}""", "channel")]
    [InlineData("""{"channel": "Online", "arrivedOn": "2024/04/01"}""", "arrivedOn")]
    [InlineData("""{"channel": "Online", "arrivedOn": "2024-04-01", "events": [{"type": "fee-notice"}]}""", "events[0].on")]
    [InlineData("""{"channel": "Online", "arrivedOn": "2024-04-01", "events": [{"type": "lunch", "on": "2024-04-02"}]}""", "events[0].type")]
    [InlineData("""{"channel": "Online", "arrivedOn": "2024-04-01", "events": [{"type": "consultation-sent", "on": "2024-04-02", "party": "x"}]}""", "events[0].party")]
    [InlineData("""[1, 2]""", "(整体)")]
    [InlineData("""{"channel": """, "(整体)")]
    public void Bad_input_names_the_field_in_chinese(string json, string field)
    {
        var e = Assert.Throws<TimelineInputException>(() => DeadlineCalculator.Parse(json));

        Assert.Equal(field, e.Field);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message);
    }

    [Fact]
    public void A_correction_period_in_working_days_runs_from_the_notice_s_delivery()
    {
        // Notice posted 2024-05-08, signed for 05-13: 15 working days → 06-03; corrected that day → due 07-02.
        var result = Run("""
            {"channel": "InPerson", "arrivedOn": "2024-05-06",
             "events": [{"type": "correction-requested", "on": "2024-05-08", "deliveredOn": "2024-05-13", "days": 15},
                        {"type": "corrected", "on": "2024-06-03"}],
             "asOf": "2024-06-03"}
            """);

        Assert.Empty(result.Refused);
        Assert.Equal(Day("2024-07-02"), result.DueOn);
        Assert.Contains(result.Explanation, l => l.Contains("至 2024-06-03", StringComparison.Ordinal));
    }
}

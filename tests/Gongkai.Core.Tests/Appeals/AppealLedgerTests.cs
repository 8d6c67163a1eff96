using Gongkai.Core.Appeals;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;

namespace Gongkai.Core.Tests.Appeals;

public sealed class AppealLedgerTests
{
    private static AppealCase Case(AppealKind kind, string filed, string? concluded = null, AppealResult result = AppealResult.Pending) =>
        new() { Kind = kind, Body = "示例区人民政府", FiledOn = Day(filed), ConcludedOn = concluded is null ? null : Day(concluded), Result = result };

    [Fact]
    public void Cases_count_in_the_year_filed_with_the_result_known_at_its_end()
    {
        var cases = new[]
        {
            Case(AppealKind.Reconsideration, "2024-02-01", "2024-04-01", AppealResult.Upheld),
            Case(AppealKind.Reconsideration, "2024-03-01", "2024-05-01", AppealResult.Corrected),
            Case(AppealKind.Reconsideration, "2024-11-20", "2025-01-15", AppealResult.Upheld), // open on 12-31: pending in 2024
            Case(AppealKind.LitigationDirect, "2024-06-01"),
            Case(AppealKind.LitigationAfterReconsideration, "2023-06-01", "2024-02-01", AppealResult.OtherResult), // filed 2023
        };

        var ledger = AppealLedger.From(2024, cases);

        Assert.Equal(1, ledger.Count(AppealKind.Reconsideration, AppealResult.Upheld));
        Assert.Equal(1, ledger.Count(AppealKind.Reconsideration, AppealResult.Corrected));
        Assert.Equal(1, ledger.Count(AppealKind.Reconsideration, AppealResult.Pending));
        Assert.Equal(3, ledger.Total(AppealKind.Reconsideration));
        Assert.Equal(1, ledger.Total(AppealKind.LitigationDirect));
        Assert.Equal(0, ledger.Total(AppealKind.LitigationAfterReconsideration));
        Assert.Equal(1, AppealLedger.From(2023, cases).Count(AppealKind.LitigationAfterReconsideration, AppealResult.Pending));
    }

    [Theory]
    [InlineData("", "2024-01-01", null, AppealResult.Pending, "请填写复议机关")]
    [InlineData("区政府", "2024-01-01", "2024-02-01", AppealResult.Pending, "尚未审结的案件不应有审结日期")]
    [InlineData("区政府", "2024-01-01", null, AppealResult.Upheld, "请填写审结日期")]
    [InlineData("区政府", "2024-03-01", "2024-02-01", AppealResult.Upheld, "审结日期应在立案日期之后")]
    [InlineData("区政府", "2025-03-01", null, AppealResult.Pending, "不能晚于今天")]
    public void A_case_that_cannot_be_right_is_refused(string body, string filed, string? concluded, AppealResult result, string message)
    {
        var appeal = Case(AppealKind.Reconsideration, filed, concluded, result) with { Body = body };

        Assert.Contains(message, appeal.Validate(Day("2024-12-31")), StringComparison.Ordinal);
    }
}

using Gongkai.Core.Requests;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;

namespace Gongkai.Core.Tests.Requests;

public sealed class YearLedgerTests
{
    private static LedgerFact Fact(long id, ApplicantType type, string? received, string? decided = null, Outcome? outcome = null) =>
        new(id, type, received is null ? null : Day(received), decided is null ? null : Day(decided), decided is null ? null : outcome ?? Outcome.Disclosed);

    [Fact]
    public void Each_request_lands_in_exactly_one_place_of_the_year()
    {
        var facts = new[]
        {
            Fact(1, ApplicantType.NaturalPerson, "2024-03-01", "2024-03-20", Outcome.Disclosed),          // new, decided
            Fact(2, ApplicantType.NaturalPerson, "2024-12-20"),                                            // new, carried out
            Fact(3, ApplicantType.NaturalPerson, "2024-12-20", "2025-01-10", Outcome.UnavailableNotHeld),  // new, decided next year: carried out
            Fact(4, ApplicantType.Business, "2023-12-15", "2024-01-08", Outcome.WithheldThirdPartyRights), // carried in, decided
            Fact(5, ApplicantType.Business, "2023-12-28"),                                                 // carried in, carried out
            Fact(6, ApplicantType.Business, "2023-11-01", "2023-11-20"),                                   // decided last year: not in it
            Fact(7, ApplicantType.LegalServiceProvider, "2025-01-02"),                                     // next year: not in it
            Fact(8, ApplicantType.NaturalPerson, null),                                                    // never received: not in it
            Fact(9, ApplicantType.NaturalPerson, "2024-12-31", "2024-12-31", Outcome.OtherOther),          // last day
        };

        var ledger = YearLedger.From(2024, facts);

        Assert.Equal(4, ledger.NewThisYear(ApplicantType.NaturalPerson));
        Assert.Equal(0, ledger.CarriedIn(ApplicantType.NaturalPerson));
        Assert.Equal(1, ledger.Decided(ApplicantType.NaturalPerson, Outcome.Disclosed));
        Assert.Equal(1, ledger.Decided(ApplicantType.NaturalPerson, Outcome.OtherOther));
        Assert.Equal(0, ledger.Decided(ApplicantType.NaturalPerson, Outcome.UnavailableNotHeld));
        Assert.Equal(2, ledger.CarriedOut(ApplicantType.NaturalPerson));
        Assert.Equal(0, ledger.NewThisYear(ApplicantType.Business));
        Assert.Equal(2, ledger.CarriedIn(ApplicantType.Business));
        Assert.Equal(1, ledger.Decided(ApplicantType.Business, OutcomeCategory.Withheld));
        Assert.Equal(1, ledger.CarriedOut(ApplicantType.Business));
        Assert.Equal(0, ledger.NewThisYear(ApplicantType.LegalServiceProvider));
        Assert.Equal(4, ledger.NewThisYear());
        Assert.Equal(3, ledger.Decided());
        Assert.All(Enum.GetValues<ApplicantType>(), t => Assert.True(ledger.Balances(t)));
    }

    [Fact]
    public void Last_years_carried_out_is_this_years_carried_in()
    {
        var random = new Random(2024);
        var facts = Enumerable.Range(1, 2000).Select(i =>
        {
            var received = new DateOnly(2022, 1, 1).AddDays(random.Next(0, 3 * 365));
            DateOnly? decided = random.Next(10) == 0 ? null : received.AddDays(random.Next(0, 90));
            return new LedgerFact(i, (ApplicantType)random.Next(6), received, decided, decided is null ? null : (Outcome)random.Next(21));
        }).ToList();

        var y2023 = YearLedger.From(2023, facts);
        var y2024 = YearLedger.From(2024, facts);

        foreach (var type in Enum.GetValues<ApplicantType>())
        {
            Assert.True(y2023.Balances(type));
            Assert.True(y2024.Balances(type));
            Assert.Equal(y2023.CarriedOut(type), y2024.CarriedIn(type));
        }
    }

    [Fact]
    public void Adding_counts_outside_the_ledger_is_refused()
    {
        var ledger = new YearLedger(2024);

        Assert.Throws<ArgumentException>(() => ledger.Add(ApplicantType.NaturalPerson, LedgerPlace.None, null, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Add(ApplicantType.NaturalPerson, LedgerPlace.NewThisYear, null, -1));
    }
}

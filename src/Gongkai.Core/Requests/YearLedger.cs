namespace Gongkai.Core.Requests;

/// <summary>One request as the yearly ledger sees it.</summary>
public sealed record LedgerFact(long RequestId, ApplicantType ApplicantType, DateOnly? ReceivedOn, DateOnly? DecidedOn, Outcome? Outcome);

/// <summary>Where a request stands in a year's ledger.</summary>
public enum LedgerPlace
{
    /// <summary>Not in this year's ledger: received after it, decided before it, or never received.</summary>
    None,
    /// <summary>一、本年新收: received this year (and decided this year, or carried out).</summary>
    NewThisYear,
    /// <summary>二、上年结转: received before this year, still open on 1 January.</summary>
    CarriedIn,
}

/// <summary>
/// The request ledger of one year (the base of the annual report's request table): per applicant type, requests
/// received this year, carried in from last year, decided this year by outcome, and carried out to next year.
/// <c>new + carried in = decided + carried out</c> holds in every column by construction: a request in the year's
/// ledger is either decided within the year or still open at its end, never both, never neither.
/// </summary>
public sealed class YearLedger
{
    private readonly int[] _newCounts = new int[ApplicantTypeCount];
    private readonly int[] _carriedIn = new int[ApplicantTypeCount];
    private readonly int[] _carriedOut = new int[ApplicantTypeCount];
    private readonly int[,] _decided = new int[ApplicantTypeCount, OutcomeCount];

    private static readonly int ApplicantTypeCount = Enum.GetValues<ApplicantType>().Length;
    private static readonly int OutcomeCount = Enum.GetValues<Outcome>().Length;

    public YearLedger(int year)
    {
        Year = year;
    }

    public int Year { get; }
    public DateOnly Start => new(Year, 1, 1);
    public DateOnly End => new(Year, 12, 31);

    public static LedgerPlace PlaceOf(int year, DateOnly? receivedOn, DateOnly? decidedOn)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        if (receivedOn is not { } received || received > end || decidedOn < start)
        {
            return LedgerPlace.None;
        }

        return received >= start ? LedgerPlace.NewThisYear : LedgerPlace.CarriedIn;
    }

    /// <summary>
    /// What one request adds to a year's ledger: its column, row and outcome (null when carried out), or null when it
    /// is not in that year. Two facts with the same contribution leave the year's table unchanged.
    /// </summary>
    public static (ApplicantType Type, LedgerPlace Place, Outcome? Outcome)? ContributionTo(int year, LedgerFact? fact)
    {
        if (fact is null)
        {
            return null;
        }

        var place = PlaceOf(year, fact.ReceivedOn, fact.DecidedOn);
        return place == LedgerPlace.None ? null : (fact.ApplicantType, place, fact.DecidedOn <= new DateOnly(year, 12, 31) ? fact.Outcome : null);
    }

    /// <summary>Builds the ledger from the requests themselves.</summary>
    public static YearLedger From(int year, IEnumerable<LedgerFact> facts)
    {
        var ledger = new YearLedger(year);
        foreach (var f in facts)
        {
            var place = PlaceOf(year, f.ReceivedOn, f.DecidedOn);
            if (place != LedgerPlace.None)
            {
                ledger.Add(f.ApplicantType, place, f.DecidedOn <= ledger.End ? f.Outcome : null, 1);
            }
        }

        return ledger;
    }

    /// <summary>
    /// Adds <paramref name="count"/> requests of one type and place; <paramref name="decidedThisYear"/> is their
    /// outcome when decided within the year, null when they are carried out. Used by stores that count in SQL.
    /// </summary>
    public void Add(ApplicantType type, LedgerPlace place, Outcome? decidedThisYear, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var t = (int)type;
        switch (place)
        {
            case LedgerPlace.NewThisYear:
                _newCounts[t] += count;
                break;
            case LedgerPlace.CarriedIn:
                _carriedIn[t] += count;
                break;
            case LedgerPlace.None:
                throw new ArgumentException("A request outside the year's ledger cannot be added.", nameof(place));
        }

        if (decidedThisYear is { } outcome)
        {
            _decided[t, (int)outcome] += count;
        }
        else
        {
            _carriedOut[t] += count;
        }
    }

    public int NewThisYear(ApplicantType type) => _newCounts[(int)type];
    public int CarriedIn(ApplicantType type) => _carriedIn[(int)type];
    public int CarriedOut(ApplicantType type) => _carriedOut[(int)type];
    public int Decided(ApplicantType type, Outcome outcome) => _decided[(int)type, (int)outcome];
    public int Decided(ApplicantType type) => Enum.GetValues<Outcome>().Sum(o => Decided(type, o));
    public int Decided(ApplicantType type, OutcomeCategory category) => Enum.GetValues<Outcome>().Where(o => o.Category() == category).Sum(o => Decided(type, o));

    public int NewThisYear() => Enum.GetValues<ApplicantType>().Sum(NewThisYear);
    public int CarriedIn() => Enum.GetValues<ApplicantType>().Sum(CarriedIn);
    public int CarriedOut() => Enum.GetValues<ApplicantType>().Sum(CarriedOut);
    public int Decided(Outcome outcome) => Enum.GetValues<ApplicantType>().Sum(t => Decided(t, outcome));
    public int Decided() => Enum.GetValues<ApplicantType>().Sum(t => Decided(t));

    /// <summary>The identity printed in the report table's corner, per column; true by construction, checked all the same.</summary>
    public bool Balances(ApplicantType type) => NewThisYear(type) + CarriedIn(type) == Decided(type) + CarriedOut(type);
}

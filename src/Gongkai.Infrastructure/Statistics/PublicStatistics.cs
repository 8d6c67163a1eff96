using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Interaction;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Statistics;

/// <summary>
/// One agency's figures for one year as the public statistics show them (/statistics, /api/statistics). The request,
/// outcome and appeal figures are its annual report's — the approved report when there is one, else the report as the
/// records give it today — so they always equal what the report says; the on-time and letter figures come from the
/// records. Only counts: nothing about any applicant. docs/statistics.md describes every field.
/// </summary>
public sealed record AgencyYearFigures(
    int AgencyId,
    string Agency,
    int Year,
    bool FromApprovedReport,
    int Received,
    int CarriedIn,
    int Decided,
    int? DecidedOnTime,
    int CarriedOut,
    int Disclosed,
    int PartiallyDisclosed,
    int Withheld,
    int Unavailable,
    int NotProcessed,
    int OtherHandling,
    int Reconsiderations,
    int ReconsiderationsCorrected,
    int Lawsuits,
    int LawsuitsCorrected,
    int LettersReceived,
    int LettersAnswered,
    int LettersAnsweredOnTime)
{
    /// <summary>Below this many, a share is not shown as a percentage (one case would move it by 5 points or more).</summary>
    public const int SmallCount = 20;

    /// <summary>The outcome categories in the report's order, with their figures.</summary>
    public IReadOnlyList<(OutcomeCategory Category, int Count)> Outcomes =>
    [
        (OutcomeCategory.Disclosed, Disclosed),
        (OutcomeCategory.PartiallyDisclosed, PartiallyDisclosed),
        (OutcomeCategory.Withheld, Withheld),
        (OutcomeCategory.Unavailable, Unavailable),
        (OutcomeCategory.NotProcessed, NotProcessed),
        (OutcomeCategory.OtherHandling, OtherHandling),
    ];

    /// <summary><paramref name="part"/> of <paramref name="whole"/> as “87.5%”, or null when the whole is a small count.</summary>
    public static string? Share(int part, int whole) =>
        whole < SmallCount ? null : (part / (double)whole).ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Builds <see cref="AgencyYearFigures"/> from the annual report and the records.</summary>
public sealed class PublicStatistics(GongkaiDbContext db, ReportBuilder reports, TimeProvider clock)
{
    /// <summary>The first year with figures: the 2019 regulation's first report year.</summary>
    public const int FirstYear = 2019;

    /// <summary>The years that can be shown: from <see cref="FirstYear"/> to this year (its figures so far).</summary>
    public IReadOnlyList<int> Years()
    {
        var thisYear = Requests.ChinaDate.Today(clock).Year;
        return [.. Enumerable.Range(FirstYear, thisYear - FirstYear + 1).Reverse()];
    }

    /// <summary>The last complete year: what the page shows first.</summary>
    public int DefaultYear() => Math.Max(FirstYear, Requests.ChinaDate.Today(clock).Year - 1);

    public async Task<AgencyYearFigures> ForAsync(Agency agency, int year, CancellationToken ct = default)
    {
        var report = await reports.BuildAsync(agency.Id, year, subtree: false, ct: ct);
        var recorded = await DecidedAsync([agency.Id], year, ct);
        var letters = LetterCounting.Count(await Interaction.LetterStore.FactsAsync(db, [agency.Id], year, ct), year);
        return Figures(agency, year, report.Stage.IsLocked(), report.HandEntered, report.Requests, report.Appeals, recorded.GetValueOrDefault(agency.Id), letters);
    }

    /// <summary>
    /// The figures of several agencies for one year, in the order given. Past a few agencies they are counted for all
    /// at once — one grouped read of the year's requests, appeals and letters, with the same rules as the report
    /// (<see cref="LedgerQuery.BuildPerAgencyAsync"/>) — instead of building each agency's report; an agency whose report
    /// for the year is approved or typed in still gets that report's figures.
    /// </summary>
    public async Task<List<AgencyYearFigures>> ForAsync(IEnumerable<Agency> agencies, int year, CancellationToken ct = default)
    {
        var list = agencies.ToList();
        if (list.Count <= OneByOne)
        {
            var each = new List<AgencyYearFigures>();
            foreach (var agency in list)
            {
                each.Add(await ForAsync(agency, year, ct));
            }

            return each;
        }

        var ids = list.Select(a => a.Id).ToList();
        var scope = ids.ToHashSet();
        var ownReport = (await db.AnnualReports.AsNoTracking().Where(r => r.Year == year && !r.Subtree)
                .Select(r => new { r.AgencyId, r.Stage, HasSnapshot = r.Snapshot != null, Entered = r.EnteredTables != null }).ToListAsync(ct))
            .Where(r => scope.Contains(r.AgencyId) && ((r.HasSnapshot && r.Stage.IsLocked()) || r.Entered)).Select(r => r.AgencyId).ToHashSet();
        var ledgers = await LedgerQuery.BuildPerAgencyAsync(db, year, ct);
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var appeals = (await db.Appeals.AsNoTracking().Where(a => a.FiledOn >= start && a.FiledOn <= end).ToListAsync(ct))
            .Where(a => scope.Contains(a.AgencyId)).ToLookup(a => a.AgencyId);
        var letters = (await db.Letters.AsNoTracking().Where(l => l.ReceivedOn >= start && l.ReceivedOn <= end)
                .Select(l => new { l.AgencyId, Facts = new LetterFacts(l.Channel, l.ReceivedOn, l.DueOn, l.AnsweredOn, l.Status) }).ToListAsync(ct))
            .Where(l => scope.Contains(l.AgencyId)).ToLookup(l => l.AgencyId, l => l.Facts);
        var decided = await DecidedAsync(null, year, ct);
        var format = ReportFormats.ForYear(year);
        var all = new List<AgencyYearFigures>();
        foreach (var agency in list)
        {
            if (ownReport.Contains(agency.Id))
            {
                all.Add(await ForAsync(agency, year, ct));
                continue;
            }

            var table = RequestTable.From(ledgers.GetValueOrDefault(agency.Id) ?? new YearLedger(year), format);
            var appealTable = AppealsTable.From(AppealLedger.From(year, appeals[agency.Id]));
            all.Add(Figures(agency, year, locked: false, handEntered: false, table, appealTable, decided.GetValueOrDefault(agency.Id),
                LetterCounting.Count(letters[agency.Id], year)));
        }

        return all;
    }

    /// <summary>Up to this many agencies, each gets its report built; more are counted together.</summary>
    private const int OneByOne = 3;

    /// <summary>Per agency (all, or those given): the requests decided in the year, and how many of them by their due date.</summary>
    private async Task<Dictionary<int, (int All, int OnTime)>> DecidedAsync(List<int>? ids, int year, CancellationToken ct)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var decided = db.Requests.AsNoTracking().Where(r => r.DecidedOn >= start && r.DecidedOn <= end);
        if (ids is not null)
        {
            decided = decided.Where(r => ids.Contains(r.AgencyId));
        }

        return (await decided.GroupBy(r => r.AgencyId)
                .Select(g => new { g.Key, All = g.Count(), OnTime = g.Count(r => r.DueOn != null && r.DecidedOn <= r.DueOn) })
                .ToListAsync(ct))
            .ToDictionary(g => g.Key, g => (g.All, g.OnTime));
    }

    private static AgencyYearFigures Figures(Agency agency, int year, bool locked, bool handEntered, RequestTable table, AppealsTable appeals,
        (int All, int OnTime) recorded, IReadOnlyList<ChannelCount> letters)
    {
        int Row(RequestsRow row) => table[row, ApplicantColumn.Total];
        int Category(OutcomeCategory category) => table.CategoryTotal(category, ApplicantColumn.Total);
        var decided = Row(RequestsRow.Total);
        // On time only where the records hold the decisions the report counts (not for a report typed in for a year
        // before the platform, nor when an approved report and today's records differ).
        int? onTime = !handEntered && recorded.All == decided ? recorded.OnTime : null;
        return new AgencyYearFigures(
            agency.Id, agency.FullName, year, locked,
            Row(RequestsRow.NewlyReceived), Row(RequestsRow.CarriedIn), decided, onTime, Row(RequestsRow.CarriedOut),
            Category(OutcomeCategory.Disclosed), Category(OutcomeCategory.PartiallyDisclosed), Category(OutcomeCategory.Withheld),
            Category(OutcomeCategory.Unavailable), Category(OutcomeCategory.NotProcessed), Category(OutcomeCategory.OtherHandling),
            appeals[AppealKind.Reconsideration, AppealColumn.Total], appeals[AppealKind.Reconsideration, AppealColumn.Corrected],
            appeals[AppealKind.LitigationDirect, AppealColumn.Total] + appeals[AppealKind.LitigationAfterReconsideration, AppealColumn.Total],
            appeals[AppealKind.LitigationDirect, AppealColumn.Corrected] + appeals[AppealKind.LitigationAfterReconsideration, AppealColumn.Corrected],
            letters.Sum(l => l.Received), letters.Sum(l => l.Answered), letters.Sum(l => l.OnTime));
    }
}

using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Calendar;
using Gongkai.Core.Publications;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Supervision;

/// <summary>
/// The supervision dashboard's figures (/admin/supervision): for every agency of a tree and a period, counted
/// together — a few grouped reads of the period's requests, appeals, letters, documents and reports — never agency by
/// agency. The rules are the annual report's (<see cref="Requests.LedgerQuery"/>, <see cref="AppealLedger"/>,
/// <see cref="Core.Interaction.LetterCounting"/>), so a whole year's figures equal the reports built from the records.
/// </summary>
public sealed class SupervisionDashboard(GongkaiDbContext db, CalendarStore calendars)
{
    /// <summary>The open statuses whose deadline runs (as the request list's “已超期” filter).</summary>
    public static readonly RequestStatus[] Open = [RequestStatus.Processing, RequestStatus.AwaitingCorrection, RequestStatus.AwaitingFee];

    /// <summary>Open and past the due date on <paramref name="today"/>, the clock not validly paused (the request list's “已超期”).</summary>
    public static IQueryable<Requests.RequestRecord> OverdueOn(IQueryable<Requests.RequestRecord> requests, DateOnly today) =>
        requests.Where(r => Open.Contains(r.Status) && !(r.ClockState == ClockState.Paused && (r.PausedUntil == null || r.PausedUntil >= today))
            && r.DueOn != null && r.DueOn < today);

    /// <summary>The figures of <paramref name="agencies"/>, in their order, for the period counted up to <paramref name="today"/>.</summary>
    public async Task<List<SupervisionFigures>> ForAsync(IReadOnlyCollection<Agency> agencies, SupervisionPeriod period, DateOnly today, CancellationToken ct = default)
    {
        var scope = agencies.Select(a => a.Id).ToHashSet();
        var (from, to) = (period.From, period.CountedTo(today));
        var calendar = await calendars.GetCalendarAsync(ct);

        var received = (await db.Requests.AsNoTracking().Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to)
                .GroupBy(r => r.AgencyId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);
        var decided = (await DecidedAsync(calendar, from, to, ct)).ToLookup(d => d.AgencyId);
        var overdue = (await OverdueOn(db.Requests.AsNoTracking(), today)
                .GroupBy(r => r.AgencyId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);
        var appeals = (await db.Appeals.AsNoTracking().Where(a => a.FiledOn >= from && a.FiledOn <= to).ToListAsync(ct)).ToLookup(a => a.AgencyId);
        var letters = (await db.Letters.AsNoTracking().Where(l => l.ReceivedOn >= from && l.ReceivedOn <= to)
                .Select(l => new { l.AgencyId, l.DueOn, l.AnsweredOn, l.Status }).ToListAsync(ct))
            .ToLookup(l => l.AgencyId);
        var late26 = await Article26LateAsync(calendar, from, to, today, ct);
        var reports = await ReportsAsync(agencies, period.ReportYear, today, ct);

        var rows = new List<SupervisionFigures>();
        foreach (var agency in agencies)
        {
            var answered = decided[agency.Id].ToList();
            var cases = appeals[agency.Id].ToList();
            var mail = letters[agency.Id].ToList();
            var done = mail.Where(l => l.AnsweredOn is { } a && a <= to && l.Status is Core.Interaction.LetterStatus.Answered or Core.Interaction.LetterStatus.Closed).ToList();
            rows.Add(new SupervisionFigures
            {
                AgencyId = agency.Id,
                Agency = agency.FullName,
                ParentId = agency.ParentId,
                Received = received.GetValueOrDefault(agency.Id),
                Decided = answered.Sum(d => d.Count),
                DecidedOnTime = answered.Sum(d => d.OnTime),
                DecidedLate = answered.Sum(d => d.Late),
                OverdueNow = overdue.GetValueOrDefault(agency.Id),
                WorkingDays = answered.Sum(d => d.WorkingDays),
                Timed = answered.Sum(d => d.Timed),
                Outcomes = answered.Where(d => d.Outcome is not null).GroupBy(d => Enum.Parse<Outcome>(d.Outcome!).Category())
                    .ToDictionary(g => g.Key, g => g.Sum(d => d.Count)),
                Reconsiderations = cases.Count(c => c.Kind == AppealKind.Reconsideration),
                ReconsiderationsCorrected = cases.Count(c => c.Kind == AppealKind.Reconsideration && Corrected(c, to)),
                Lawsuits = cases.Count(c => c.Kind != AppealKind.Reconsideration),
                LawsuitsCorrected = cases.Count(c => c.Kind != AppealKind.Reconsideration && Corrected(c, to)),
                LettersReceived = mail.Count,
                LettersAnswered = done.Count,
                LettersOnTime = done.Count(l => l.AnsweredOn <= l.DueOn),
                Article26Late = late26.GetValueOrDefault(agency.Id),
                Report = reports.GetValueOrDefault(agency.Id),
            });
        }

        return rows;
    }

    /// <summary>One agency's 通报 for the period: its figures and the cases behind its problems (the first <see cref="SupervisionExports.MaxListed"/> of each).</summary>
    public async Task<SupervisionNotice> NoticeAsync(Agency agency, SupervisionPeriod period, DateOnly today, string issuer, CancellationToken ct = default)
    {
        var figures = (await ForAsync([agency], period, today, ct))[0];
        var calendar = await calendars.GetCalendarAsync(ct);
        var (from, to) = (period.From, period.CountedTo(today));
        int Behind(DateOnly? due, DateOnly day) => due is { } d && calendar.Reckons(d) && calendar.Reckons(day) ? calendar.WorkingDaysBetween(d, day) : 0;
        var late = (await db.Requests.AsNoTracking()
                .Where(r => r.AgencyId == agency.Id && r.DecidedOn >= from && r.DecidedOn <= to && r.DueOn != null && r.DecidedOn > r.DueOn)
                .OrderBy(r => r.DecidedOn).ThenBy(r => r.Id).Take(SupervisionExports.MaxListed)
                .Select(r => new { r.TrackingCode, r.InformationTitle, r.ReceivedOn, r.DueOn, r.DecidedOn }).ToListAsync(ct))
            .Select(r => new NoticeCase(Requests.RequestStore.FormatCode(r.TrackingCode), r.InformationTitle, r.ReceivedOn, r.DueOn, r.DecidedOn, Behind(r.DueOn, r.DecidedOn!.Value)))
            .ToList();
        var overdue = (await OverdueOn(db.Requests.AsNoTracking().Where(r => r.AgencyId == agency.Id), today)
                .OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(SupervisionExports.MaxListed)
                .Select(r => new { r.TrackingCode, r.InformationTitle, r.ReceivedOn, r.DueOn }).ToListAsync(ct))
            .Select(r => new NoticeCase(Requests.RequestStore.FormatCode(r.TrackingCode), r.InformationTitle, r.ReceivedOn, r.DueOn, null, Behind(r.DueOn, today)))
            .ToList();
        var documents = (await db.Publications.AsNoTracking()
                .Where(p => p.AgencyId == agency.Id && p.Attribute == DisclosureAttribute.Proactive
                    && ((p.Status == PublicationStatus.Published && p.PublishedOn >= from && p.PublishedOn <= to) || p.Status != PublicationStatus.Published))
                .OrderBy(p => p.WrittenOn).ThenBy(p => p.Id)
                .Select(p => new { p.Title, p.WrittenOn, p.PublishedOn, p.Status }).ToListAsync(ct))
            .Select(p => (p, Deadline: PublicationStore.Article26Deadline(calendar, p.WrittenOn, p.Status == PublicationStatus.Published ? p.PublishedOn : null, today)))
            .Where(x => x.Deadline.State is Core.Deadlines.DeadlineState.Overdue or Core.Deadlines.DeadlineState.Late)
            .Take(SupervisionExports.MaxListed)
            .Select(x => new NoticeDocument(x.p.Title, x.p.WrittenOn, x.Deadline.Due, x.p.Status == PublicationStatus.Published ? x.p.PublishedOn : null))
            .ToList();
        return new SupervisionNotice(figures, period, to, issuer, today, late, overdue, documents);
    }

    /// <summary>Corrected (纠正) by the end of the period: what the report of the filing year counts at its end.</summary>
    private static bool Corrected(AppealCase c, DateOnly to) => c.Result == AppealResult.Corrected && c.ConcludedOn is { } on && on <= to;

    public sealed record DecidedRow(int AgencyId, string? Outcome, int Count, int OnTime, int Late, long WorkingDays, int Timed);

    /// <summary>
    /// The requests answered in the period by agency and outcome: how many, on time, late, and their working days to
    /// answer. The days are the difference of two ordinals — each date's count of working days since the holiday
    /// schedule begins — which the database looks up in a small keyed table (on SQLite a temporary table of the
    /// connection, on PostgreSQL a hashed CTE), so that a year of answers is read from one covering index and comes
    /// back as a few thousand groups, not as one line per request.
    /// </summary>
    private async Task<List<DecidedRow>> DecidedAsync(WorkingDayCalendar calendar, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ordinals = new Dictionary<string, int>();
        var n = 0;
        for (var day = calendar.Schedule.CoversFrom; day <= to && calendar.Reckons(day); day = day.AddDays(1))
        {
            n += calendar.IsWorkingDay(day) ? 1 : 0;
            ordinals[day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] = n;
        }

        var map = JsonSerializer.Serialize(ordinals);
        const string select = """
            SELECT r."AgencyId", r."Outcome", CAST(COUNT(*) AS INTEGER) AS "Count",
                   CAST(SUM(CASE WHEN r."DueOn" IS NOT NULL AND r."DecidedOn" <= r."DueOn" THEN 1 ELSE 0 END) AS INTEGER) AS "OnTime",
                   CAST(SUM(CASE WHEN r."DueOn" IS NOT NULL AND r."DecidedOn" > r."DueOn" THEN 1 ELSE 0 END) AS INTEGER) AS "Late",
                   CAST(COALESCE(SUM(d."N" - c."N"), 0) AS BIGINT) AS "WorkingDays",
                   CAST(SUM(CASE WHEN d."N" IS NOT NULL AND c."N" IS NOT NULL THEN 1 ELSE 0 END) AS INTEGER) AS "Timed"
            """;
        const string where = """

            WHERE r."DecidedOn" >= {0} AND r."DecidedOn" <= {1}
            GROUP BY r."AgencyId", r."Outcome"
            """;
        if (db is not SqliteGongkaiDbContext)
        {
            var sql = $$"""
                WITH "Ordinals" AS MATERIALIZED (SELECT CAST("key" AS date) AS "Day", CAST("value" AS integer) AS "N" FROM jsonb_each_text(CAST({2} AS jsonb)))
                {{select}}
                FROM "Requests" r
                LEFT JOIN "Ordinals" d ON d."Day" = r."DecidedOn"
                LEFT JOIN "Ordinals" c ON c."Day" = r."ReceivedOn"{{where}}
                """;
            return await db.Database.SqlQueryRaw<DecidedRow>(sql, from, to, map).ToListAsync(ct);
        }

        // SQLite joins a CTE by scanning it, and a json_each by parsing it, once per request: a keyed temporary table
        // instead, private to the connection, which is therefore held open until the read is done.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TEMP TABLE IF NOT EXISTS "WorkingDayOrdinals" ("Day" TEXT PRIMARY KEY, "N" INTEGER NOT NULL) WITHOUT ROWID;
                DELETE FROM temp."WorkingDayOrdinals";
                INSERT INTO temp."WorkingDayOrdinals" SELECT "key", "value" FROM json_each({0});
                """, [map], ct);
            var sql = $$"""
                {{select}}
                FROM "Requests" r INDEXED BY "{{Requests.LedgerQuery.DecidedIndex}}"
                LEFT JOIN temp."WorkingDayOrdinals" d ON d."Day" = r."DecidedOn"
                LEFT JOIN temp."WorkingDayOrdinals" c ON c."Day" = r."ReceivedOn"{{where}}
                """;
            return await db.Database.SqlQueryRaw<DecidedRow>(sql, from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToListAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Per agency, Art. 26: proactive documents published late within the period, and those unpublished past their deadline today.</summary>
    private async Task<Dictionary<int, int>> Article26LateAsync(WorkingDayCalendar calendar, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var rows = await db.Publications.AsNoTracking()
            .Where(p => p.Attribute == DisclosureAttribute.Proactive
                && ((p.Status == PublicationStatus.Published && p.PublishedOn >= from && p.PublishedOn <= to)
                    || p.Status != PublicationStatus.Published))
            .Select(p => new { p.AgencyId, p.WrittenOn, p.PublishedOn, p.Status })
            .ToListAsync(ct);
        return rows.Where(p => PublicationStore.Article26Deadline(calendar, p.WrittenOn, p.Status == PublicationStatus.Published ? p.PublishedOn : null, today).State
                is Core.Deadlines.DeadlineState.Overdue or Core.Deadlines.DeadlineState.Late)
            .GroupBy(p => p.AgencyId).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Each agency's own report of <paramref name="year"/>: stage, Art. 49, and the rule check of the tables it was approved or typed in with.</summary>
    private async Task<Dictionary<int, SupervisedReport>> ReportsAsync(IReadOnlyCollection<Agency> agencies, int year, DateOnly today, CancellationToken ct)
    {
        var records = (await db.AnnualReports.AsNoTracking().Where(r => r.Year == year && !r.Subtree).ToListAsync(ct)).ToDictionary(r => r.AgencyId);
        // Reports published elsewhere and uploaded to the checker, matched to an agency of the tree: the latest check of each.
        var uploads = (await db.SupervisedReports.AsNoTracking().Where(r => r.Year == year && r.MatchedAgencyId != null && r.ReadError == null)
                .Select(r => new { AgencyId = r.MatchedAgencyId!.Value, r.Id, r.CheckedAt, r.Errors, r.Warnings }).ToListAsync(ct))
            .GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CheckedAt).ThenByDescending(r => r.Id).First());
        var result = new Dictionary<int, SupervisedReport>();
        foreach (var agency in agencies)
        {
            var record = records.GetValueOrDefault(agency.Id);
            var deadline = ReportLifecycle.Deadline(agency, subtree: false, year);
            int? errors = null, warnings = null;
            if (record is not null && (record.EnteredTables is not null || (record.Snapshot is not null && record.Stage.IsLocked())))
            {
                var (requests, appeals) = EnteredTables.Parse(record.EnteredTables) is { } entered
                    ? (entered.RequestTable(ReportFormats.ForYear(year)), entered.AppealsTable())
                    : ReportJson.Read(record.Snapshot!, agency) is var model ? (model.Requests, model.Appeals) : default;
                var findings = ReportRules.Check(requests, appeals);
                (errors, warnings) = (findings.Count(f => f.Severity == Severity.Error), findings.Count(f => f.Severity == Severity.Warning));
            }

            long? upload = null;
            if (errors is null && uploads.TryGetValue(agency.Id, out var checkedUpload))
            {
                (errors, warnings, upload) = (checkedUpload.Errors, checkedUpload.Warnings, checkedUpload.Id);
            }

            var timeliness = SupervisedReport.TimelinessOf(record?.PublishedOn, deadline, today);
            if (upload is not null && record?.PublishedOn is null)
            {
                timeliness = ReportTimeliness.PublishedElsewhere;
            }

            result[agency.Id] = new SupervisedReport(year, record?.Stage, record?.PublishedOn, deadline, timeliness, errors, warnings) { CheckedUploadId = upload };
        }

        return result;
    }
}

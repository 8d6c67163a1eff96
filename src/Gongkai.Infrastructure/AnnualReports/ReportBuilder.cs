using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Publications;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>The report of one agency (or its subtree) for one year, built from the records.</summary>
public sealed record AnnualReportModel(
    Agency Agency,
    int Year,
    ReportFormat Format,
    string? FormatWarning,
    bool Subtree,
    IReadOnlyList<string> CoveredAgencies,
    Article20Figures Article20,
    RequestTable Requests,
    AppealsTable Appeals,
    IReadOnlyList<Finding> Findings,
    string RequestsDraft,
    string AppealsDraft,
    string FeesDraft,
    IReadOnlyDictionary<int, string> Narrative)
{
    /// <summary>The sections staff write: 一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项.</summary>
    public static readonly IReadOnlyList<int> WrittenSections = [1, 5, 6];

    /// <summary>Requests received and decided in this and up to four earlier years (the year-over-year chart).</summary>
    public IReadOnlyList<YearFigures> History { get; init; } = [];

    /// <summary>Where the report is in its lifecycle; exports of a report not yet approved say 草稿.</summary>
    public ReportStage Stage { get; init; } = ReportStage.Draft;

    /// <summary>The date the report went public on the portal (printed under the signature), when it has.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>The tables were typed in by staff (a historic year without records), not counted from cases.</summary>
    public bool HandEntered { get; init; }

    /// <summary>The year's letters to the mailbox, complaints and inquiries (互动交流), when there were any.</summary>
    public string? InteractionDraft { get; init; }

    /// <summary>（一）主动公开 from the catalog, （三）政府信息管理 from repeals, the subjects most asked about in （二）.</summary>
    public string? ProactiveDraft { get; init; }
    public string? ManagementDraft { get; init; }
    public string? SubjectsDraft { get; init; }

    /// <summary>（二）: groups of requests for the same information published proactively in the year (Art. 44), when there were any.</summary>
    public string? SameInformationDraft { get; init; }

    /// <summary>Rule T5 ran against last year's approved (or typed-in) report.</summary>
    public bool ComparedWithLastYear { get; init; }

    /// <summary>The text of a written section: what staff saved, else the generated draft.</summary>
    public string SectionText(int section) => Narrative.TryGetValue(section, out var text) ? text : section switch
    {
        1 => $"{Agency.FullName}认真贯彻落实《中华人民共和国政府信息公开条例》，现将本年度政府信息公开工作情况报告如下。\n（一）主动公开。{ProactiveDraft}\n（二）依申请公开。{RequestsDraft}{SubjectsDraft}{SameInformationDraft}\n（三）政府信息管理。{ManagementDraft}\n（四）平台建设。{InteractionDraft}\n（五）监督保障。{AppealsDraft}",
        6 => FeesDraft,
        _ => "",
    };

    public string Title => $"{Agency.FullName}{Year}年政府信息公开工作年度报告";

    public string Coverage => Subtree && CoveredAgencies.Count > 1
        ? $"本报告统计范围为{Agency.FullName}及其所属{CoveredAgencies.Count - 1}个机关（{string.Join("、", CoveredAgencies.Skip(1))}），统计期限为{Year}年1月1日至{Year}年12月31日。"
        : $"本报告统计范围为{Agency.FullName}，统计期限为{Year}年1月1日至{Year}年12月31日。";
}

/// <summary>One year's requests for the year-over-year chart: 本年新收 and 本年办结 (the 总计 of rows 一 and （七）).</summary>
public sealed record YearFigures(int Year, int Received, int Decided);

/// <summary>Refusals the person asking for a report can act on, in Chinese.</summary>
public sealed class ReportException(string message) : Exception(message);

public sealed class ReportBuilder(GongkaiDbContext db, CalendarStore calendars, IArticle20Source article20)
{
    /// <param name="progress">Told each step, in Chinese (the CLI shows it for roll-ups).</param>
    /// <param name="live">
    /// Build from the records even when the report is approved (定稿); by default an approved report is its snapshot,
    /// with any difference the records now show listed as findings (rule L1).
    /// </param>
    /// <param name="withHistory">Also count the four years before (for the year-over-year chart).</param>
    public async Task<AnnualReportModel> BuildAsync(int agencyId, int year, bool subtree, ReportFormat? format = null, IProgress<string>? progress = null,
        bool live = false, bool withHistory = false, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct)
            ?? throw new ReportException($"没有编号为 {agencyId} 的机关。");
        var schedule = (await calendars.GetCalendarAsync(ct)).Schedule;
        if (year < 2019 || !schedule.Covers(new DateOnly(year, 1, 1)))
        {
            throw new ReportException($"{year} 年不在可以生成年度报告的范围内：年度报告格式自 2019 年起施行，节假日安排数据覆盖 {schedule.FirstYear}–{schedule.LastYear} 年。");
        }

        var records = await db.AnnualReports.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && (r.Year == year || r.Year == year - 1) && r.Subtree == subtree).ToListAsync(ct);
        var record = records.FirstOrDefault(r => r.Year == year);
        var lastRecord = records.FirstOrDefault(r => r.Year == year - 1);
        var locked = !live && record?.Snapshot is not null && record.Stage.IsLocked() ? ReportJson.Read(record.Snapshot, agency) : null;
        var chosen = format ?? locked?.Format ?? ReportFormats.ForYear(year);
        var all = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var ids = subtree ? new AgencyTree(all.Select(a => (a.Id, a.ParentId))).Subtree(agencyId).ToList() : [agencyId];
        var covered = all.Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id == agencyId ? 0 : 1).ThenBy(a => a.Id).Select(a => a.FullName).ToList();

        progress?.Report($"统计{(ids.Count > 1 ? $" {ids.Count} 个机关" : "")} {year} 年的政府信息公开申请…");
        var ledger = await LedgerQuery.BuildAsync(db, ids, year, ct);
        var entered = EnteredTables.Parse(record?.EnteredTables);
        var requests = entered?.RequestTable(chosen) ?? RequestTable.From(ledger, chosen);

        // T5 compares with last year's report as approved, or as typed in for a historic year. Against last year's
        // records it would hold by construction (their carried-out are this year's carried-in), so no second ledger
        // is built for it: that would double the cost of every report.
        var lastYear = lastRecord?.Snapshot is { } lastSnapshot && lastRecord.Stage.IsLocked()
            ? ReportJson.Read(lastSnapshot, agency).Requests
            : EnteredTables.Parse(lastRecord?.EnteredTables)?.RequestTable(ReportFormats.ForYear(year - 1));

        progress?.Report("统计行政复议、行政诉讼和收费…");
        var (yearStart, yearEnd) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        // Only what the table counts, from the covering index (kind, result, dates): no case's notes or numbers.
        var cases = await db.Appeals.AsNoTracking().Where(a => a.FiledOn >= yearStart && a.FiledOn <= yearEnd && ids.Contains(a.AgencyId))
            .Select(a => new AppealCase { Kind = a.Kind, FiledOn = a.FiledOn, ConcludedOn = a.ConcludedOn, Result = a.Result }).ToListAsync(ct);
        var appeals = entered?.AppealsTable() ?? AppealsTable.From(AppealLedger.From(year, cases));
        var (collected, feeNotices) = await FeesAsync(ids, year, ct);

        progress?.Report("读取第二十条数据和撰写的内容…");
        var figures = await article20.GetAsync(ids, year, chosen, ct);
        var narrative = await db.ReportNarratives.AsNoTracking().Where(n => n.AgencyId == agencyId && n.Year == year && n.Subtree == subtree)
            .ToDictionaryAsync(n => n.Section, n => n.Text, ct);
        var history = withHistory ? await HistoryAsync(ids, year, ct) : [];
        var built = new AnnualReportModel(agency, year, chosen, ReportFormats.Warning(year, chosen), subtree, covered, figures, requests, appeals,
            ReportRules.Check(requests, appeals, lastYear),
            ReportDraft.RequestsParagraph(requests), ReportDraft.AppealsParagraph(appeals), ReportDraft.FeesParagraph(chosen, collected, feeNotices), narrative)
        {
            Stage = record?.Stage ?? ReportStage.Draft,
            PublishedOn = record?.PublishedOn,
            HandEntered = entered is not null,
            History = history,
            ComparedWithLastYear = lastYear is not null,
            InteractionDraft = await InteractionAsync(ids, year, ct),
            ProactiveDraft = await ProactiveAsync(ids, yearStart, yearEnd, ct),
            ManagementDraft = await ManagementAsync(ids, yearStart, yearEnd, ct),
            SameInformationDraft = await SameInformationAsync(ids, year, ct),
            SubjectsDraft = narrative.ContainsKey(1) ? null : ReportDraft.SubjectsSentence(RequestSubjects.Top(await db.Requests.AsNoTracking()
                .Where(r => ids.Contains(r.AgencyId) && r.ReceivedOn >= yearStart && r.ReceivedOn <= yearEnd)
                .OrderByDescending(r => r.Id).Take(RequestSubjects.MaxTitles).Select(r => r.InformationTitle).ToListAsync(ct))),
        };
        if (locked is null)
        {
            return built;
        }

        return locked with
        {
            Findings = [.. ReportRules.Check(locked.Requests, locked.Appeals, lastYear), .. Drift(locked, built)],
            Stage = record!.Stage,
            PublishedOn = record.PublishedOn,
            ComparedWithLastYear = lastYear is not null,
            History = locked.History.Count > 0 || !withHistory ? locked.History : history,
        };
    }

    /// <summary>Cells of an approved report that the records no longer agree with (L1): shown, never applied.</summary>
    private static IEnumerable<Finding> Drift(AnnualReportModel locked, AnnualReportModel now)
    {
        foreach (var row in locked.Requests.Rows.Where(r => r.Kind != RowKind.Heading))
        {
            foreach (var column in ApplicantColumns.All)
            {
                if (locked.Requests[row.Id, column] != now.Requests[row.Id, column])
                {
                    yield return new Finding(RuleId.L1, Severity.Warning, $"表三 · {row.Label} · {column.Label()}",
                        $"定稿为 {locked.Requests[row.Id, column]}，按现有记录为 {now.Requests[row.Id, column]}。定稿后的数字不随记录变化；如需更正，请撤回定稿。");
                }
            }
        }

        foreach (var (kind, group, subgroup) in ReportFormats.AppealGroups)
        {
            foreach (var column in AppealColumns.All)
            {
                if (locked.Appeals[kind, column] != now.Appeals[kind, column])
                {
                    yield return new Finding(RuleId.L1, Severity.Info, $"表四 · {group}{(subgroup is null ? "" : "·" + subgroup)} · {column.Label()}",
                        $"定稿为 {locked.Appeals[kind, column]}，按现有记录为 {now.Appeals[kind, column]}（案件定稿后审结属正常情况，下一年度报告不重复统计）。");
                }
            }
        }
    }

    private async Task<string?> InteractionAsync(List<int> ids, int year, CancellationToken ct)
    {
        var letters = await Interaction.LetterStore.FactsAsync(db, ids, year, ct);
        return letters.Count == 0 ? null : Gongkai.Core.Interaction.LetterCounting.Paragraph(Gongkai.Core.Interaction.LetterCounting.Count(letters, year));
    }

    private async Task<string?> ProactiveAsync(List<int> ids, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var published = await db.Publications.AsNoTracking()
            .Where(p => ids.Contains(p.AgencyId) && p.Status == PublicationStatus.Published && p.Attribute == DisclosureAttribute.Proactive
                && p.PublishedOn >= start && p.PublishedOn <= end)
            .GroupBy(p => new { p.Type, Interpretation = p.InterpretsId != null })
            .Select(g => new { g.Key.Type, g.Key.Interpretation, Count = g.Count() }).ToListAsync(ct);
        var gazette = await db.GazetteIssues.AsNoTracking().CountAsync(g => ids.Contains(g.AgencyId) && g.IsPublished && g.IssuedOn >= start && g.IssuedOn <= end, ct);
        return ReportDraft.ProactiveParagraph(published.Sum(p => p.Count), published.Where(p => p.Type == PublicationType.Regulation).Sum(p => p.Count),
            published.Where(p => p.Type == PublicationType.NormativeDocument).Sum(p => p.Count), published.Where(p => p.Interpretation).Sum(p => p.Count), gazette);
    }

    private async Task<string?> SameInformationAsync(List<int> ids, int year, CancellationToken ct)
    {
        var (groups, requests) = await SameInformationStore.YearAsync(db, ids, year, ct);
        return ReportDraft.SameInformationSentence(groups, requests);
    }

    private async Task<string?> ManagementAsync(List<int> ids, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var repealed = await db.Publications.AsNoTracking().CountAsync(p => ids.Contains(p.AgencyId) && p.RepealedOn >= start && p.RepealedOn <= end, ct);
        var expired = await db.Publications.AsNoTracking().CountAsync(p => ids.Contains(p.AgencyId) && p.RepealedOn == null && p.ExpiredOn >= start && p.ExpiredOn <= end, ct);
        return ReportDraft.ManagementParagraph(repealed, expired);
    }

    /// <summary>
    /// Fee notices sent in the year, and what the requests paid in the year were charged: from the fee tallies the
    /// database keeps as fee events are recorded (<see cref="FeeTally"/>, ADR 0021).
    /// </summary>
    private async Task<(decimal Collected, int Notices)> FeesAsync(List<int> ids, int year, CancellationToken ct)
    {
        var scope = ids.ToHashSet();
        var tallies = (await db.FeeTallies.AsNoTracking().Where(f => f.Year == year).ToListAsync(ct)).Where(f => scope.Contains(f.AgencyId)).ToList();
        return (tallies.Sum(f => f.CollectedFen) / 100m, tallies.Sum(f => f.Notices));
    }

    /// <summary>Requests received and decided in each of the five years up to <paramref name="year"/> (from the first year with records).</summary>
    private async Task<IReadOnlyList<YearFigures>> HistoryAsync(List<int> ids, int year, CancellationToken ct)
    {
        var first = Math.Max(2019, year - 4);
        var scope = ids.ToHashSet();
        var tallies = (await db.RequestTallies.AsNoTracking()
            .Where(t => (t.ReceivedYear >= first && t.ReceivedYear <= year) || (t.DecidedYear >= first && t.DecidedYear <= year))
            .Select(t => new { t.AgencyId, t.ReceivedYear, t.DecidedYear, t.Count }).ToListAsync(ct)).Where(t => scope.Contains(t.AgencyId)).ToList();
        var figures = new List<YearFigures>();
        for (var y = first; y <= year; y++)
        {
            var r = tallies.Where(t => t.ReceivedYear == y).Sum(t => t.Count);
            var d = tallies.Where(t => t.DecidedYear == y).Sum(t => t.Count);
            if (r + d > 0 || figures.Count > 0 || y == year)
            {
                figures.Add(new YearFigures(y, r, d));
            }
        }

        return figures;
    }
}

using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
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

    /// <summary>The text of a written section: what staff saved, else the generated draft.</summary>
    public string SectionText(int section) => Narrative.TryGetValue(section, out var text) ? text : section switch
    {
        1 => $"{Agency.FullName}认真贯彻落实《中华人民共和国政府信息公开条例》，现将本年度政府信息公开工作情况报告如下。\n（一）主动公开。\n（二）依申请公开。{RequestsDraft}\n（三）政府信息管理。\n（四）平台建设。\n（五）监督保障。",
        6 => FeesDraft,
        _ => "",
    };

    public string Title => $"{Agency.FullName}{Year}年政府信息公开工作年度报告";

    public string Coverage => Subtree && CoveredAgencies.Count > 1
        ? $"本报告统计范围为{Agency.FullName}及其所属{CoveredAgencies.Count - 1}个机关（{string.Join("、", CoveredAgencies.Skip(1))}），统计期限为{Year}年1月1日至{Year}年12月31日。"
        : $"本报告统计范围为{Agency.FullName}，统计期限为{Year}年1月1日至{Year}年12月31日。";
}

/// <summary>Refusals the person asking for a report can act on, in Chinese.</summary>
public sealed class ReportException(string message) : Exception(message);

public sealed class ReportBuilder(GongkaiDbContext db, CalendarStore calendars, IArticle20Source article20)
{
    public async Task<AnnualReportModel> BuildAsync(int agencyId, int year, bool subtree, ReportFormat? format = null, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct)
            ?? throw new ReportException($"没有编号为 {agencyId} 的机关。");
        var schedule = (await calendars.GetCalendarAsync(ct)).Schedule;
        if (year < 2019 || !schedule.Covers(new DateOnly(year, 1, 1)))
        {
            throw new ReportException($"{year} 年不在可以生成年度报告的范围内：年度报告格式自 2019 年起施行，节假日安排数据覆盖 {schedule.FirstYear}–{schedule.LastYear} 年。");
        }

        var chosen = format ?? ReportFormats.ForYear(year);
        var all = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var ids = subtree ? new AgencyTree(all.Select(a => (a.Id, a.ParentId))).Subtree(agencyId).ToList() : [agencyId];
        var covered = all.Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id == agencyId ? 0 : 1).ThenBy(a => a.Id).Select(a => a.FullName).ToList();

        var ledger = await LedgerQuery.BuildAsync(db, ids, year, ct);
        var lastLedger = await LedgerQuery.BuildAsync(db, ids, year - 1, ct);
        var requests = RequestTable.From(ledger, chosen);
        var lastYear = RequestTable.From(lastLedger, ReportFormats.ForYear(year - 1));
        var cases = await db.Appeals.AsNoTracking().Where(a => ids.Contains(a.AgencyId) && a.FiledOn.Year == year).ToListAsync(ct);
        var appeals = AppealsTable.From(AppealLedger.From(year, cases));

        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var fees = await db.RequestEvents.AsNoTracking()
            .Where(e => e.Type == nameof(FeePaid) && e.On >= start && e.On <= end)
            .Join(db.Requests.Where(r => ids.Contains(r.AgencyId)), e => e.RequestId, r => r.Id, (e, r) => e.RequestId)
            .ToListAsync(ct);
        var feeNotices = await db.RequestEvents.AsNoTracking()
            .Where(e => e.Type == nameof(FeeNoticeSent) && e.On >= start && e.On <= end)
            .Join(db.Requests.Where(r => ids.Contains(r.AgencyId)), e => e.RequestId, r => r.Id, (e, r) => e.Json)
            .ToListAsync(ct);
        var collected = 0m;
        foreach (var json in await db.RequestEvents.AsNoTracking().Where(e => e.Type == nameof(FeeNoticeSent) && fees.Contains(e.RequestId)).Select(e => e.Json).ToListAsync(ct))
        {
            using var notice = System.Text.Json.JsonDocument.Parse(json);
            collected += notice.RootElement.GetProperty("Amount").GetDecimal();
        }

        var figures = await article20.GetAsync(ids, year, chosen, ct);
        var narrative = await db.ReportNarratives.AsNoTracking().Where(n => n.AgencyId == agencyId && n.Year == year && n.Subtree == subtree)
            .ToDictionaryAsync(n => n.Section, n => n.Text, ct);
        return new AnnualReportModel(agency, year, chosen, ReportFormats.Warning(year, chosen), subtree, covered, figures, requests, appeals,
            ReportRules.Check(requests, appeals, lastYear),
            ReportDraft.RequestsParagraph(requests), ReportDraft.AppealsParagraph(appeals), ReportDraft.FeesParagraph(chosen, collected, feeNotices.Count), narrative);
    }
}

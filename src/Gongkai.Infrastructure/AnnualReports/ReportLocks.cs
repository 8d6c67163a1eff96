using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>
/// Which (agency, year) pairs an approved report has locked: its own agency's, or every agency of its subtree for a
/// 本级政府汇总 report. Records whose change would alter a locked figure are refused here, in Chinese.
/// </summary>
public sealed class ReportLocks(GongkaiDbContext db)
{
    private Dictionary<(int AgencyId, int Year), string>? _locked;

    /// <summary>Null when the agency's figures for the year may change; otherwise which report locks them.</summary>
    public async Task<string?> LockedByAsync(int agencyId, int year, CancellationToken ct = default)
    {
        if (_locked is null)
        {
            _locked = [];
            var reports = await db.AnnualReports.AsNoTracking()
                .Where(r => r.Stage == ReportStage.Approved || r.Stage == ReportStage.Published)
                .Select(r => new { r.AgencyId, r.Year, r.Subtree, r.Stage })
                .ToListAsync(ct);
            if (reports.Count > 0)
            {
                var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.FullName }).ToListAsync(ct);
                var names = agencies.ToDictionary(a => a.Id, a => a.FullName);
                var tree = new AgencyTree(agencies.Select(a => (a.Id, a.ParentId)));
                foreach (var r in reports)
                {
                    var label = $"{names[r.AgencyId]}{r.Year}年{(r.Subtree ? "（含下级机关）" : "")}政府信息公开工作年度报告已{r.Stage.Label()}";
                    foreach (var id in r.Subtree ? tree.Subtree(r.AgencyId) : new HashSet<int> { r.AgencyId })
                    {
                        _locked.TryAdd((id, r.Year), label);
                    }
                }
            }
        }

        return _locked.GetValueOrDefault((agencyId, year));
    }

    /// <summary>
    /// Refuses a change to a request (null before: a new one) that would move it in a locked year's table: a late
    /// entry received in that year, a back-dated decision, a changed applicant type.
    /// </summary>
    public async Task EnsureRequestChangeAllowedAsync(int agencyId, LedgerFact? before, LedgerFact after, CancellationToken ct = default)
    {
        await LockedByAsync(agencyId, 0, ct);
        foreach (var ((id, year), lockedBy) in _locked!)
        {
            if (id == agencyId && YearLedger.ContributionTo(year, before) != YearLedger.ContributionTo(year, after))
            {
                throw new RequestRuleException($"{lockedBy}，这一操作会改变该年度报告中已定稿的数字，未执行。如确需更正，请先由审核人撤回定稿并说明原因。");
            }
        }
    }
}

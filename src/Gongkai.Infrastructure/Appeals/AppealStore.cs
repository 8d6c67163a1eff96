using Gongkai.Core.Appeals;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Persistence;

namespace Gongkai.Infrastructure.Appeals;

/// <summary>
/// Records 行政复议 and 行政诉讼 cases: the case checked by Core, refused when it would change a figure an approved
/// report has locked, and saved with whatever the unit of work holds (the page's audit entry) in one SaveChanges.
/// </summary>
public sealed class AppealStore(GongkaiDbContext db, ReportLocks locks)
{
    /// <summary>Saves a new case, or <paramref name="existing"/> changed to <paramref name="appeal"/>; the refusal in Chinese, or null.</summary>
    public async Task<string?> SaveAsync(AppealCase? existing, AppealCase appeal, DateOnly today, CancellationToken ct = default)
    {
        if (appeal.Validate(today) is { } problem)
        {
            return problem;
        }

        // A case entered late into a locked year, or moved into or out of one, would change a locked figure. Recording
        // the result of a case filed in a locked year is normal work: the published report said 尚未审结 then.
        var moved = existing is null || existing.FiledOn.Year != appeal.FiledOn.Year || existing.AgencyId != appeal.AgencyId || existing.Kind != appeal.Kind;
        if (moved)
        {
            foreach (var (agency, year) in new[] { (appeal.AgencyId, appeal.FiledOn.Year) }.Concat(existing is null ? [] : [(existing.AgencyId, existing.FiledOn.Year)]))
            {
                if (await locks.LockedByAsync(agency, year, ct) is { } lockedBy)
                {
                    return $"{lockedBy}，登记或改动立案日期在该年度的案件会改变已定稿的数字，未保存。如确需更正，请先由审核人撤回定稿并说明原因。";
                }
            }
        }

        if (existing is null)
        {
            db.Appeals.Add(appeal);
        }
        else
        {
            db.Entry(existing).CurrentValues.SetValues(appeal);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }
}

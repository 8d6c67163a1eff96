using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>
/// What staff write into a report — its written sections and the Art. 20 figures — saved only while the year is not
/// locked (<see cref="ReportLocks"/>, <see cref="ReportLifecycle.ContentChangingAsync"/>), with whatever the unit of
/// work holds (the page's audit entry) in one SaveChanges. Refusals are <see cref="ReportLifecycleException"/>s in Chinese.
/// </summary>
public sealed class ReportContentStore(GongkaiDbContext db, ReportLifecycle lifecycle, ReportLocks locks, TimeProvider clock)
{
    public const int MaxSectionLength = 20000;

    /// <summary>Saves a written section (一, 五 or 六) of the agency's report for the year.</summary>
    public async Task SaveNarrativeAsync(int agencyId, int year, bool subtree, int section, string? text, string by, CancellationToken ct = default)
    {
        await lifecycle.ContentChangingAsync(agencyId, year, subtree, ct);
        var clean = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (clean.Length > MaxSectionLength)
        {
            throw new ReportLifecycleException($"第{section}部分不能超过 {MaxSectionLength} 个字，未保存。");
        }

        var record = await db.ReportNarratives.FirstOrDefaultAsync(n => n.AgencyId == agencyId && n.Year == year && n.Subtree == subtree && n.Section == section, ct);
        if (record is null)
        {
            db.ReportNarratives.Add(new ReportNarrativeRecord { AgencyId = agencyId, Year = year, Subtree = subtree, Section = section, Text = clean, UpdatedBy = by, UpdatedAt = clock.GetUtcNow() });
        }
        else
        {
            (record.Text, record.UpdatedBy, record.UpdatedAt) = (clean, by, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The one way Art. 20 figures are written, for the form and the import alike.</summary>
    public async Task SaveArticle20Async(int agencyId, int year, IReadOnlyList<Article20Value> values, string by, CancellationToken ct = default)
    {
        if (await locks.LockedByAsync(agencyId, year, ct) is { } lockedBy)
        {
            throw new ReportLifecycleException($"{lockedBy}，第二十条数据不能再修改；如确需更正，请先由审核人撤回定稿并说明原因。");
        }

        await lifecycle.ContentChangingAsync(agencyId, year, subtree: false, ct);
        var existing = await db.Article20Figures.Where(f => f.AgencyId == agencyId && f.Year == year).ToListAsync(ct);
        foreach (var (table, row, column, value) in values)
        {
            var record = existing.FirstOrDefault(f => f.Item == table.Item && f.Row == row && f.Column == column);
            if (record is null)
            {
                db.Article20Figures.Add(new Article20FigureRecord { AgencyId = agencyId, Year = year, Item = table.Item, Row = row, Column = column, Value = value, UpdatedBy = by, UpdatedAt = clock.GetUtcNow() });
            }
            else if (record.Value != value)
            {
                (record.Value, record.UpdatedBy, record.UpdatedAt) = (value, by, clock.GetUtcNow());
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

using Gongkai.Core.AnnualReports;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>One Art. 20 figure entered by staff for an agency and year.</summary>
public sealed class Article20FigureRecord
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public required string Item { get; set; }
    public required string Row { get; set; }
    public required string Column { get; set; }
    public decimal Value { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Where section 二's Art. 20 figures come from. Today staff enter them; the publications feature will supply the
/// 规章 and 规范性文件 counts from its own records through another implementation.
/// </summary>
public interface IArticle20Source
{
    Task<Article20Figures> GetAsync(IReadOnlyCollection<int> agencyIds, int year, ReportFormat format, CancellationToken ct = default);
}

/// <summary>Figures as staff entered them; a subtree's report adds its agencies' figures up.</summary>
public sealed class EnteredArticle20Source(GongkaiDbContext db) : IArticle20Source
{
    public async Task<Article20Figures> GetAsync(IReadOnlyCollection<int> agencyIds, int year, ReportFormat format, CancellationToken ct = default)
    {
        var ids = agencyIds.ToList();
        var rows = await db.Article20Figures.AsNoTracking().Where(f => ids.Contains(f.AgencyId) && f.Year == year).ToListAsync(ct);
        var figures = new Article20Figures(format);
        foreach (var group in rows.GroupBy(f => (f.Item, f.Row, f.Column)))
        {
            var table = figures.Tables.FirstOrDefault(t => t.Item == group.Key.Item);
            if (table is not null && table.Rows.Contains(group.Key.Row) && table.Columns.Contains(group.Key.Column))
            {
                figures[group.Key.Item, group.Key.Row, group.Key.Column] = group.Sum(f => f.Value);
            }
        }

        return figures;
    }
}

/// <summary>A narrative section (一 总体情况, 五 问题和改进, 六 其他事项) written by staff for an agency's year.</summary>
public sealed class ReportNarrativeRecord
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    /// <summary>Whether it belongs to the agency's own report or to its subtree (本级政府汇总) report.</summary>
    public bool Subtree { get; set; }
    /// <summary>1, 5 or 6: the section number.</summary>
    public int Section { get; set; }
    public required string Text { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

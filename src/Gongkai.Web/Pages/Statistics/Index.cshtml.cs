using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Statistics;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Statistics;

/// <summary>
/// 政府信息公开统计: one agency's figures for a year, from its annual report and records, and the same figures of the
/// agencies beside it (its siblings; for the top of the tree, the agencies under it) to compare.
/// </summary>
public sealed class IndexModel(PortalContext portal, PublicStatistics statistics, GongkaiDbContext db) : PageModel
{
    public Agency? Agency { get; private set; }
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public AgencyYearFigures? Figures { get; private set; }

    /// <summary>The agencies compared with <see cref="Agency"/> (itself included, first), and what they are.</summary>
    public List<AgencyYearFigures> Compared { get; private set; } = [];
    public string CompareCaption { get; private set; } = "";

    /// <summary>A year that is not one of <see cref="Years"/> was asked for.</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Agency = await portal.CurrentAgencyAsync(HttpContext);
        Years = statistics.Years();
        Year = statistics.DefaultYear();
        if (year is { } asked)
        {
            if (Years.Contains(asked))
            {
                Year = asked;
            }
            else
            {
                Problem = $"没有 {asked} 年度的统计，可查看 {PublicStatistics.FirstYear}–{Years[0]} 年度。";
            }
        }

        if (Agency is not { } agency)
        {
            return;
        }

        Figures = await statistics.ForAsync(agency, Year, ct);
        var siblings = agency.ParentId is { } parent
            ? await db.Agencies.AsNoTracking().Where(a => a.ParentId == parent && a.IsActive && a.Id != agency.Id).OrderBy(a => a.Id).ToListAsync(ct)
            : [];
        var compared = siblings.Count > 0 ? siblings : await db.Agencies.AsNoTracking().Where(a => a.ParentId == agency.Id && a.IsActive).OrderBy(a => a.Id).ToListAsync(ct);
        CompareCaption = siblings.Count > 0 ? "与同级机关比较" : "与所属机关比较";
        Compared = [Figures, .. await statistics.ForAsync(compared.Take(MaxCompared), Year, ct)];
    }

    /// <summary>The most agencies compared on one page (the CSV has them all).</summary>
    public const int MaxCompared = 30;

    public string Link(int? year = null, int? agencyId = null) =>
        $"/statistics?agency={agencyId ?? Agency?.Id}&year={year ?? Year}";
}

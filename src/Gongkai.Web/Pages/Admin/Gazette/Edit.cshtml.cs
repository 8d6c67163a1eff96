using Gongkai.Core.Agencies;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Gazette;

/// <summary>
/// One issue of the gazette: its numbers, print run and distribution points, the published documents it prints in
/// order (found by title or 文号), and whether the portal shows it. Publishers and approvers change it; all staff read it.
/// </summary>
public sealed class EditModel(GongkaiDbContext db, StaffAccess access, GazetteStore store, AuditTrail audit, RequestDay day) : PageModel
{
    public const int CandidateCount = 50;

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public int AgencyId { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public int? Number { get; set; }
    [BindProperty] public int? TotalNumber { get; set; }
    [BindProperty] public DateOnly? IssuedOn { get; set; }
    [BindProperty] public int? PrintRun { get; set; }
    [BindProperty] public string? DistributionPoints { get; set; }
    [BindProperty] public List<long> Selected { get; set; } = [];
    [BindProperty] public Dictionary<long, int?> Orders { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public List<Agency> Agencies { get; private set; } = [];
    public GazetteIssueRecord? Existing { get; private set; }
    public List<PublicationRecord> Chosen { get; private set; } = [];
    public List<PublicationRecord> Candidates { get; private set; } = [];
    public bool MayEdit => StaffAuthorization.May(User, StaffOperations.Publications.Edit);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            if (await FindAsync(ct) is { } refused)
            {
                return refused;
            }

            var g = Existing!;
            (AgencyId, Year, Number, TotalNumber, IssuedOn, PrintRun, DistributionPoints) = (g.AgencyId, g.Year, g.Number, g.TotalNumber, g.IssuedOn, g.PrintRun, g.DistributionPoints);
            var items = g.Items.OrderBy(i => i.Order).ToList();
            Selected = items.Select(i => i.PublicationId).ToList();
            Orders = items.ToDictionary(i => i.PublicationId, i => (int?)i.Order);
        }
        else
        {
            if (!MayEdit)
            {
                return Forbid();
            }

            var today = day.Today;
            (AgencyId, Year, IssuedOn, PrintRun) = (StaffClaims.AgencyOf(User) ?? 0, today.Year, today, 0);
            Agencies = await access.ActiveAgenciesAsync(User, ct);
            if (!Agencies.Any(a => a.Id == AgencyId))
            {
                AgencyId = Agencies.FirstOrDefault()?.Id ?? 0;
            }

            var agencyId = AgencyId;
            Number = 1 + (await db.GazetteIssues.Where(g => g.AgencyId == agencyId && g.Year == today.Year).MaxAsync(g => (int?)g.Number, ct) ?? 0);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await RefusedAsync(ct) is { } refused)
        {
            return refused;
        }

        var entries = Selected.Select(id => new GazetteEntry(id, Orders.GetValueOrDefault(id))).ToList();
        var input = new GazetteInput(Year, Number, TotalNumber, IssuedOn, PrintRun, DistributionPoints, entries);
        await using var step = await audit.BeginStepAsync(ct);
        var outcome = await store.SaveAsync(Id, AgencyId, input, ct);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors;
            await LoadAsync(ct);
            return Page();
        }

        var saved = (await store.ViewAsync(outcome.Id!.Value, publishedOnly: false, ct))!;
        audit.Add(AuditActions.GazetteSaved, $"政府公报 {saved.Issue.Id}", $"{saved.Masthead}{saved.IssueLabel}，收录文件 {saved.Documents.Count} 件", saved.Issue.AgencyId);
        await db.SaveChangesAsync(ct);
        await step.CommitAsync(ct);
        TempData["Message"] = $"已保存{saved.IssueLabel}。";
        return Redirect($"/admin/gazette/edit/{saved.Issue.Id}");
    }

    /// <summary>Finds documents by title or 文号 without saving: what was typed and ticked stays as it was.</summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        if (await RefusedAsync(ct) is { } refused)
        {
            return refused;
        }

        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => SetPublishedAsync(true, ct);

    public Task<IActionResult> OnPostUnpublishAsync(CancellationToken ct) => SetPublishedAsync(false, ct);

    private async Task<IActionResult> SetPublishedAsync(bool published, CancellationToken ct)
    {
        if (Id is null)
        {
            return NotFound();
        }

        if (await RefusedAsync(ct) is { } refused)
        {
            return refused;
        }

        await using var step = await audit.BeginStepAsync(ct);
        var outcome = await store.SetPublishedAsync(Id.Value, published, ct);
        if (!outcome.Succeeded)
        {
            TempData["Message"] = outcome.Errors.Values.First();
            return Redirect($"/admin/gazette/edit/{Id}");
        }

        var issue = (await store.ViewAsync(Id.Value, publishedOnly: false, ct))!;
        audit.Add(AuditActions.GazetteSaved, $"政府公报 {Id}", $"{issue.Masthead}{issue.IssueLabel}{(published ? "在门户发布" : "从门户撤下")}", issue.Issue.AgencyId);
        await db.SaveChangesAsync(ct);
        await step.CommitAsync(ct);
        TempData["Message"] = published ? $"{issue.IssueLabel}已在门户发布。" : $"{issue.IssueLabel}已从门户撤下。";
        return Redirect($"/admin/gazette/edit/{Id}");
    }

    /// <summary>
    /// Writers only, and only for an agency (or the issue's agency) the user may act on — and only with documents of
    /// agencies they may act on: a form shown again lists the ticked documents by title, so a ticked id from another
    /// agency's tree would show that agency's unpublished draft.
    /// </summary>
    private async Task<IActionResult?> RefusedAsync(CancellationToken ct)
    {
        if (!MayEdit)
        {
            return Forbid();
        }

        // The publish buttons post no agency (0); the edit form posts the issue's.
        if (AgencyId != 0 && !await access.CanAccessAsync(User, AgencyId, ct))
        {
            return Forbid();
        }

        var selected = Selected.Distinct().ToList();
        foreach (var agency in await db.Publications.Where(p => selected.Contains(p.Id)).Select(p => p.AgencyId).Distinct().ToListAsync(ct))
        {
            if (!await access.CanAccessAsync(User, agency, ct))
            {
                return Forbid();
            }
        }

        if (Id is not null)
        {
            return await FindAsync(ct);
        }

        return await access.CanAccessAsync(User, AgencyId, ct) ? null : Forbid();
    }

    /// <summary>The issue the route names, for a user who may act on its agency.</summary>
    private async Task<IActionResult?> FindAsync(CancellationToken ct)
    {
        Existing = await db.GazetteIssues.AsNoTracking().Include(g => g.Items).FirstOrDefaultAsync(g => g.Id == Id, ct);
        if (Existing is null)
        {
            return NotFound();
        }

        AgencyId = Existing.AgencyId;
        return await access.CanAccessAsync(User, AgencyId, ct) ? null : Forbid();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Agencies = await access.ActiveAgenciesAsync(User, ct);
        var agencyId = AgencyId;
        var chosen = await db.Publications.AsNoTracking().Where(p => Selected.Contains(p.Id)).ToListAsync(ct);
        Chosen = chosen.OrderBy(p => Orders.GetValueOrDefault(p.Id) ?? int.MaxValue).ThenBy(p => Selected.IndexOf(p.Id)).ToList();
        if (!MayEdit)
        {
            return;
        }

        var query = GazetteStore.Printable(db.Publications.AsNoTracking()).Where(p => p.AgencyId == agencyId && !Selected.Contains(p.Id));
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var q = Query.Trim();
            query = query.Where(p => p.Title.Contains(q) || (p.DocumentNumber != null && p.DocumentNumber.Contains(q)));
        }

        Candidates = await query.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id).Take(CandidateCount).ToListAsync(ct);
    }
}

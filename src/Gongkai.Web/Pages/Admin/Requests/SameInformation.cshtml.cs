using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Requests;

/// <summary>
/// Art. 44: the groups of requests several applicants sent for the same information, among the user's agencies'
/// requests of a year (default: the last 12 months), each with the suggestion to publish it proactively, and a way to
/// publish for the group or link it to a document already published. Applicants are masked as in the request list.
/// </summary>
public sealed class SameInformationModel(GongkaiDbContext db, StaffAccess access, SameInformationStore store, RequestDay day) : PageModel
{
    /// <summary>The calendar year the requests were received in; none: the last 12 months.</summary>
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    /// <summary>The group to link: its requests.</summary>
    [BindProperty] public List<long> RequestIds { get; set; } = [];
    /// <summary>The published document to link the group to: its catalog number or address (/catalog/123).</summary>
    [BindProperty] public string? Document { get; set; }

    public List<SameInformationGroupView> Groups { get; private set; } = [];
    public Dictionary<int, string> AgencyNames { get; private set; } = [];
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string? Error { get; private set; }

    public bool MayPublish => StaffAuthorization.May(User, StaffOperations.Publications.Edit);
    public bool MayLink => StaffAuthorization.May(User, StaffOperations.Requests.LinkSameInformation);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!StaffAuthorization.May(User, StaffOperations.Requests.FindSameInformation))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        if (!MayLink || !StaffAuthorization.May(User, StaffOperations.Requests.FindSameInformation))
        {
            return Forbid();
        }

        // Every request named must be one the user may act on: another tree's id is refused, never just reported.
        var ids = RequestIds.Distinct().ToList();
        var agencies = await db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.AgencyId }).ToListAsync(ct);
        if (agencies.Count != ids.Count)
        {
            return NotFound();
        }

        var authz = HttpContext.RequestServices.GetRequiredService<StaffAuthorization>();
        foreach (var agency in agencies.Select(a => a.AgencyId).Distinct())
        {
            if (!await authz.MayAsync(User, StaffOperations.Requests.LinkSameInformation, agency))
            {
                return Forbid();
            }
        }

        var document = CatalogNumber(Document);
        if (document is null)
        {
            Error = "请填写已发布的主动公开文件在政府信息公开目录中的编号或链接（如 /catalog/123）。";
            await LoadAsync(ct);
            return Page();
        }

        var outcome = await store.LinkAsync(document.Value, ids, await access.ScopeAsync(User, ct), User.Identity!.Name!, day.Today, ct);
        if (!outcome.Succeeded)
        {
            Error = string.Join(" ", outcome.Errors.Values);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Message"] = $"已将 {outcome.Linked} 件申请关联到已主动公开的文件（第 {document} 号）。";
        return Redirect("/admin/requests/same-information" + (Year is { } year ? $"?year={year}" : ""));
    }

    /// <summary>A catalog document named by its number or its address; null when the text is neither.</summary>
    public static long? CatalogNumber(string? text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text?.Trim() ?? "", @"^(?:.*/catalog/)?(\d{1,18})(?:[?#].*)?$");
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = day.Today;
        (From, To) = Year is { } year && year is >= 2000 and <= 9999
            ? (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
            : (today.AddYears(-1).AddDays(1), today);
        Groups = await store.GroupsAsync(await access.ScopeAsync(User, ct), From, To, ct);
        AgencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
    }
}

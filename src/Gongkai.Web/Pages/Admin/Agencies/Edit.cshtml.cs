using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Agencies;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Agencies;

[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class EditModel(GongkaiDbContext db, StaffAccess access, AgencyCommands commands, StaffAuthorization authz) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? ShortName { get; set; }
    [BindProperty] public string? CreditCode { get; set; }
    [BindProperty] public AgencyLevel Level { get; set; } = AgencyLevel.Department;
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public int? HandledById { get; set; }
    [BindProperty] public string? NoticeNumberPattern { get; set; }
    [BindProperty] public string? OfficeName { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? OfficeHours { get; set; }
    [BindProperty] public string? FeePayment { get; set; }
    [BindProperty] public string? Email { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public List<Agency> ParentChoices { get; } = [];
    public List<Agency> HandlerChoices { get; } = [];
    public bool MayBeTop => StaffAccess.IsPlatformAdministrator(User);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            if (!await authz.MayAsync(User, StaffOperations.Administration.Administer, id))
            {
                return Forbid();
            }

            var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
            if (agency is null)
            {
                return NotFound();
            }

            (FullName, ShortName, CreditCode, Level, ParentId) = (agency.FullName, agency.ShortName, agency.CreditCode, agency.Level, agency.ParentId);
            HandledById = agency.HandledById;
            NoticeNumberPattern = agency.NoticeNumberPattern;
            (OfficeName, Address, Postcode, Phone, OfficeHours, Email) = (agency.Contact.OfficeName, agency.Contact.Address, agency.Contact.Postcode, agency.Contact.Phone, agency.Contact.OfficeHours, agency.Contact.Email);
            FeePayment = agency.Contact.FeePayment;
        }
        else
        {
            ParentId = StaffClaims.AgencyOf(User);
        }

        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Id is { } id && !await authz.MayAsync(User, StaffOperations.Administration.Administer, id))
        {
            return Forbid();
        }

        var parentAllowed = ParentId is { } p ? await authz.MayAsync(User, StaffOperations.Administration.Administer, p) : MayBeTop;
        if (!parentAllowed)
        {
            return Forbid();
        }

        if (HandledById is { } handler && !await authz.MayAsync(User, StaffOperations.Administration.Administer, handler))
        {
            return Forbid();
        }

        var input = new AgencyInput(FullName, ShortName, CreditCode, Level, ParentId, OfficeName, Address, Postcode, Phone, OfficeHours, Email, FeePayment, HandledById, NoticeNumberPattern);
        var result = Id is { } existing ? await commands.UpdateAsync(existing, input) : await commands.CreateAsync(input);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Errors = result.Errors;
            await LoadChoicesAsync();
            return Page();
        }

        TempData["Message"] = $"已保存“{result.Agency!.FullName}”。";
        return Redirect("/admin/agencies");
    }

    private async Task LoadChoicesAsync()
    {
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        var tree = new AgencyTree(all.Select(a => (a.Id, a.ParentId)));
        var scope = await access.ScopeAsync(User);
        var ownSubtree = Id is { } id ? tree.Subtree(id) : new HashSet<int>();
        ParentChoices.AddRange(all.Where(a => (a.IsActive || a.Id == ParentId) && (scope is null || scope.Contains(a.Id)) && !ownSubtree.Contains(a.Id)));
        HandlerChoices.AddRange(all.Where(a => (a.IsActive && a.HandledById is null && a.Id != Id || a.Id == HandledById) && (scope is null || scope.Contains(a.Id))));
    }
}

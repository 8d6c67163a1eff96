using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Notices;

/// <summary>The notice templates: every administrator reads them; the top-level administrator changes them.</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class IndexModel(GongkaiDbContext db, NoticeWriter writer, AuditTrail audit, TimeProvider clock, StaffAuthorization authz) : PageModel
{
    [BindProperty] public NoticeKind Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    public List<NoticeTemplate> Templates { get; } = [];
    public HashSet<NoticeKind> Customized { get; private set; } = [];
    public bool MayEdit { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await authz.MayAsync(User, StaffOperations.Administration.ConfigureDeployment))
        {
            return Forbid();
        }

        var template = new NoticeTemplate(Kind, Title?.Trim() ?? "", Body?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "");
        if (!Enum.IsDefined(Kind) || template.Validate() is { } problem)
        {
            Error = $"“{Kind.DisplayName()}”未保存：" + (template.Validate() ?? "文书类型无效。");
            await LoadAsync(ct);
            return Page();
        }

        var record = await db.NoticeTemplates.FirstOrDefaultAsync(t => t.Kind == Kind, ct);
        if (record is null)
        {
            db.NoticeTemplates.Add(new NoticeTemplateRecord { Kind = Kind, Title = template.Title, Body = template.Body, UpdatedBy = User.Identity!.Name!, UpdatedAt = clock.GetUtcNow() });
        }
        else
        {
            (record.Title, record.Body, record.UpdatedBy, record.UpdatedAt) = (template.Title, template.Body, User.Identity!.Name!, clock.GetUtcNow());
        }

        audit.Add(AuditActions.NoticeTemplateSaved, Kind.DisplayName(), template.Title);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"已保存“{Kind.DisplayName()}”模板。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (!await authz.MayAsync(User, StaffOperations.Administration.ConfigureDeployment))
        {
            return Forbid();
        }

        await db.NoticeTemplates.Where(t => t.Kind == Kind).ExecuteDeleteAsync(ct);
        audit.Add(AuditActions.NoticeTemplateSaved, Kind.DisplayName(), "恢复默认模板");
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"“{Kind.DisplayName()}”已恢复默认模板。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        MayEdit = await authz.MayAsync(User, StaffOperations.Administration.ConfigureDeployment);
        Customized = (await db.NoticeTemplates.AsNoTracking().Select(t => t.Kind).ToListAsync(ct)).ToHashSet();
        foreach (var kind in Enum.GetValues<NoticeKind>())
        {
            Templates.Add(await writer.TemplateAsync(kind, ct));
        }
    }
}

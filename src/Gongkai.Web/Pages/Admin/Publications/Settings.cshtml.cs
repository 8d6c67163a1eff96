using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Publications;

/// <summary>An agency's catalog tree, its index-number scheme and its disclosure guide (政府信息公开指南).</summary>
public sealed class SettingsModel(GongkaiDbContext db, StaffAccess access, PublicationStore store, AuditTrail audit, TimeProvider clock, RequestDay day) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "agency")] public int AgencyId { get; set; }
    [BindProperty] public string? Pattern { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public int CategoryId { get; set; }
    [BindProperty] public string? GuideHtml { get; set; }

    public List<Agency> Agencies { get; private set; } = [];
    public Agency Agency { get; private set; } = null!;
    public DisclosureSettings Settings { get; private set; } = null!;
    public List<CatalogCategory> Categories { get; private set; } = [];
    public Dictionary<string, int> Usage { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Done { get; private set; }
    public string Example => Gongkai.Core.Publications.IndexNumberScheme.Problem(Pattern) is null
        ? Gongkai.Core.Publications.IndexNumberScheme.Parse(Pattern).Format(Agency.CreditCode, day.Today.Year, 12) : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        Pattern = Settings.IndexNumberPattern;
        GuideHtml = Settings.GuideHtml;
        return Page();
    }

    public Task<IActionResult> OnPostSchemeAsync(CancellationToken ct) => ChangeAsync(async () =>
    {
        if (Gongkai.Core.Publications.IndexNumberScheme.Problem(Pattern) is { } problem)
        {
            return problem;
        }

        var settings = await SettingsForUpdateAsync(ct);
        settings.IndexNumberPattern = Pattern!.Trim();
        return null;
    }, "索引号规则已保存；此后新建的文件按新规则编号，已有文件的索引号不变。", $"索引号规则：{Pattern}", ct);

    public Task<IActionResult> OnPostGuideAsync(CancellationToken ct) => ChangeAsync(async () =>
    {
        var clean = PublicationHtml.Clean(GuideHtml);
        if (clean.Refused.Count > 0)
        {
            return $"指南含有不允许的内容：{string.Join("、", clean.Refused)}。未保存。";
        }

        var settings = await SettingsForUpdateAsync(ct);
        settings.GuideHtml = clean.Html.Length == 0 ? null : clean.Html;
        settings.GuideUpdatedAt = clock.GetUtcNow();
        settings.GuideUpdatedBy = User.Identity!.Name;
        return null;
    }, "公开指南已保存。", "公开指南", ct);

    public Task<IActionResult> OnPostAddCategoryAsync(CancellationToken ct) => ChangeAsync(async () =>
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50)
        {
            return "分类名称须为 1 至 50 个字。";
        }

        if (Categories.Any(c => c.Name == name))
        {
            return $"分类“{name}”已存在。";
        }

        if (ParentId is { } parent && Categories.FirstOrDefault(c => c.Id == parent) is not { ParentId: null })
        {
            return "上级分类不存在，或已是二级分类（目录最多两级）。";
        }

        db.CatalogCategories.Add(new CatalogCategory { AgencyId = AgencyId, Name = name, ParentId = ParentId, Order = Categories.Select(c => c.Order).DefaultIfEmpty(0).Max() + 1 });
        await Task.CompletedTask;
        return null;
    }, $"已增加分类“{Name?.Trim()}”。", $"增加目录分类：{Name}", ct);

    public Task<IActionResult> OnPostRenameCategoryAsync(CancellationToken ct) => ChangeAsync(async () =>
    {
        var name = Name?.Trim();
        var category = await db.CatalogCategories.FirstOrDefaultAsync(c => c.Id == CategoryId && c.AgencyId == AgencyId, ct);
        if (category is null)
        {
            return "分类不存在。";
        }

        if (string.IsNullOrEmpty(name) || name.Length > 50)
        {
            return "分类名称须为 1 至 50 个字。";
        }

        if (Categories.Any(c => c.Name == name && c.Id != CategoryId))
        {
            return $"分类“{name}”已存在。";
        }

        // The documents filed under the old name move with it.
        var old = category.Name;
        foreach (var document in await db.Publications.Where(p => p.AgencyId == AgencyId && p.Category == old).ToListAsync(ct))
        {
            document.Category = name;
        }

        category.Name = name;
        return null;
    }, "分类已改名，其下文件随之调整。", $"目录分类改名：{Name}", ct);

    public Task<IActionResult> OnPostDeleteCategoryAsync(CancellationToken ct) => ChangeAsync(async () =>
    {
        var category = await db.CatalogCategories.FirstOrDefaultAsync(c => c.Id == CategoryId && c.AgencyId == AgencyId, ct);
        if (category is null)
        {
            return "分类不存在。";
        }

        if (Categories.Any(c => c.ParentId == category.Id))
        {
            return $"分类“{category.Name}”下还有子分类，不能删除。";
        }

        var used = await db.Publications.CountAsync(p => p.AgencyId == AgencyId && p.Category == category.Name, ct);
        if (used > 0)
        {
            return $"分类“{category.Name}”下有 {used} 件文件，不能删除；请先将文件移到其他分类。";
        }

        db.CatalogCategories.Remove(category);
        return null;
    }, "分类已删除。", "删除目录分类", ct);

    private async Task<IActionResult> ChangeAsync(Func<Task<string?>> change, string done, string details, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (await change() is { } error)
        {
            db.ChangeTracker.Clear();
            Error = error;
            await LoadAsync(ct);
            return Page();
        }

        audit.Add(AuditActions.DisclosureSettingsSaved, Agency.FullName, details, AgencyId);
        await db.SaveChangesAsync(ct);
        TempData["done"] = done;
        return Redirect($"/admin/publications/settings?agency={AgencyId}");
    }

    private async Task<DisclosureSettings> SettingsForUpdateAsync(CancellationToken ct)
    {
        var settings = await db.DisclosureSettings.FirstOrDefaultAsync(s => s.AgencyId == AgencyId, ct);
        if (settings is null)
        {
            settings = new DisclosureSettings { AgencyId = AgencyId };
            db.DisclosureSettings.Add(settings);
        }

        return settings;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!StaffAuthorization.May(User, StaffOperations.Publications.Edit))
        {
            return Forbid();
        }

        Agencies = await access.ActiveAgenciesAsync(User, ct);
        if (AgencyId == 0)
        {
            AgencyId = StaffClaims.AgencyOf(User) ?? Agencies.FirstOrDefault()?.Id ?? 0;
        }

        if (Agencies.FirstOrDefault(a => a.Id == AgencyId) is not { } agency)
        {
            return Agencies.Count == 0 ? NotFound() : Forbid();
        }

        Agency = agency;
        Settings = await store.SettingsAsync(AgencyId, ct);
        Categories = await store.CategoriesAsync(AgencyId, ct);
        Usage = await db.Publications.Where(p => p.AgencyId == AgencyId && p.Category != null).GroupBy(p => p.Category!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Done = TempData["done"] as string;
        return null;
    }
}

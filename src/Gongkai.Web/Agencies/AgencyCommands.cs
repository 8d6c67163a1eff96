using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Agencies;

/// <summary>
/// Creating, editing, moving and deactivating agencies, for the staff pages and the API alike. Everything is
/// checked before anything is written; each change is saved together with its audit entry.
/// Who may call these for which agency is decided by the caller through <see cref="StaffAccess"/>.
/// </summary>
public sealed class AgencyCommands(GongkaiDbContext db, AuditTrail audit)
{
    public async Task<AgencyResult> CreateAsync(AgencyInput input, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(null, input, ct);
        if (errors.Count > 0)
        {
            return AgencyResult.Invalid(errors);
        }

        var agency = new Agency { FullName = "", ShortName = "", CreditCode = "" };
        input.ApplyTo(agency);
        db.Agencies.Add(agency);
        audit.Add(AuditActions.AgencyCreated, agency.FullName, $"统一社会信用代码 {agency.CreditCode}，层级 {agency.Level.DisplayName()}", input.ParentId);
        return await SaveAsync(agency, ct);
    }

    public async Task<AgencyResult> UpdateAsync(int id, AgencyInput input, CancellationToken ct = default)
    {
        var agency = await db.Agencies.FindAsync([id], ct);
        if (agency is null)
        {
            return AgencyResult.NotFound();
        }

        var errors = await ValidateAsync(agency, input, ct);
        if (errors.Count > 0)
        {
            return AgencyResult.Invalid(errors);
        }

        var before = Describe(agency);
        var moved = agency.ParentId != input.ParentId;
        var handlerChanged = agency.HandledById != input.HandledById;
        var oldParent = agency.ParentId;
        input.ApplyTo(agency);
        audit.Add(moved ? AuditActions.AgencyMoved : AuditActions.AgencyUpdated, agency.FullName,
            moved ? $"上级机关由 {await NameOfAsync(oldParent, ct)} 改为 {await NameOfAsync(agency.ParentId, ct)}" : $"修改前：{before}", agency.Id);
        if (handlerChanged)
        {
            audit.Add(AuditActions.AgencyUpdated, agency.FullName, $"政府信息公开工作改由 {await HandlerNameAsync(agency.HandledById, ct)} 承办", agency.Id);
        }

        return await SaveAsync(agency, ct);
    }

    public async Task<AgencyResult> SetActiveAsync(int id, bool active, CancellationToken ct = default)
    {
        var agency = await db.Agencies.FindAsync([id], ct);
        if (agency is null)
        {
            return AgencyResult.NotFound();
        }

        if (agency.IsActive == active)
        {
            return AgencyResult.Ok(agency);
        }

        if (!active && await db.Agencies.AnyAsync(a => a.ParentId == id && a.IsActive, ct))
        {
            return AgencyResult.Invalid(new Dictionary<string, string> { ["IsActive"] = "该机关下还有启用中的下级机关，请先停用或移走下级机关。" });
        }

        if (active && agency.ParentId is { } parentId && !await db.Agencies.AnyAsync(a => a.Id == parentId && a.IsActive, ct))
        {
            return AgencyResult.Invalid(new Dictionary<string, string> { ["IsActive"] = "上级机关已停用，请先启用上级机关。" });
        }

        agency.IsActive = active;
        audit.Add(active ? AuditActions.AgencyReactivated : AuditActions.AgencyDeactivated, agency.FullName, null, agency.Id);
        return await SaveAsync(agency, ct);
    }

    private async Task<Dictionary<string, string>> ValidateAsync(Agency? existing, AgencyInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(input.Validate());
        if (input.ParentId is { } parentId)
        {
            var parent = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == parentId, ct);
            if (parent is null)
            {
                errors[nameof(AgencyInput.ParentId)] = "所选上级机关不存在。";
            }
            else if (!parent.IsActive && existing?.ParentId != parentId)
            {
                errors[nameof(AgencyInput.ParentId)] = "所选上级机关已停用。";
            }
            else if (existing is not null)
            {
                var tree = new AgencyTree(await db.Agencies.AsNoTracking().Select(a => new ValueTuple<int, int?>(a.Id, a.ParentId)).ToListAsync(ct));
                if (tree.CheckMove(existing.Id, parentId) is { } moveError)
                {
                    errors[nameof(AgencyInput.ParentId)] = moveError;
                }
            }
        }

        if (input.HandledById is { } handlerId)
        {
            var handler = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == handlerId, ct);
            if (handler is null || !handler.IsActive)
            {
                errors[nameof(AgencyInput.HandledById)] = "所选承办机关不存在或已停用。";
            }
            else if (handlerId == existing?.Id)
            {
                errors[nameof(AgencyInput.HandledById)] = "由本机关自己办理时请选择“本机关”。";
            }
            else if (handler.HandledById is not null)
            {
                errors[nameof(AgencyInput.HandledById)] = $"“{handler.FullName}”的工作本身由其他机关承办，不能再承办其他机关的工作。";
            }
            else if (existing is not null && await db.Agencies.AnyAsync(a => a.HandledById == existing.Id, ct))
            {
                errors[nameof(AgencyInput.HandledById)] = "本机关正在承办其他机关的政府信息公开工作，不能再交由其他机关承办。";
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var name = input.FullName!.Trim();
        var selfId = existing?.Id ?? 0;
        if (await db.Agencies.AnyAsync(a => a.Id != selfId && a.ParentId == input.ParentId && a.FullName == name, ct))
        {
            errors[nameof(AgencyInput.FullName)] = input.ParentId is null
                ? $"已有名为“{name}”的顶级机关。"
                : $"同一上级机关下已有名为“{name}”的机关。";
        }

        var code = UnifiedSocialCreditCode.Normalize(input.CreditCode!);
        var holder = await db.Agencies.AsNoTracking().Where(a => a.Id != selfId && a.CreditCode == code).Select(a => a.FullName).FirstOrDefaultAsync(ct);
        if (holder is not null)
        {
            errors[nameof(AgencyInput.CreditCode)] = $"统一社会信用代码 {code} 已被“{holder}”使用。";
        }

        return errors;
    }

    private async Task<AgencyResult> SaveAsync(Agency agency, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return AgencyResult.Ok(agency);
        }
        catch (DbUpdateException)
        {
            // Two people saved the same name or code at the same moment; the unique indexes kept the data right.
            db.ChangeTracker.Clear();
            return AgencyResult.Invalid(new Dictionary<string, string> { [nameof(AgencyInput.FullName)] = "保存失败：名称或统一社会信用代码刚刚被他人使用，请刷新后重试。" });
        }
    }

    private async Task<string> NameOfAsync(int? id, CancellationToken ct) =>
        id is null ? "（无，顶级机关）" : await db.Agencies.Where(a => a.Id == id).Select(a => a.FullName).FirstOrDefaultAsync(ct) ?? "（未知）";

    private async Task<string> HandlerNameAsync(int? id, CancellationToken ct) =>
        id is null ? "本机关工作人员" : await NameOfAsync(id, ct);

    private static string Describe(Agency a) =>
        $"{a.FullName}（{a.ShortName}），{a.CreditCode}，{a.Level.DisplayName()}，地址 {a.Contact.Address}，电话 {a.Contact.Phone}";
}

public sealed record AgencyResult(Agency? Agency, IReadOnlyDictionary<string, string> Errors, bool IsNotFound = false)
{
    public bool Succeeded => Agency is not null && Errors.Count == 0;
    public static AgencyResult Ok(Agency agency) => new(agency, new Dictionary<string, string>());
    public static AgencyResult Invalid(IReadOnlyDictionary<string, string> errors) => new(null, errors);
    public static AgencyResult NotFound() => new(null, new Dictionary<string, string>(), IsNotFound: true);
}

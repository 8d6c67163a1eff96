using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary><c>GET /api/audit</c>: what staff did, newest first, within the administrator's agencies.</summary>
public static class AuditApi
{
    public sealed record AuditEntryDto(long Id, DateTimeOffset At, string UserName, string Action, string ActionName, string? Target, string? Details, string? IpAddress, int? AgencyId);

    public static void MapAuditApi(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("审计日志").RequireAuthorization(StaffPolicies.Administrator);
        audit.MapGet("/", ListAudit).WithSummary("工作人员操作记录（管理员）");
    }

    private static async Task<Ok<List<AuditEntryDto>>> ListAudit(
        HttpContext http, StaffAccess access, GongkaiDbContext db, string? action, string? user, DateOnly? from, DateOnly? to, int? take, CancellationToken ct)
    {
        var query = AuditQuery.Filter(db.AuditEntries.AsNoTracking(), await access.ScopeAsync(http.User, ct), action, user, from, to);
        var rows = await query.OrderByDescending(e => e.Id).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(e => new AuditEntryDto(e.Id, e.At, e.UserName, e.Action, AuditActions.DisplayName(e.Action), e.Target, e.Details, e.IpAddress, e.AgencyId)).ToList());
    }
}

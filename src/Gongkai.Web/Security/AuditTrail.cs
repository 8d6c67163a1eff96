using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;

namespace Gongkai.Web.Security;

/// <summary>Adds an audit entry for the current staff member to the unit of work; it is saved with the change it records.</summary>
public sealed class AuditTrail(GongkaiDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Add(string action, string? target, string? details = null, int? agencyId = null, string? userName = null)
    {
        var context = http.HttpContext;
        var user = context?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = user?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            UserName = userName ?? user?.Identity?.Name ?? "匿名",
            AgencyId = agencyId ?? (user is null ? null : StaffClaims.AgencyOf(user)),
            Action = action,
            Target = Truncate(target, 200),
            Details = Truncate(details, 2000),
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}

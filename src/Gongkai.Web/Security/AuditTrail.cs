using System.Text;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;

namespace Gongkai.Web.Security;

/// <summary>
/// Adds an audit entry for the current staff member to the unit of work; it is saved with the change it records.
/// The log is append-only and never shrinks, so every value in it is bounded and cleaned here: what a visitor typed
/// (a user name on the login form) cannot grow a row or forge a line.
/// </summary>
public sealed class AuditTrail(GongkaiDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const int MaxUserName = 64;
    public const int MaxTarget = 200;
    public const int MaxDetails = 2000;

    /// <summary>
    /// Opens the transaction a step and its audit entry are saved in: the store saves the step, the page adds the
    /// entry and saves, then commits. Disposed without a commit (a refusal, an error), nothing of either remains.
    /// </summary>
    public async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginStepAsync(CancellationToken ct = default) =>
        await db.Database.BeginTransactionAsync(ct);

    public void Add(string action, string? target, string? details = null, int? agencyId = null, string? userName = null)
    {
        var context = http.HttpContext;
        var user = context?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = user?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            UserName = Bounded(userName ?? user?.Identity?.Name, MaxUserName) ?? "匿名",
            AgencyId = agencyId ?? (user is null ? null : StaffClaims.AgencyOf(user)),
            Action = action,
            Target = Bounded(target, MaxTarget),
            Details = Bounded(details, MaxDetails),
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    /// <summary>Control characters become spaces (no forged lines), and a long value is cut with "…".</summary>
    public static string? Bounded(string? value, int max)
    {
        if (value is null)
        {
            return null;
        }

        var span = value.AsSpan(0, Math.Min(value.Length, max + 1));
        var cleaned = new StringBuilder(span.Length);
        foreach (var c in span)
        {
            cleaned.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        if (cleaned.Length > max || value.Length > max)
        {
            cleaned.Length = max - 1;
            if (cleaned.Length > 0 && char.IsHighSurrogate(cleaned[^1]))
            {
                cleaned.Length--;
            }

            cleaned.Append('…');
        }

        var text = cleaned.ToString().Trim();
        return text.Length == 0 ? null : text;
    }
}

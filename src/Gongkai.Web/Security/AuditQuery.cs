using Gongkai.Infrastructure.Auditing;

namespace Gongkai.Web.Security;

/// <summary>The audit log as an administrator may see it: entries of the agencies in scope, filtered.</summary>
public static class AuditQuery
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> query, IReadOnlySet<int>? scope, string? action, string? user, DateOnly? from, DateOnly? to)
    {
        if (scope is not null)
        {
            var ids = scope.ToList();
            query = query.Where(e => e.AgencyId != null && ids.Contains(e.AgencyId.Value));
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(user))
        {
            var name = user.Trim();
            query = query.Where(e => e.UserName.Contains(name));
        }

        // Dates are China dates: a day runs from 00:00 to 24:00 Beijing time.
        if (from is { } f)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
            query = query.Where(e => e.At >= start);
        }

        if (to is { } t)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
            query = query.Where(e => e.At < end);
        }

        return query;
    }
}

using System.Text.Json;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gongkai.Web.Security;

/// <summary>Healthy when the database answers and the holiday schedule in force can be loaded.</summary>
public sealed class DatabaseHealthCheck(GongkaiDbContext db, CalendarStore calendar) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("数据库无法连接");
            }

            var workingDays = await calendar.GetCalendarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"数据库正常；节假日安排覆盖 {workingDays.Schedule.FirstYear}–{workingDays.Schedule.LastYear} 年");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("数据库检查失败", e);
        }
    }

    public static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}

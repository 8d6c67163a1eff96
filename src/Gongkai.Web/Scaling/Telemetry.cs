using System.Diagnostics.Metrics;
using System.Net;
using Gongkai.Infrastructure.Nodes;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gongkai.Web.Scaling;

/// <summary>
/// Metrics and traces, off by default. <c>Gongkai:Telemetry:Prometheus=true</c> serves <c>/metrics</c> (to loopback
/// and the addresses in <c>Gongkai:Telemetry:ScrapeFrom</c> only); <c>Gongkai:Telemetry:Otlp:Endpoint</c> sends
/// metrics and traces to an OTLP collector. Besides ASP.NET Core's request rate and latency per route, the meter
/// <c>Gongkai</c> reports the e-mail queue, this node's change-feed lag, and open and overdue requests. No metric or
/// span carries personal data: routes are templates, never paths with codes.
/// </summary>
public static class Telemetry
{
    public const string MeterName = "Gongkai";

    public static IServiceCollection AddGongkaiTelemetry(this IServiceCollection services, IConfiguration configuration, NodeIdentity node)
    {
        var prometheus = configuration.GetValue("Gongkai:Telemetry:Prometheus", false);
        var otlp = configuration["Gongkai:Telemetry:Otlp:Endpoint"];
        if (!prometheus && string.IsNullOrWhiteSpace(otlp))
        {
            return services;
        }

        services.AddSingleton<GongkaiMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<GongkaiMetrics>());
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("gongkai", serviceInstanceId: node.Name))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddMeter(MeterName);
                if (prometheus)
                {
                    m.AddPrometheusExporter();
                }

                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.RecordException = false).AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }

        return services;
    }

    public static WebApplication UseGongkaiTelemetry(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Gongkai:Telemetry:Prometheus", false))
        {
            return app;
        }

        var allowed = (app.Configuration.GetSection("Gongkai:Telemetry:ScrapeFrom").Get<string[]>() ?? []).Select(IPAddress.Parse).ToHashSet();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/metrics"), metrics => metrics.Use(async (context, next) =>
        {
            var from = context.Connection.RemoteIpAddress;
            if (from is null || !(IPAddress.IsLoopback(from) || allowed.Contains(from.IsIPv4MappedToIPv6 ? from.MapToIPv4() : from)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next();
        }));
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}

/// <summary>
/// The meter's gauges. Database counts are sampled every <see cref="Every"/> in the background (a gauge's callback must
/// not wait for the database); the change-feed lag is read from the follower as it is.
/// </summary>
public sealed class GongkaiMetrics : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly Meter _meter = new(Telemetry.MeterName);
    private long _queued;
    private long _open;
    private long _overdue;

    public GongkaiMetrics(IServiceScopeFactory scopes, TimeProvider clock, ChangeFeedFollower follower, NodeIdentity node)
    {
        _scopes = scopes;
        _clock = clock;
        var tag = new KeyValuePair<string, object?>("node", node.Name);
        _meter.CreateObservableGauge("gongkai.mail.queued", () => Interlocked.Read(ref _queued), "{email}", "E-mails waiting to be sent (the outbox job's queue).");
        _meter.CreateObservableGauge("gongkai.changefeed.lag", () => new Measurement<long>(follower.Lag, tag), "{entry}", "Change-feed entries committed but not yet applied on this node.");
        _meter.CreateObservableGauge("gongkai.requests.open", () => Interlocked.Read(ref _open), "{request}", "Requests received and not yet answered.");
        _meter.CreateObservableGauge("gongkai.requests.overdue", () => Interlocked.Read(ref _overdue), "{request}", "Open requests past their statutory deadline.");
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
                var today = Security.ChinaTime.Today(_clock);
                Interlocked.Exchange(ref _queued, await scope.ServiceProvider.GetRequiredService<Infrastructure.Requests.Mailer>().QueuedCountAsync(stoppingToken));
                Interlocked.Exchange(ref _open, await db.Requests.CountAsync(r => r.DecidedOn == null && r.Outcome == null, stoppingToken));
                Interlocked.Exchange(ref _overdue, await db.Requests.CountAsync(r => r.DecidedOn == null && r.Outcome == null && r.DueOn < today, stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Metrics never take the node down; the next sample tries again.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Gongkai.Infrastructure.Nodes;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Web.Scaling;

/// <summary>
/// The portal served from cache: anonymous GETs of the public pages and feeds are kept (in this node's memory, or in
/// Redis shared by all nodes) for <see cref="Lifetime"/>, each with an ETag so that a browser's revalidation costs a
/// 304. Anything changed in the catalog, the letters or the consultations evicts them: on the node that saved it at
/// once (<see cref="PortalCacheInterceptor"/>), on every node from the change feed (<see cref="PortalCacheEvictor"/>).
/// Staff (any signed-in request), POSTs, pages with a form that posts, and responses that set a cookie are never
/// cached; no cached page holds personal data.
/// </summary>
public sealed class PortalCache : IOutputCachePolicy
{
    public const string Policy = "portal";

    /// <summary>Every cached list, page and feed except the pages of one document or letter (tagged by <see cref="EntityTag"/>).</summary>
    public const string Tag = "portal";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>The pages cached (none of them has a form that posts: an anti-forgery token must never be shared).</summary>
    public static readonly string[] Pages =
    [
        "/Index", "/Catalog/Index", "/Catalog/Document", "/Gazette/Index", "/Gazette/Issue", "/Guide",
        "/Interaction/Index", "/Interaction/Letter", "/Consultations/Index", "/Reports/Index", "/Reports/View", "/Statistics/Index",
    ];

    public static readonly PortalCache Instance = new();

    /// <summary>What a change to <paramref name="topic"/> evicts besides <see cref="Tag"/>: the entity's own page.</summary>
    public static string EntityTag(string topic, long id) => $"{topic}:{id}";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey("Authorization");
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByHost = true;
        if (cacheable)
        {
            // One tag per stored copy, set before the page runs (the cache keeps the headers as they are when the body
            // starts): the same while the copy lives, a new one after any eviction, so that a browser's revalidation
            // is answered with 304. On a response that is not stored it is simply never matched.
            http.Response.Headers.ETag = $"\"{Guid.NewGuid():N}\"";
        }

        if (request.RouteValues.TryGetValue("id", out var id) && long.TryParse(id?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var entity))
        {
            var page = request.RouteValues["page"] as string;
            var topic = page switch
            {
                "/Catalog/Document" => ChangeFeedTopics.Publication,
                "/Interaction/Letter" => ChangeFeedTopics.Letter,
                _ => null,
            };
            if (topic is not null)
            {
                // A document's or letter's own page changes only with it.
                context.Tags.Add(EntityTag(topic, entity));
                return ValueTask.CompletedTask;
            }
        }

        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Evicts the lists and the pages of <paramref name="changed"/>. A cache that cannot be reached (Redis down) is
    /// logged, never thrown: its entries end within <see cref="Lifetime"/> anyway.
    /// </summary>
    public static async Task EvictAsync(IOutputCacheStore store, IEnumerable<(string Topic, long Id)> changed, ILogger logger, CancellationToken ct)
    {
        try
        {
            await store.EvictByTagAsync(Tag, ct);
            foreach (var (topic, id) in changed)
            {
                await store.EvictByTagAsync(EntityTag(topic, id), ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Portal cache not evicted: {Error}; cached pages end within {Minutes} minutes.", e.GetType().Name, Lifetime.TotalMinutes);
        }
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie"))
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Evicts the portal's cached pages for the change feed's entries (on every node; shared in Redis when configured).</summary>
public sealed class PortalCacheEvictor(IOutputCacheStore store, ILogger<PortalCacheEvictor> logger) : IChangeFeedHandler
{
    public Task HandleAsync(IReadOnlyList<ChangeFeedEntry> entries, CancellationToken ct) =>
        PortalCache.EvictAsync(store, entries.Select(e => (e.Topic, e.EntityId)).Distinct(), logger, ct);
}

/// <summary>
/// Evicts at once, on the node that saved it, when a save changes what the portal shows — so that whoever published
/// sees it on the next page; the other nodes hear of it from the change feed within seconds.
/// </summary>
public sealed class PortalCacheInterceptor(IOutputCacheStore store, ILogger<PortalCacheInterceptor> logger) : SaveChangesInterceptor
{
    private readonly AsyncLocal<List<object>?> _changed = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var changed = eventData.Context?.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Topic(e.Entity) is not null)
            .Select(e => e.Entity).ToList();
        _changed.Value = changed is { Count: > 0 } ? changed : null;
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_changed.Value is { } changed)
        {
            _changed.Value = null;
            // The save has committed: whatever happens to the cache, it must not look as if it had failed.
            await PortalCache.EvictAsync(store, changed.Select(Topic).OfType<(string Topic, long Id)>().Distinct(), logger, cancellationToken);
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    private static (string Topic, long Id)? Topic(object entity) => entity switch
    {
        Infrastructure.Publications.PublicationRecord p => (ChangeFeedTopics.Publication, p.Id),
        Infrastructure.Publications.PublicationAttachment a => (ChangeFeedTopics.Publication, a.PublicationId),
        Infrastructure.Interaction.LetterRecord l => (ChangeFeedTopics.Letter, l.Id),
        Infrastructure.Participation.ConsultationRecord c => (ChangeFeedTopics.Consultation, c.Id),
        Infrastructure.Publications.GazetteIssueRecord or Infrastructure.Publications.GazetteItem or Infrastructure.AnnualReports.AnnualReportRecord
            or Core.Agencies.Agency or Infrastructure.Publications.DisclosureSettings or Infrastructure.Publications.CatalogCategory
            or Infrastructure.Interaction.InteractionChannelSettings => (ChangeFeedTopics.Portal, 0L),
        _ => null,
    };
}

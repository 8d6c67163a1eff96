using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Infrastructure.Search;

/// <summary>Registers full-text search: the index in the data folder (<c>search-index</c>), its source and indexer.</summary>
public static class SearchServices
{
    /// <summary>The index folder for these settings.</summary>
    public static string IndexPath(GongkaiSettings settings) => Path.Combine(settings.DataDirectory, "search-index");

    /// <summary>
    /// The index opens on first use, so commands that never search do not take its lock. A web node
    /// (<paramref name="follow"/>) also indexes its own saves at once and follows the change feed for everyone else's;
    /// the command line only writes the database, and the nodes pick its changes up from the feed.
    /// </summary>
    public static IServiceCollection AddGongkaiSearch(this IServiceCollection services, GongkaiSettings settings, bool follow = false)
    {
        services.AddSingleton(sp => new PublicationSearch(IndexPath(settings), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<PublicationSearchSource>();
        services.AddScoped<SearchIndexer>();
        if (follow)
        {
            services.AddScoped<Publications.IPublicationObserver>(sp => sp.GetRequiredService<SearchIndexer>());
            services.AddSingleton<Nodes.ChangeFeedFollower>();
            services.AddHostedService(sp => sp.GetRequiredService<Nodes.ChangeFeedFollower>());
        }

        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Infrastructure.Search;

/// <summary>Registers full-text search: the index in the data folder (<c>search-index</c>), its source and indexer.</summary>
public static class SearchServices
{
    /// <summary>The index folder for these settings.</summary>
    public static string IndexPath(GongkaiSettings settings) => Path.Combine(settings.DataDirectory, "search-index");

    /// <summary>
    /// The index opens on first use, so commands that never search do not take its lock. The web host also adds
    /// <see cref="SearchIndexStartup"/>.
    /// </summary>
    public static IServiceCollection AddGongkaiSearch(this IServiceCollection services, GongkaiSettings settings)
    {
        services.AddSingleton(sp => new PublicationSearch(IndexPath(settings), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<PublicationSearchSource>();
        services.AddScoped<SearchIndexer>();
        services.AddScoped<Publications.IPublicationObserver>(sp => sp.GetRequiredService<SearchIndexer>());
        return services;
    }
}

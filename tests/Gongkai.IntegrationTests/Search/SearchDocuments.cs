using System.Globalization;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Search;

namespace Gongkai.IntegrationTests.Search;

/// <summary>Builders for search tests: documents, and an index of its own in a temporary folder.</summary>
internal static class SearchDocuments
{
    public static SearchDocument Doc(long id, string title, string body = "", string? number = null, string published = "2024-03-01",
        PublicationType type = PublicationType.NormativeDocument, string? category = "法规文件", string issuer = "示例区人民政府", int agency = 1,
        string? repealed = null, string? expired = null, string? keywords = null, string attachments = "", long? interprets = null) => new(
        id, agency, title, number, $"IDX-{id}", issuer, category, type,
        Day(published).AddDays(-7), Day(published), repealed is null ? null : Day(repealed), expired is null ? null : Day(expired),
        body, attachments, keywords, interprets);

    public static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    public static SearchQuery Query(string text, SearchOrder order = SearchOrder.Relevance, int page = 1, int pageSize = 20) =>
        new(text, Order: order, Page: page, PageSize: pageSize);

    public static List<long> Ids(this SearchResults results) => results.Hits.Select(h => h.Id).ToList();
}

/// <summary>A <see cref="PublicationSearch"/> over a new folder, deleted afterwards.</summary>
internal sealed class TemporaryIndex : IDisposable
{
    public TemporaryIndex()
    {
        Folder = Directory.CreateTempSubdirectory("gongkai-search-").FullName;
        Search = new PublicationSearch(Folder, TimeProvider.System);
    }

    public string Folder { get; }
    public PublicationSearch Search { get; private set; }

    /// <summary>Closes the index and opens it again from disk, as a restart would.</summary>
    public void Reopen()
    {
        Search.Dispose();
        Search = new PublicationSearch(Folder, TimeProvider.System);
    }

    public void Dispose()
    {
        Search.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

using System.Globalization;
using System.Xml.Linq;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>
/// What crawlers and feed readers read: Atom and RSS 2.0 feeds of newly published documents (of the portal's
/// agency and those under it), and sitemap.xml listing every public page a search engine should find.
/// </summary>
public static class Feeds
{
    public const int FeedEntries = 50;
    /// <summary>The sitemap protocol's limit for one file.</summary>
    public const int SitemapUrls = 50_000;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static void MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds/publications.atom", async (HttpContext context, PortalContext portal, GongkaiDbContext db, CancellationToken ct) =>
        {
            var (title, items) = await LatestAsync(context, portal, db, ct);
            var origin = Origin(context);
            var self = origin + context.Request.Path + context.Request.QueryString;
            var updated = items.Select(i => i.Updated).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
            var feed = new XElement(Atom + "feed",
                new XElement(Atom + "title", title),
                new XElement(Atom + "id", self),
                new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", origin + "/catalog")),
                new XElement(Atom + "updated", Rfc3339(updated)),
                items.Select(i => new XElement(Atom + "entry",
                    new XElement(Atom + "title", i.Title),
                    new XElement(Atom + "id", origin + "/catalog/" + i.Id.ToString(CultureInfo.InvariantCulture)),
                    new XElement(Atom + "link", new XAttribute("href", origin + "/catalog/" + i.Id.ToString(CultureInfo.InvariantCulture))),
                    new XElement(Atom + "updated", Rfc3339(i.Updated)),
                    new XElement(Atom + "published", Rfc3339(i.Published)),
                    new XElement(Atom + "author", new XElement(Atom + "name", i.Issuer)),
                    new XElement(Atom + "summary", i.Summary))));
            return Xml(new XDocument(new XDeclaration("1.0", "utf-8", null), feed), "application/atom+xml; charset=utf-8");
        }).CacheOutput(Scaling.PortalCache.Policy);

        app.MapGet("/feeds/publications.rss", async (HttpContext context, PortalContext portal, GongkaiDbContext db, CancellationToken ct) =>
        {
            var (title, items) = await LatestAsync(context, portal, db, ct);
            var origin = Origin(context);
            var channel = new XElement("channel",
                new XElement("title", title),
                new XElement("link", origin + "/catalog"),
                new XElement("description", title),
                new XElement("language", "zh-cn"),
                items.Select(i => new XElement("item",
                    new XElement("title", i.Title),
                    new XElement("link", origin + "/catalog/" + i.Id.ToString(CultureInfo.InvariantCulture)),
                    new XElement("guid", new XAttribute("isPermaLink", "true"), origin + "/catalog/" + i.Id.ToString(CultureInfo.InvariantCulture)),
                    new XElement("pubDate", i.Published.ToString("r", CultureInfo.InvariantCulture)),
                    new XElement("description", i.Summary))));
            return Xml(new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("rss", new XAttribute("version", "2.0"), channel)), "application/rss+xml; charset=utf-8");
        }).CacheOutput(Scaling.PortalCache.Policy);

        app.MapGet("/sitemap.xml", async (HttpContext context, GongkaiDbContext db, CancellationToken ct) =>
        {
            var origin = Origin(context);
            var urls = new List<XElement>();
            XElement Url(string path, DateOnly? modified) => new(Sitemap + "url",
                new XElement(Sitemap + "loc", origin + path),
                modified is { } m ? new XElement(Sitemap + "lastmod", m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null);
            foreach (var path in new[] { "/", "/guide", "/catalog", "/apply", "/track", "/reports", "/gazette" })
            {
                urls.Add(Url(path, null));
            }

            var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && a.ParentId != null).Select(a => a.Id).ToListAsync(ct);
            urls.AddRange(agencies.Select(id => Url("/catalog?agency=" + id.ToString(CultureInfo.InvariantCulture), null)));
            var reports = await db.AnnualReports.AsNoTracking().Where(r => r.PublishedSnapshot != null).Select(r => new { r.Id, r.PublishedOn, r.CorrectedOn }).ToListAsync(ct);
            urls.AddRange(reports.Select(r => Url("/reports/" + r.Id.ToString(CultureInfo.InvariantCulture), r.CorrectedOn ?? r.PublishedOn)));
            var documents = await db.Publications.AsNoTracking()
                .Where(p => p.Status == PublicationStatus.Published && p.Attribute == DisclosureAttribute.Proactive)
                .OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id)
                .Select(p => new { p.Id, p.PublishedOn, p.UpdatedAt })
                .Take(SitemapUrls - urls.Count).ToListAsync(ct);
            urls.AddRange(documents.Select(d => Url("/catalog/" + d.Id.ToString(CultureInfo.InvariantCulture),
                d.UpdatedAt is { } u ? DateOnly.FromDateTime(u.ToOffset(TimeSpan.FromHours(8)).DateTime) : d.PublishedOn)));
            return Xml(new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemap + "urlset", urls)), "application/xml; charset=utf-8");
        }).CacheOutput(Scaling.PortalCache.Policy);
    }

    private sealed record Item(long Id, string Title, string Issuer, string Summary, DateTimeOffset Published, DateTimeOffset Updated);

    private static async Task<(string Title, List<Item> Items)> LatestAsync(HttpContext context, PortalContext portal, GongkaiDbContext db, CancellationToken ct)
    {
        var agency = await portal.CurrentAgencyAsync(context);
        if (agency is null)
        {
            return ("政府信息公开", []);
        }

        var ids = (await portal.AgenciesUnderAsync(agency)).Select(a => a.Id).Append(agency.Id).ToList();
        var rows = await db.Publications.AsNoTracking()
            .Where(p => ids.Contains(p.AgencyId) && p.Status == PublicationStatus.Published && p.Attribute == DisclosureAttribute.Proactive)
            .OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id).Take(FeedEntries)
            .Select(p => new { p.Id, p.Title, p.Issuer, p.DocumentNumber, p.Body, p.PublishedOn, p.PublishedAt, p.UpdatedAt })
            .ToListAsync(ct);
        var china = TimeSpan.FromHours(8);
        var items = rows.Select(r =>
        {
            var published = r.PublishedAt ?? new DateTimeOffset(r.PublishedOn!.Value.ToDateTime(TimeOnly.MinValue), china);
            var body = r.Body.ReplaceLineEndings(" ");
            var summary = (r.DocumentNumber is null ? "" : r.DocumentNumber + "　") + (body.Length > 200 ? body[..200] + "…" : body);
            return new Item(r.Id, r.Title, r.Issuer, summary, published, r.UpdatedAt is { } u && u > published ? u : published);
        }).ToList();
        return ($"{agency.FullName} 政府信息公开：最新发布", items);
    }

    // The configured public address, never the Host header a visitor sent (which would be copied into every link).
    private static string Origin(HttpContext context) => context.RequestServices.GetRequiredService<Gongkai.Web.Security.HostingSecurity.Settings>().Origin;

    private static string Rfc3339(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static IResult Xml(XDocument document, string contentType)
    {
        var text = document.Declaration + "\n" + document.Root!.ToString(SaveOptions.DisableFormatting);
        return Results.Text(text, contentType, System.Text.Encoding.UTF8);
    }
}

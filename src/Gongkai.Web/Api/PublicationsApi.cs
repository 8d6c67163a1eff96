using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>
/// <c>GET /api/publications/{id}</c>: one published document as open data — the standard metadata, the body (HTML and
/// text), its attachments and its policy interpretation links. Lists and filters are <c>GET /api/search</c>.
/// </summary>
public static class PublicationsApi
{
    public sealed record Attachment(string FileName, string ContentType, long Size, string Sha256, string Url);

    public sealed record Publication(
        long Id, int AgencyId, string IndexNumber, string Title, string? DocumentNumber, string Issuer, DateOnly WrittenOn, DateOnly PublishedOn,
        string? Category, string Type, string Validity, DateOnly? RepealedOn, string? RepealedBy, DateOnly? ExpiredOn, string? Keywords,
        string? DraftingUnit, long? Interprets, IReadOnlyList<long> Interpretations, string BodyHtml, string BodyText, IReadOnlyList<Attachment> Attachments, string Url);

    public static void MapPublicationsApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/publications/{id:long}", Get).WithTags("主动公开")
            .WithSummary("一件主动公开的政府信息：索引号、文号、发文机关、日期、类别、类型、有效性、正文、附件和政策解读；列表与筛选见 /api/search");

    private static async Task<Results<Ok<Publication>, ProblemHttpResult>> Get(long id, GongkaiDbContext db, CancellationToken ct)
    {
        var p = await db.Publications.AsNoTracking().Include(x => x.Attachments)
            .FirstOrDefaultAsync(x => x.Id == id && x.Status == PublicationStatus.Published && x.Attribute == DisclosureAttribute.Proactive, ct);
        if (p is null)
        {
            return TypedResults.Problem($"没有编号为 {id} 的已公开文件。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
        }

        var interpretations = await db.Publications.AsNoTracking()
            .Where(x => x.InterpretsId == id && x.Status == PublicationStatus.Published && x.Attribute == DisclosureAttribute.Proactive)
            .OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(ct);
        return TypedResults.Ok(new Publication(
            p.Id, p.AgencyId, p.IndexNumber, p.Title, p.DocumentNumber, p.Issuer, p.WrittenOn, p.PublishedOn!.Value, p.Category,
            PublicationStore.TypeName(p.Type), p.ValidityLabel, p.RepealedOn, p.RepealedBy, p.ExpiredOn, p.Keywords, p.DraftingUnit, p.InterpretsId, interpretations,
            p.BodyHtml.Length > 0 ? p.BodyHtml : PublicationHtml.FromText(p.Body), p.Body,
            p.Attachments.OrderBy(a => a.Order).Select(a => new Attachment(a.FileName, a.ContentType, a.Size, a.Sha256, $"/catalog/{p.Id}?handler=file&attachment={a.Id}")).ToList(),
            $"/catalog/{p.Id}"));
    }
}

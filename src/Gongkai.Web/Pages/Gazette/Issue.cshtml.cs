using Gongkai.Infrastructure;
using Gongkai.Infrastructure.Publications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Gazette;

/// <summary>A published issue: as a page (masthead, contents, the documents, print run and distribution points) or, at <c>.pdf</c>, as a PDF.</summary>
public sealed class IssueModel(GazetteStore store, GongkaiSettings settings) : PageModel
{
    public GazetteView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? format, CancellationToken ct)
    {
        if (format is not (null or "pdf") || await store.ViewAsync(id, publishedOnly: true, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        if (format is null)
        {
            return Page();
        }

        // Without a CJK font on the server there is no PDF; the error page says the service is unavailable.
        var pdf = GazettePdf.Write(view, settings.FontFile);
        return pdf is null
            ? StatusCode(StatusCodes.Status503ServiceUnavailable)
            : File(pdf, "application/pdf", $"{view.Masthead.Trim('《', '》')}{view.IssueLabel}.pdf");
    }

    /// <summary>The body as sanitized HTML: kept as written, or made from the plain text for imported documents.</summary>
    public static string BodyHtml(PublicationRecord document) =>
        document.BodyHtml.Length > 0 ? document.BodyHtml : PublicationHtml.FromText(document.Body);
}

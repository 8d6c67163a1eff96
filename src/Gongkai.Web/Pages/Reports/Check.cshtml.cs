using Gongkai.Core.AnnualReports;
using Gongkai.Infrastructure.Checker;
using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Reports;

/// <summary>
/// The public report checker: upload a published annual report (text, web page, .docx, PDF) or paste its text,
/// and see what is wrong with it, each finding beside the line it is about. Nothing is stored. The file is read within
/// the upload limits, a few at a time (<see cref="UntrustedFileGate"/>), with a time budget tied to the request; the
/// upload limit itself is set in GongkaiWeb from configuration.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gongkai.Web.Security.RateLimits.Checker)]
public sealed class CheckModel(UntrustedFileGate gate) : PageModel
{
    public const int MaxPastedLength = 500_000;

    /// <summary>Lines of the report shown back; a real report has a few hundred.</summary>
    public const int MaxLinesShown = 3_000;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Pasted { get; set; }

    public CheckResult? Result { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Findings by the line they point at (“第17行 …”); the rest belong to the whole report.</summary>
    public ILookup<int, Finding> ByLine { get; private set; } = Array.Empty<Finding>().ToLookup(_ => 0);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var limits = gate.Limits;
        byte[] content;
        string name;
        try
        {
            if (Upload is { Length: > 0 })
            {
                if (Upload.Length > limits.MaxUploadBytes)
                {
                    throw UntrustedFiles.TooLarge(limits.MaxUploadBytes);
                }

                await using var stream = Upload.OpenReadStream();
                (content, name) = (await UntrustedFiles.ReadAllAsync(stream, limits.MaxUploadBytes, ct), AttachmentRules.SafeName(Upload.FileName));
            }
            else if (!string.IsNullOrWhiteSpace(Pasted))
            {
                if (Pasted.Length > MaxPastedLength)
                {
                    Pasted = null;
                    Error = $"粘贴的文字超过 {MaxPastedLength} 个字符，请上传文件。";
                    Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return Page();
                }

                (content, name) = (System.Text.Encoding.UTF8.GetBytes(Pasted), "粘贴的文字");
            }
            else
            {
                Error = "请选择报告文件，或粘贴报告的文字。";
                return Page();
            }

            Result = await gate.RunAsync(budget => ReportCheck.Check(name, content, null, budget), ct);
        }
        catch (UntrustedFileException e)
        {
            return Refused(e);
        }

        if (Result.ReadError is { } unreadable)
        {
            return Refused(new UntrustedFileException(unreadable, Result.ReadStatus));
        }

        ByLine = Result.Findings.ToLookup(f => LineOf(f.Location));
        return Page();
    }

    /// <summary>The refusal on the page itself, with its status (and when to come back, for 503).</summary>
    private PageResult Refused(UntrustedFileException e)
    {
        (Result, Error) = (null, e.Message);
        Response.StatusCode = e.StatusCode;
        if (e.StatusCode == UntrustedFileException.UnavailableStatus)
        {
            Response.Headers.RetryAfter = UntrustedFileGate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }

    private static int LineOf(string location) =>
        location.StartsWith('第') && location.IndexOf('行', StringComparison.Ordinal) is > 1 and var end
        && int.TryParse(location.AsSpan(1, end - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line) ? line : 0;

    public static string Css(Severity severity) => severity.ToString().ToLowerInvariant();
}

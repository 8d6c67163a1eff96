using Gongkai.Core.AnnualReports;
using Gongkai.Infrastructure.Checker;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Reports;

/// <summary>
/// The public report checker: upload a published annual report (text, web page, .docx, PDF) or paste its text,
/// and see what is wrong with it, each finding beside the line it is about. Nothing is stored.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gongkai.Web.Security.RateLimits.Checker)]
[RequestFormLimits(MultipartBodyLengthLimit = ReportReaders.MaxBytes + 65536)]
[RequestSizeLimit(ReportReaders.MaxBytes + 65536)]
public sealed class CheckModel : PageModel
{
    public const int MaxPastedLength = 500_000;

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
        byte[] content;
        string name;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > ReportReaders.MaxBytes)
            {
                Error = $"文件超过 {ReportReaders.MaxBytes / 1024 / 1024} MB。";
                return Page();
            }

            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, ct);
            (content, name) = (buffer.ToArray(), Path.GetFileName(Upload.FileName));
        }
        else if (!string.IsNullOrWhiteSpace(Pasted))
        {
            if (Pasted.Length > MaxPastedLength)
            {
                Error = $"粘贴的文字超过 {MaxPastedLength} 个字符，请上传文件。";
                return Page();
            }

            (content, name) = (System.Text.Encoding.UTF8.GetBytes(Pasted), "粘贴的文字");
        }
        else
        {
            Error = "请选择报告文件，或粘贴报告的文字。";
            return Page();
        }

        Result = ReportCheck.Check(name, content);
        Error = Result.ReadError;
        ByLine = Result.Findings.ToLookup(f => LineOf(f.Location));
        return Page();
    }

    private static int LineOf(string location) =>
        location.StartsWith('第') && location.IndexOf('行', StringComparison.Ordinal) is > 1 and var end
        && int.TryParse(location.AsSpan(1, end - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line) ? line : 0;

    public static string Css(Severity severity) => severity.ToString().ToLowerInvariant();
}

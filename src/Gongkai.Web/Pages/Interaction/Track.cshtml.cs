using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Interaction;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;


namespace Gongkai.Web.Pages.Interaction;

/// <summary>
/// The writer's view of a letter by its tracking code (a 59-bit secret: the code alone opens it, as a letter may have
/// no contact details): status, due date, the reply, and the rating — “not satisfied” with a reason reopens it.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gongkai.Web.Security.RateLimits.Tracking)]
public sealed class TrackModel(LetterStore store, RequestDay day) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public LetterRating Rating { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public LetterRecord? Letter { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Letter = string.IsNullOrWhiteSpace(Code) ? null : await store.FindByCodeAsync(Code, ct);
        if (Letter is null)
        {
            Error = "查询码不正确。查询码为 12 位字母和数字，在提交来信后显示。";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        Letter = string.IsNullOrWhiteSpace(Code) ? null : await store.FindByCodeAsync(Code, ct);
        if (Letter is null)
        {
            Error = "查询码不正确。";
            return Page();
        }

        if (Rating == LetterRating.Unsatisfied && (Comment?.Trim().Length ?? 0) < 4)
        {
            Error = "选择“不满意”时，请写明理由（至少 4 个字），来信将重新办理。";
            return Page();
        }

        var outcome = await store.RateAsync(Letter.Id, Rating, Comment, day.Today, ct);
        if (!outcome.Succeeded)
        {
            Error = string.Join(" ", outcome.Errors.Values);
        }
        else
        {
            Done = Rating == LetterRating.Satisfied ? "感谢您的评价。" : "已收到您的意见，来信将重新办理。";
        }

        Letter = await store.FindByCodeAsync(Code!, ct);
        return Page();
    }
}

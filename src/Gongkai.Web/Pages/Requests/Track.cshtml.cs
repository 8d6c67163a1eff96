using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Requests;

/// <summary>
/// Public tracking: the tracking code plus the last four digits of the applicant's phone. Shows the status, the key
/// dates and how the due date was computed — nothing about the applicant.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gongkai.Web.Security.RateLimits.Tracking)]
public sealed class TrackModel(RequestStore store, GongkaiDbContext db, Gongkai.Web.Security.TrackingGuard guard) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? PhoneTail { get; set; }
    public string? Error { get; private set; }
    public RequestStore.Loaded? Found { get; private set; }
    public StatutoryDeadline? Deadline { get; private set; }
    public string AgencyName { get; private set; } = "";
    /// <summary>The reply, shown when it was delivered electronically (e-mail or online).</summary>
    public Gongkai.Infrastructure.Requests.RequestNotice? Reply { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        var result = await OnPostAsync(ct);
        if (Reply?.Pdf is { } pdf)
        {
            return File(pdf, "application/pdf", $"答复书-{Found!.Record.TrackingCode}.pdf");
        }

        return Reply is { } reply ? File(reply.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"答复书-{Found!.Record.TrackingCode}.docx") : result;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(PhoneTail))
        {
            Error = "请输入查询码和联系电话后四位。";
            return Page();
        }

        if (guard.WaitForCode(Code) is var wait && wait > TimeSpan.Zero)
        {
            Error = Gongkai.Web.Security.TrackingGuard.Message(wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }

        var loaded = await store.FindByTrackingCodeAsync(Code, ct);
        // One message for both mistakes: the page must not tell a guesser which half was right.
        if (loaded is null || RequestApplication.PhoneTail(loaded.Record.Phone) != PhoneTail.Trim())
        {
            if (loaded is not null)
            {
                guard.WrongTail(Code);
            }

            Error = "查询码或联系电话后四位不正确，请核对后重试。";
            return Page();
        }

        guard.Opened(Code);

        Found = loaded;
        Deadline = await store.DeadlineAsync(loaded.Request, ct);
        AgencyName = await db.Agencies.Where(a => a.Id == loaded.Record.AgencyId).Select(a => a.FullName).SingleAsync(ct);
        if (loaded.Request.Delivery is { Method: DeliveryMethod.Email or DeliveryMethod.Online })
        {
            Reply = await db.RequestNotices.AsNoTracking().Where(n => n.RequestId == loaded.Record.Id && n.Kind == NoticeKind.Reply)
                .OrderByDescending(n => n.Id).FirstOrDefaultAsync(ct);
        }

        return Page();
    }
}

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
[RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
[RequestSizeLimit(60 * 1024 * 1024)]
public sealed class TrackModel(RequestStore store, GongkaiDbContext db, Gongkai.Web.Security.TrackingGuard guard, TimeProvider clock,
    RequestDay day, Gongkai.Infrastructure.Files.UntrustedFileLimits limits) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? PhoneTail { get; set; }
    public string? Error { get; private set; }
    public RequestStore.Loaded? Found { get; private set; }
    public StatutoryDeadline? Deadline { get; private set; }
    public string AgencyName { get; private set; } = "";
    /// <summary>The reply, shown when it was delivered electronically (e-mail or online).</summary>
    public Gongkai.Infrastructure.Requests.RequestNotice? Reply { get; private set; }
    /// <summary>The information disclosed with the reply: files to download, and a published document.</summary>
    public List<(long Id, string Name, long Size)> Disclosed { get; private set; } = [];
    /// <summary>Art. 30 online: what the applicant writes to correct the request, and files.</summary>
    [BindProperty] public string? Supplied { get; set; }
    [BindProperty] public List<IFormFile> CorrectionFiles { get; set; } = [];
    /// <summary>While a correction is awaited: the last day to correct, when the notice's delivery is known.</summary>
    public DateOnly? CorrectBy { get; private set; }
    public string? Done { get; private set; }
    public long? DisclosedPublicationId { get; private set; }

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

    /// <summary>Art. 30 online: the applicant who opened the request corrects it here; the clock counts afresh from today.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        var result = await OnPostAsync(ct);
        if (Found is null)
        {
            return result;
        }

        var (files, fileErrors, status) = await Gongkai.Web.Requests.ApplicationForm.ReadAttachmentsAsync(CorrectionFiles, limits, ct);
        if (fileErrors.Count > 0)
        {
            Error = string.Join(" ", fileErrors);
            Response.StatusCode = status ?? StatusCodes.Status422UnprocessableEntity;
            Supplied = Gongkai.Web.Requests.FormEcho.Cap(Supplied, InformationRequest.MaxCorrectionText);
            return Page();
        }

        try
        {
            await store.CorrectOnlineAsync(Found.Record.Id, Supplied, files, day.Today, ct);
        }
        catch (RequestRuleException e)
        {
            Error = e.Message;
            Supplied = Gongkai.Web.Requests.FormEcho.Cap(Supplied, InformationRequest.MaxCorrectionText);
            return Page();
        }

        Supplied = null;
        await OnPostAsync(ct);
        Done = "补正材料已提交。答复期限自今日起重新计算。";
        return Page();
    }

    /// <summary>One file of the information disclosed, for the applicant who opened the request; the first download is recorded.</summary>
    public async Task<IActionResult> OnPostDisclosedAsync(long file, CancellationToken ct)
    {
        var result = await OnPostAsync(ct);
        if (Found is null)
        {
            return result;
        }

        var attachment = await db.RequestAttachments.FirstOrDefaultAsync(a => a.Id == file && a.RequestId == Found.Record.Id && a.Purpose == AttachmentPurpose.Disclosed, ct);
        if (attachment is null)
        {
            return NotFound();
        }

        if (attachment.DownloadedAt is null)
        {
            attachment.DownloadedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Sha256 == attachment.Sha256).Select(f => f.Content).FirstAsync(ct);
        return File(content, attachment.ContentType, attachment.FileName);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(PhoneTail))
        {
            Error = "请输入查询码和联系电话后四位。";
            return Page();
        }

        if (await guard.WaitForCodeAsync(Code) is var wait && wait > TimeSpan.Zero)
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
                await guard.WrongTailAsync(Code);
            }

            Error = "查询码或联系电话后四位不正确，请核对后重试。";
            return Page();
        }

        await guard.OpenedAsync(Code);

        Found = loaded;
        Deadline = await store.DeadlineAsync(loaded.Request, ct);
        AgencyName = await db.Agencies.Where(a => a.Id == loaded.Record.AgencyId).Select(a => a.FullName).SingleAsync(ct);
        if (loaded.Request.Delivery is { Method: DeliveryMethod.Email or DeliveryMethod.Online })
        {
            Reply = await db.RequestNotices.AsNoTracking().Where(n => n.RequestId == loaded.Record.Id && n.Kind == NoticeKind.Reply)
                .OrderByDescending(n => n.Id).FirstOrDefaultAsync(ct);
        }

        if (loaded.Request.Status == RequestStatus.AwaitingCorrection)
        {
            CorrectBy = loaded.Request.CorrectionDueOn(await store.CalendarAsync(ct));
        }

        if (loaded.Request.Decision is not null)
        {
            Disclosed = (await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == loaded.Record.Id && a.Purpose == AttachmentPurpose.Disclosed).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.FileName, a.Size }).ToListAsync(ct)).Select(a => (a.Id, a.FileName, a.Size)).ToList();
            DisclosedPublicationId = loaded.Record.DisclosedPublicationId;
        }

        return Page();
    }
}

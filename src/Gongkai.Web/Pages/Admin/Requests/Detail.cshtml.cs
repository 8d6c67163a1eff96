using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Act = Gongkai.Web.Security.RequestAction;

namespace Gongkai.Web.Pages.Admin.Requests;

/// <summary>
/// One request: who asked for what, the clock and how it was computed, the history, and the steps the user may take
/// now. Each step is checked by Core, saved with its audit entry, and refused as a conflict if someone else acted
/// on the request since the page was shown.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
[RequestSizeLimit(60 * 1024 * 1024)]
public sealed class DetailModel(GongkaiDbContext db, StaffAccess access, RequestStore store, AuditTrail audit, PersonalDataView personal, RequestDay day, StaffAuthorization authz,
    Gongkai.Infrastructure.Files.UntrustedFileLimits limits, SameInformationStore sameInformation) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    /// <summary>The day a consultation letter or fee notice reached its addressee, when known (periods run from it).</summary>
    [BindProperty] public DateOnly? DeliveredOn { get; set; }
    [BindProperty] public bool AwaitingDelivery { get; set; }
    [BindProperty] public DeliveredNotice DeliveredNotice { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Items { get; set; }
    [BindProperty] public DateOnly? CorrectBy { get; set; }
    /// <summary>The correction period in working days from the day the applicant receives the notice.</summary>
    [BindProperty] public int? PeriodDays { get; set; }
    /// <summary>Art. 35: the day the applicant's reasons are due.</summary>
    [BindProperty] public DateOnly? ReplyBy { get; set; }
    [BindProperty] public bool Accepted { get; set; }
    /// <summary>Art. 43: the help given.</summary>
    [BindProperty] public string? Help { get; set; }
    [BindProperty] public ConsultationKind Kind { get; set; }
    [BindProperty] public string? Party { get; set; }
    [BindProperty] public int Number { get; set; }
    [BindProperty] public string? Opinion { get; set; }
    [BindProperty] public int Days { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public FeeBasis FeeBasis { get; set; }
    [BindProperty] public int Pages { get; set; }
    [BindProperty] public Outcome? Outcome { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public bool OnTheSpot { get; set; }
    [BindProperty] public DeliveryMethod Method { get; set; }
    [BindProperty] public string? TrackingNumber { get; set; }
    /// <summary>With a reply that discloses: the information disclosed as files, and a published document of the catalog.</summary>
    [BindProperty] public List<IFormFile> DisclosedFiles { get; set; } = [];
    /// <summary>The catalog document's number or its address (/catalog/123).</summary>
    [BindProperty] public string? DisclosedDocument { get; set; }
    /// <summary>The files disclosed with the reply, and when the applicant first downloaded each.</summary>
    public List<(long Id, string Name, DateTimeOffset? DownloadedAt)> DisclosedNames { get; private set; } = [];

    /// <summary>分办: the user name of the handler chosen.</summary>
    [BindProperty] public string? AssignTo { get; set; }

    /// <summary>The handlers who may take this request (<see cref="StaffAccess.HandlersForAsync"/>), for 分办.</summary>
    public List<Actor> Handlers { get; private set; } = [];

    public RequestStore.Loaded Loaded { get; private set; } = null!;
    public StatutoryDeadline Clock { get; private set; } = null!;
    public WorkingDayCalendar Calendar { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    /// <summary>The agency's fee payment method; a fee notice cannot go out without it.</summary>
    public string? FeePayment { get; private set; }
    public string? Error { get; private set; }
    public string? Warning { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>The applicant as this user may see them (<see cref="PersonalDataView"/>).</summary>
    public ApplicantView Applicant { get; private set; } = null!;
    public int RequestsThisMonth { get; private set; }
    public List<(long Id, string Name)> AttachmentNames { get; private set; } = [];
    public List<NoticeRow> Notices { get; private set; } = [];
    public List<RequestEmail> Emails { get; private set; } = [];
    /// <summary>The complaint this request became (Art. 39), if it did.</summary>
    public long? LinkedLetterId { get; private set; }
    /// <summary>Art. 44: an open request for information already published for its group (or a group it matches).</summary>
    public SameInformationPublished? PublishedForGroup { get; private set; }

    public sealed record NoticeRow(long Id, NoticeKind Kind, string Title, string? Reference, int EventSequence, bool HasPdf, DateTimeOffset CreatedAt);

    public RequestRecord Record => Loaded.Record;
    public InformationRequest Case => Loaded.Request;

    public bool Can(Act action) => StaffAuthorization.May(User, StaffOperations.Requests.Step(action));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct) ?? await PageAsync(ct);

    public async Task<IActionResult> OnPostAsync(string step, CancellationToken ct)
    {
        if (await ShowAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!Enum.TryParse<Act>(step, out var action) || action is Act.Register or Act.ReadPersonalData
            || !await authz.MayAsync(User, StaffOperations.Requests.Step(action), Record.AgencyId))
        {
            return Forbid();
        }

        if (Version != Record.Version)
        {
            Error = "该申请在您打开页面后已被他人办理，请查看下方最新的办理记录后再操作。";
            return await PageAsync(ct);
        }

        var actor = new Actor(User.Identity!.Name!, StaffClaims.NameOf(User));
        var taken = new Step(On ?? Today, actor, Today, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
        try
        {
            Warning = Take(action, taken);
            if (action == Act.Decide)
            {
                var (files, fileErrors, _) = await ApplicationForm.ReadAttachmentsAsync(DisclosedFiles, limits, ct);
                if (fileErrors.Count > 0)
                {
                    throw new RequestRuleException("所公开信息的附件：" + string.Join("；", fileErrors));
                }

                await store.AttachDisclosedAsync(Loaded, files, CatalogNumber(DisclosedDocument), ct);
            }
        }
        catch (RequestRuleException e)
        {
            Error = e.Message;
            return await ReloadAsync(ct);
        }

        audit.Add(AuditActions.RequestStep, RequestStore.FormatCode(Record.TrackingCode), RequestText.Title(Case.History[^1]), Record.AgencyId);
        try
        {
            await store.SaveAsync(Loaded, ct);
        }
        catch (DbUpdateException)
        {
            // The version check or the unique event sequence: someone saved a step on this request a moment ago.
            db.ChangeTracker.Clear();
            Error = "该申请刚刚已被他人办理，您的操作未保存。请查看最新的办理记录后再操作。";
            return await ReloadAsync(ct);
        }

        TempData["Message"] = $"已记录：{RequestText.Title(Case.History[^1])}。" + (Warning is null ? "" : " " + Warning);
        return Redirect($"/admin/requests/{Id}");
    }

    private string? Take(Act action, Step step)
    {
        switch (action)
        {
            case Act.ConfirmReceipt:
                Case.ConfirmReceipt(step);
                return null;
            case Act.RequestCorrection:
                return CorrectBy is { } by && PeriodDays is null
                    ? Case.RequestCorrection(step, Items ?? "", by, Calendar, DeliveredOn)
                    : Case.RequestCorrection(step, Items ?? "", PeriodDays ?? InformationRequest.DefaultCorrectionWorkingDays, Calendar, DeliveredOn, AwaitingDelivery);
            case Act.ReceiveCorrection:
                Case.ReceiveCorrection(step, Calendar);
                return null;
            case Act.LapseCorrection:
                Case.LapseCorrection(step, Calendar);
                return null;
            case Act.RequestReasons:
                Case.RequestReasons(step, Reason ?? "", ReplyBy ?? throw new RequestRuleException("请填写说明理由的期限。"), Calendar);
                return null;
            case Act.RecordReasons:
                Case.RecordReasons(step, Opinion ?? "", Accepted);
                return null;
            case Act.RecordAssistance:
                Case.RecordAssistance(step, Help ?? "");
                return null;
            case Act.StartConsultation:
                Case.StartConsultation(step, Kind, Party ?? "", Calendar, DeliveredOn);
                return null;
            case Act.EndConsultation:
                Case.EndConsultation(step, Number, Opinion ?? "");
                return null;
            case Act.Extend:
                Case.Extend(step, Days, step.By, Reason ?? "", Calendar);
                return null;
            case Act.SetReasonableDeadline:
                Case.SetReasonableDeadline(step, Deadline ?? step.On, Reason ?? "", Calendar);
                return null;
            case Act.SendFeeNotice:
                if (string.IsNullOrWhiteSpace(FeePayment))
                {
                    throw new RequestRuleException("收费通知须写明缴纳方式（《政府信息公开信息处理费管理办法》）：请管理员先在机关信息中填写“信息处理费缴纳方式”。");
                }

                Case.SendFeeNotice(step, FeeBasis == FeeBasis.ByPages ? FeeQuote.QuoteByPages(Math.Max(0, Pages)) : FeeQuote.QuoteByCount(RequestsThisMonth, 1), Calendar, DeliveredOn, AwaitingDelivery);
                return null;
            case Act.RecordDelivery:
                Case.RecordDelivery(step, DeliveredNotice, DeliveredNotice == DeliveredNotice.Consultation ? Number : null,
                    DeliveredOn ?? throw new RequestRuleException("请填写送达日期。"));
                return null;
            case Act.RecordFeePaid:
                Case.RecordFeePaid(step, Calendar);
                return null;
            case Act.LapseFee:
                Case.LapseFee(step, Calendar);
                return null;
            case Act.Decide:
                if (Outcome is not { } outcome)
                {
                    throw new RequestRuleException("请选择办理结果。");
                }

                Case.Decide(step, outcome, Reason, LegalBasis, OnTheSpot);
                return null;
            case Act.Deliver:
                Case.Deliver(step, Method, TrackingNumber, DeliveredOn);
                return null;
            case Act.Archive:
                Case.Archive(step);
                return null;
            case Act.Withdraw:
                Case.Withdraw(step, Reason ?? "");
                return null;
            case Act.Assign:
                Case.Assign(step, Handlers.FirstOrDefault(h => h.UserName == AssignTo) ?? throw new RequestRuleException("请选择承办人（本机关或承办本机关工作的机关中具有承办人角色的工作人员）。"), Reason);
                return null;
            case Act.Register or Act.ReadPersonalData:
                throw new RequestRuleException("无效的办理步骤。");
        }

        return null;
    }

    /// <summary>A catalog document named by its number or its address; a text that is neither is refused.</summary>
    private static long? CatalogNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^(?:.*/catalog/)?(\d{1,18})(?:[?#].*)?$");
        return match.Success
            ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new RequestRuleException("已公开文件请填写政府信息公开目录中的文件编号或链接（如 /catalog/123）。");
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var error = Error;
        var result = await ShowAsync(ct);
        Error = error;
        return result ?? await PageAsync(ct);
    }

    /// <summary>The page, its showing of the applicant in full audited.</summary>
    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        if (Applicant.Full)
        {
            personal.Read(PersonalDataView.ApplicantTarget(Record), "申请详情页：" + PersonalDataView.Shown(Applicant), Record.AgencyId);
            await db.SaveChangesAsync(ct);
        }

        return Page();
    }

    /// <summary>Loads the request for the page; null when the user may see it, else the refusal.</summary>
    private async Task<IActionResult?> ShowAsync(CancellationToken ct)
    {
        var loaded = await store.LoadAsync(Id, ct);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!await access.CanAccessAsync(User, loaded.Record.AgencyId, ct))
        {
            return Forbid();
        }

        Loaded = loaded;
        if (StaffAuthorization.May(User, StaffOperations.Requests.Step(Act.Assign)))
        {
            Handlers = await access.HandlersForAsync(loaded.Record.AgencyId, ct);
        }

        Today = day.Today;
        Calendar = await store.CalendarAsync(ct);
        Clock = StatutoryClock.Compute(Case, Calendar, Today);
        (AgencyName, FeePayment) = await db.Agencies.Where(a => a.Id == Record.AgencyId).Select(a => new ValueTuple<string, string?>(a.FullName, a.Contact.FeePayment)).SingleAsync(ct);
        Applicant = await personal.ApplicantAsync(User, Record, ct);
        RequestsThisMonth = await EarlierRequestsThisMonthAsync(ct);
        Notices = await db.RequestNotices.AsNoTracking().Where(n => n.RequestId == Id).OrderBy(n => n.Id)
            .Select(n => new NoticeRow(n.Id, n.Kind, n.Title, n.Reference, n.EventSequence, n.Pdf != null, n.CreatedAt)).ToListAsync(ct);
        Emails = await db.RequestEmails.AsNoTracking().Where(m => m.RequestId == Id).OrderBy(m => m.Id).ToListAsync(ct);
        PublishedForGroup = Case.Status == RequestStatus.Processing ? await sameInformation.PublishedForAsync(Record, ct) : null;
        LinkedLetterId = await db.Letters.AsNoTracking().Where(l => l.RequestId == Id).Select(l => (long?)l.Id).FirstOrDefaultAsync(ct);
        var files = await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == Id).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.Purpose, a.DownloadedAt }).ToListAsync(ct);
        AttachmentNames = files.Where(a => a.Purpose != AttachmentPurpose.Disclosed)
            .Select(a => (a.Id, a.Purpose == AttachmentPurpose.Correction ? a.FileName + "（补正材料）" : a.FileName)).ToList();
        DisclosedNames = files.Where(a => a.Purpose == AttachmentPurpose.Disclosed).Select(a => (a.Id, a.FileName, a.DownloadedAt)).ToList();
        return null;
    }

    /// <summary>The same applicant's requests received earlier in the same calendar month (fee by count, 国办函〔2020〕109号 第四条).</summary>
    private async Task<int> EarlierRequestsThisMonthAsync(CancellationToken ct)
    {
        if (Record.ReceivedOn is not { } received)
        {
            return 0;
        }

        var first = new DateOnly(received.Year, received.Month, 1);
        var id = Record.Id;
        return await db.Requests.CountAsync(r => r.IdType == Record.IdType && r.IdNumber == Record.IdNumber && r.Id != id
            && r.ReceivedOn >= first && (r.ReceivedOn < received || (r.ReceivedOn == received && r.Id < id)), ct);
    }

    public async Task<IActionResult> OnGetNoticeAsync(long noticeId, string? format, CancellationToken ct)
    {
        if (await ShowAsync(ct) is { } refused)
        {
            return refused;
        }

        // A notice is addressed to the applicant by name and address: it is the applicant's data in full. It is served
        // as issued or not at all — a masked copy would be a document the office never sent.
        if (!Applicant.Full)
        {
            return Forbid();
        }

        var notice = await db.RequestNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId && n.RequestId == Id, ct);
        if (notice is null || (format == "pdf" && notice.Pdf is null))
        {
            return NotFound();
        }

        personal.Read(PersonalDataView.ApplicantTarget(Record), $"下载文书《{notice.Title}》（{(format == "pdf" ? "PDF" : "Word")}）", Record.AgencyId);
        await db.SaveChangesAsync(ct);
        var name = $"{notice.Title}-{Record.TrackingCode}";
        return format == "pdf"
            ? File(notice.Pdf!, "application/pdf", name + ".pdf")
            : File(notice.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
    }

    public async Task<IActionResult> OnGetAttachmentAsync(long attachmentId, CancellationToken ct)
    {
        if (await ShowAsync(ct) is { } refused)
        {
            return refused;
        }

        // Attachments carry personal data: only caseworkers of the handling agency may open them.
        if (!Applicant.Full)
        {
            return Forbid();
        }

        var file = await db.RequestAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.RequestId == Id, ct);
        if (file is null)
        {
            return NotFound();
        }

        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Sha256 == file.Sha256).Select(f => f.Content).FirstAsync(ct);
        audit.Add(AuditActions.AttachmentRead, RequestStore.FormatCode(Record.TrackingCode), file.FileName, Record.AgencyId);
        await db.SaveChangesAsync(ct);
        return File(content, file.ContentType, file.FileName);
    }
}

using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Interaction;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Pages.Shared;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Letters;

/// <summary>One letter: the writer (masked unless the user may read them, <see cref="PersonalDataView"/>), the content, each step and what comes next.</summary>
public sealed class DetailModel(GongkaiDbContext db, StaffAccess access, LetterStore store, AuditTrail audit, PersonalDataView personal, RequestDay day) : PageModel
{
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Handler { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public bool Approve { get; set; }
    [BindProperty] public string? PublicSubject { get; set; }
    [BindProperty] public string? PublicBody { get; set; }
    [BindProperty] public string? PublicReply { get; set; }

    public LetterRecord Letter { get; private set; } = null!;
    public WriterView Writer { get; private set; } = null!;
    public InteractionChannelSettings Settings { get; private set; } = null!;
    public string? RequestCode { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        // The copy for publication starts without the writer's personal data.
        if (Letter.AgreesToPublish && (Letter.PublicSubject is null || Letter.PublicBody is null || Letter.PublicReply is null))
        {
            var copy = await store.PublicCopyAsync(Letter, ct);
            (PublicSubject, PublicBody, PublicReply) = (Letter.PublicSubject ?? copy.Subject, Letter.PublicBody ?? copy.Body, Letter.PublicReply ?? copy.Reply);
        }
        else
        {
            (PublicSubject, PublicBody, PublicReply) = (Letter.PublicSubject, Letter.PublicBody, Letter.PublicReply);
        }

        Reply = Letter.Reply;
        return await PageAsync(ct);
    }

    /// <summary>The page, its showing of the writer in full audited.</summary>
    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        if (Writer.Full && PersonalDataView.Shown(Writer) is { Length: > 0 } shown)
        {
            personal.Read(PersonalDataView.WriterTarget(Letter), "来信详情页：" + shown, Letter.AgencyId);
            await db.SaveChangesAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(long id, long attachment, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!Writer.Full || Letter.Attachments.FirstOrDefault(a => a.Id == attachment) is not { } file)
        {
            return NotFound();
        }

        personal.Read(PersonalDataView.WriterTarget(Letter), $"下载来信附件“{file.FileName}”", Letter.AgencyId);
        await db.SaveChangesAsync(ct);

        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Sha256 == file.Sha256).Select(f => f.Content).FirstAsync(ct);
        return File(content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostAssignAsync(long id, CancellationToken ct) =>
        ActAsync(id, StaffOperations.Letters.Assign, () => store.AssignAsync(id, Unit, Handler, Reason, User.Identity!.Name!, ct), "已分办。", ct);

    public Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct) =>
        ActAsync(id, StaffOperations.Letters.Reply, () => store.ReplyAsync(id, Reply, User.Identity!.Name!, day.Today, ct), "已保存答复。", ct);

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) =>
        ActAsync(id, StaffOperations.Letters.Approve, () => store.ApproveAsync(id, Approve, Reason, User.Identity!.Name!, day.Today, ct), Approve ? "答复已审核发出。" : "已退回修改。", ct);

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) =>
        ActAsync(id, StaffOperations.Letters.Reply, () => store.CloseAsync(id, Reason, User.Identity!.Name!, day.Today, ct), "已办结。", ct);

    public Task<IActionResult> OnPostReopenAsync(long id, CancellationToken ct) =>
        ActAsync(id, StaffOperations.Letters.Reply, () => store.ReopenAsync(id, Reason, User.Identity!.Name!, day.Today, ct), "已重新打开。", ct);

    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        ActAsync(id, StaffOperations.Letters.Publish, () => store.PublishAsync(id, PublicSubject, PublicBody, PublicReply, User.Identity!.Name!, day.Today, ct), "已在网站公开。", ct);

    public Task<IActionResult> OnPostUnpublishAsync(long id, CancellationToken ct) =>
        ActAsync(id, StaffOperations.Letters.Publish, () => store.UnpublishAsync(id, User.Identity!.Name!, ct), "已撤销公开。", ct);

    private async Task<IActionResult> ActAsync(long id, StaffOperation operation, Func<Task<LetterOutcome>> act, string done, CancellationToken ct)
    {
        var result = await StaffStep.RunAsync(this, operation, () => LoadAsync(id, ct), () => Letter.AgencyId, async () =>
        {
            // The entry joins the unit of work: the store saves it with the step in one SaveChanges, a refusal clears both.
            audit.Add(AuditActions.LetterChanged, $"来信 {id}", done, Letter.AgencyId);
            return await act();
        }, error => Error = error, done, $"/admin/letters/{id}");
        return result is PageResult ? await PageAsync(ct) : result;
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var letter = await db.Letters.AsNoTracking().Include(l => l.Events.OrderBy(e => e.Id)).Include(l => l.Attachments).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null)
        {
            return NotFound();
        }

        if (!await access.CanAccessAsync(User, letter.AgencyId, ct))
        {
            return Forbid();
        }

        Letter = letter;
        Writer = await personal.WriterAsync(User, letter, ct);
        Settings = await store.SettingsAsync(letter.AgencyId, letter.Channel, ct);
        RequestCode = letter.RequestId is { } requestId ? await db.Requests.Where(r => r.Id == requestId).Select(r => r.TrackingCode).FirstOrDefaultAsync(ct) : null;
        Done = TempData[StaffStep.DoneKey] as string;
        return null;
    }
}

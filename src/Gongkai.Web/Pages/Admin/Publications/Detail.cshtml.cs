using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Gongkai.Web.Pages.Shared;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Publications;

/// <summary>One document for staff: its metadata and body, its interpretation, the confidentiality review, publication and validity.</summary>
public sealed class DetailModel(GongkaiDbContext db, StaffAccess access, PublicationStore store, AuditTrail audit, RequestDay day,
    Gongkai.Infrastructure.Requests.SameInformationStore sameInformation) : PageModel
{
    public PublicationRecord Document { get; private set; } = null!;
    public PublicationRecord? Policy { get; private set; }
    public List<PublicationRecord> Interpretations { get; private set; } = [];
    public List<AuditEntry> History { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public string? Opinion { get; set; }
    [BindProperty] public DateOnly? PublishOn { get; set; }
    [BindProperty] public string? NoInterpretationReason { get; set; }
    [BindProperty] public DateOnly? EndOn { get; set; }
    [BindProperty] public string? RepealedBy { get; set; }

    public DateOnly Today => day.Today;

    /// <summary>Art. 26, for a proactive document: published within 20 working days of being written.</summary>
    public Gongkai.Core.Deadlines.Deadline? Article26 { get; private set; }

    public bool MayEdit => StaffAuthorization.May(User, StaffOperations.Publications.Edit);
    public bool MayReview => StaffAuthorization.May(User, StaffOperations.Publications.Review);
    public bool MayPublish => StaffAuthorization.May(User, StaffOperations.Publications.Publish);

    /// <summary>A normative document that would need the reason for publishing without its interpretation.</summary>
    public bool NeedsInterpretation =>
        Document.InterpretsId is null && Document.Type is PublicationType.NormativeDocument or PublicationType.Regulation
        && !Interpretations.Any(i => i.Status is PublicationStatus.Reviewed or PublicationStatus.Published);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>Staff download an attachment of any document they may see, published or not.</summary>
    public async Task<IActionResult> OnGetFileAsync(long id, long attachment, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var file = Document.Attachments.FirstOrDefault(a => a.Id == attachment);
        if (file is null)
        {
            return NotFound();
        }

        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Sha256 == file.Sha256).Select(f => f.Content).FirstAsync(ct);
        return File(content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostReviewAsync(long id, CancellationToken ct) =>
        ActAsync(id, StaffOperations.Publications.Review, () => store.ReviewAsync(id, Opinion, User.Identity!.Name!, ct), AuditActions.PublicationReviewed, "已通过保密审查。", ct);

    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        ActAsync(id, StaffOperations.Publications.Publish, async () =>
        {
            var published = await store.PublishAsync(id, PublishOn, NoInterpretationReason, User.Identity!.Name!, day.Today, ct);
            if (published.Succeeded)
            {
                // Art. 44: a document drafted for a group of requests links them now, in the same transaction.
                await sameInformation.LinkPreparedAsync(id, User.Identity!.Name!, day.Today, ct);
            }

            return published;
        }, AuditActions.PublicationPublished, "已发布。", ct);

    public Task<IActionResult> OnPostRepealAsync(long id, CancellationToken ct) =>
        ActAsync(id, StaffOperations.Publications.Edit, () => store.EndValidityAsync(id, true, EndOn, RepealedBy, User.Identity!.Name!, day.Today, ct), AuditActions.PublicationValidityEnded, "已登记废止。", ct);

    public Task<IActionResult> OnPostExpireAsync(long id, CancellationToken ct) =>
        ActAsync(id, StaffOperations.Publications.Edit, () => store.EndValidityAsync(id, false, EndOn, null, User.Identity!.Name!, day.Today, ct), AuditActions.PublicationValidityEnded, "已登记失效。", ct);

    private Task<IActionResult> ActAsync(long id, StaffOperation operation, Func<Task<PublicationOutcome>> act, string action, string done, CancellationToken ct) =>
        StaffStep.RunAsync(this, operation, () => LoadAsync(id, ct), () => Document.AgencyId, async () =>
        {
            // The entry joins the unit of work: the store saves it with the step in one SaveChanges.
            audit.Add(action, $"文件 {id}", $"《{Document.Title}》", Document.AgencyId);
            return await act();
        }, error => Error = error, done, $"/admin/publications/{id}");

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var document = await db.Publications.AsNoTracking().Include(p => p.Attachments).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (document is null)
        {
            return NotFound();
        }

        if (!await access.CanAccessAsync(User, document.AgencyId, ct))
        {
            return Forbid();
        }

        Document = document;
        Policy = document.InterpretsId is { } policyId ? await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == policyId, ct) : null;
        Interpretations = await db.Publications.AsNoTracking().Where(p => p.InterpretsId == id).OrderBy(p => p.Id).ToListAsync(ct);
        Article26 = document.Attribute == DisclosureAttribute.Proactive ? await store.Article26DeadlineAsync(document, day.Today, ct) : null;
        var target = $"文件 {id}";
        History = await db.AuditEntries.AsNoTracking().Where(a => a.Target == target).OrderBy(a => a.Id).ToListAsync(ct);
        Done = TempData[StaffStep.DoneKey] as string;
        return null;
    }
}

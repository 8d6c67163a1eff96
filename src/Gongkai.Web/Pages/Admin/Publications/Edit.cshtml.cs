using Gongkai.Core.Agencies;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Publications;

/// <summary>Drafts or changes a document or a policy interpretation: metadata, sanitized rich-text body, attachments.</summary>
[RequestSizeLimit(PublicationFiles.MaxFiles * PublicationFiles.MaxBytes + 2_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = PublicationFiles.MaxFiles * PublicationFiles.MaxBytes + 2_000_000)]
public sealed class EditModel(GongkaiDbContext db, StaffAccess access, PublicationStore store, AuditTrail audit, RequestDay day, StaffAuthorization authz,
    Gongkai.Infrastructure.Requests.SameInformationStore sameInformation) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "interprets")] public long? Interprets { get; set; }
    [BindProperty] public int AgencyId { get; set; }
    [BindProperty] public string? IndexNumber { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public string? Issuer { get; set; }
    [BindProperty] public DateOnly? WrittenOn { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public PublicationType Type { get; set; } = PublicationType.Other;
    [BindProperty] public DisclosureAttribute Attribute { get; set; } = DisclosureAttribute.Proactive;
    [BindProperty] public string? AttributeReason { get; set; }
    [BindProperty] public string? BodyHtml { get; set; }
    [BindProperty] public string? Keywords { get; set; }
    [BindProperty] public string? DraftingUnit { get; set; }
    [BindProperty] public List<long> RemoveAttachments { get; set; } = [];
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    /// <summary>Art. 44: a new document drafted for a group of requests for the same information (the representative first); linked to them when published.</summary>
    [BindProperty(SupportsGet = true, Name = "sameinfo")] public List<long> SameInformation { get; set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public List<Agency> Agencies { get; private set; } = [];
    public List<CatalogCategory> Categories { get; private set; } = [];
    public List<PublicationAttachment> Attachments { get; private set; } = [];
    public PublicationRecord? Policy { get; private set; }
    public PublicationRecord? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!StaffAuthorization.May(User, StaffOperations.Publications.Edit))
        {
            return Forbid();
        }

        if (SameInformation.Count > 0 && await SameInformationRefusalAsync(ct) is { } notTheirs)
        {
            return notTheirs;
        }

        if (Id is { } id)
        {
            Existing = await db.Publications.AsNoTracking().Include(p => p.Attachments).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (Existing is null)
            {
                return NotFound();
            }

            if (!await access.CanAccessAsync(User, Existing.AgencyId, ct))
            {
                return Forbid();
            }

            var p = Existing;
            IndexNumber = p.IndexNumber;
            (AgencyId, Title, DocumentNumber, Issuer, WrittenOn, Category, Type, Attribute, AttributeReason, Keywords, DraftingUnit, Interprets) =
                (p.AgencyId, p.Title, p.DocumentNumber, p.Issuer, p.WrittenOn, p.Category, p.Type, p.Attribute, p.AttributeReason, p.Keywords, p.DraftingUnit, p.InterpretsId);
            BodyHtml = p.BodyHtml.Length > 0 ? p.BodyHtml : PublicationHtml.FromText(p.Body);
        }
        else if (Interprets is { } policyId)
        {
            var policy = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == policyId, ct);
            if (policy is null)
            {
                return NotFound();
            }

            if (!await access.CanAccessAsync(User, policy.AgencyId, ct))
            {
                return Forbid();
            }

            // 谁起草、谁解读: the interpretation starts as the drafting unit's, about the policy.
            (AgencyId, Title, Issuer, DraftingUnit, Category, Type) = (policy.AgencyId, $"《{policy.Title}》政策解读", policy.Issuer, policy.DraftingUnit, "政策解读", PublicationType.Other);
            WrittenOn = day.Today;
        }
        else if (SameInformation.Count > 0)
        {
            // The representative request's words and 文号 start the draft; the office edits them.
            var first = SameInformation[0];
            var representative = await db.Requests.AsNoTracking().Where(r => r.Id == first)
                .Select(r => new { r.AgencyId, r.InformationTitle, r.DocumentNumber }).SingleAsync(ct);
            (AgencyId, Title, DocumentNumber, WrittenOn) = (representative.AgencyId, representative.InformationTitle, representative.DocumentNumber, day.Today);
        }
        else
        {
            AgencyId = StaffClaims.AgencyOf(User) ?? 0;
            WrittenOn = day.Today;
        }

        await LoadAsync(ct);
        if (Id is null && Issuer is null)
        {
            Issuer = Agencies.FirstOrDefault(a => a.Id == AgencyId)?.FullName;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await authz.MayAsync(User, StaffOperations.Publications.Edit, AgencyId))
        {
            return Forbid();
        }

        // The policy an interpretation interprets is shown by title when the form comes back: it must be one the user may see.
        if (Interprets is { } policyId)
        {
            var policyAgency = await db.Publications.Where(p => p.Id == policyId).Select(p => (int?)p.AgencyId).FirstOrDefaultAsync(ct);
            if (policyAgency is null)
            {
                return NotFound();
            }

            if (!await access.CanAccessAsync(User, policyAgency.Value, ct))
            {
                return Forbid();
            }
        }

        if (SameInformation.Count > 0 && await SameInformationRefusalAsync(ct) is { } notTheirs)
        {
            return notTheirs;
        }

        var files = new List<NewPublicationFile>();
        foreach (var upload in Files.Where(f => f.Length > 0))
        {
            if (upload.Length > PublicationFiles.MaxBytes)
            {
                Errors = new Dictionary<string, string> { ["Attachments"] = $"附件“{Gongkai.Infrastructure.Requests.AttachmentRules.SafeName(upload.FileName)}”超过 20 MB。" };
                Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await LoadAsync(ct);
                return Page();
            }

            await using var stream = upload.OpenReadStream();
            files.Add(new NewPublicationFile(upload.FileName, await UntrustedFiles.ReadAllAsync(stream, PublicationFiles.MaxBytes, ct)));
        }

        var input = new PublicationInput(Title, DocumentNumber, Issuer, WrittenOn, Category, Type, Attribute, AttributeReason, BodyHtml, Keywords, DraftingUnit, Interprets, IndexNumber);
        PublicationOutcome outcome;
        await using var step = await audit.BeginStepAsync(ct);
        if (Id is { } id)
        {
            var existing = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (existing is null)
            {
                return NotFound();
            }

            if (!await access.CanAccessAsync(User, existing.AgencyId, ct))
            {
                return Forbid();
            }

            outcome = await SaveAsync(() => store.UpdateAsync(id, input, files, RemoveAttachments, User.Identity!.Name!, day.Today, ct));
        }
        else
        {
            outcome = await SaveAsync(() => store.CreateAsync(AgencyId, input, files, User.Identity!.Name!, day.Today, ct));
        }

        if (outcome.Succeeded && Id is null && SameInformation.Count > 0)
        {
            // The group's requests are tied to the draft in the same transaction; a refusal undoes the draft too.
            var tied = await sameInformation.PrepareAsync(outcome.Id!.Value, SameInformation, await access.ScopeAsync(User, ct), User.Identity!.Name!, ct);
            if (!tied.Succeeded)
            {
                db.ChangeTracker.Clear();
                await step.RollbackAsync(ct);
                outcome = new PublicationOutcome(null, tied.Errors);
            }
        }

        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors;
            if (outcome.FileStatus is { } status)
            {
                Response.StatusCode = status;
            }

            await LoadAsync(ct);
            return Page();
        }

        audit.Add(AuditActions.PublicationSaved, $"文件 {outcome.Id}", $"《{Title?.Trim()}》", AgencyId);
        await db.SaveChangesAsync(ct);
        await step.CommitAsync(ct);
        return Redirect($"/admin/publications/{outcome.Id}");
    }

    /// <summary>The group's requests must exist and be the user's to act on: otherwise 404 or 403, before anything is shown or written.</summary>
    private async Task<IActionResult?> SameInformationRefusalAsync(CancellationToken ct)
    {
        var ids = SameInformation.Distinct().ToList();
        var agencies = await db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.AgencyId).ToListAsync(ct);
        if (agencies.Count != ids.Count)
        {
            return NotFound();
        }

        foreach (var agency in agencies.Distinct())
        {
            if (!await access.CanAccessAsync(User, agency, ct))
            {
                return Forbid();
            }
        }

        return null;
    }

    /// <summary>An attachment that ran out of its time budget is a refusal like any other, with its 503.</summary>
    private static async Task<PublicationOutcome> SaveAsync(Func<Task<PublicationOutcome>> save)
    {
        try
        {
            return await save();
        }
        catch (UntrustedFileException e)
        {
            return PublicationOutcome.Refused("Attachments", e.Message) with { FileStatus = e.StatusCode };
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Agencies = await access.ActiveAgenciesAsync(User, ct);
        if (AgencyId == 0 && Agencies.Count > 0)
        {
            AgencyId = Agencies[0].Id;
        }

        Categories = AgencyId == 0 ? [] : await store.CategoriesAsync(AgencyId, ct);
        if (Id is { } id)
        {
            Existing ??= await db.Publications.AsNoTracking().Include(p => p.Attachments).FirstOrDefaultAsync(p => p.Id == id, ct);
            Attachments = Existing?.Attachments.OrderBy(a => a.Order).ToList() ?? [];
        }

        Policy = Interprets is { } policyId ? await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == policyId, ct) : null;
        if (Policy is not null && !await access.CanAccessAsync(User, Policy.AgencyId, ct))
        {
            Policy = null;
        }
    }
}

using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Requests;

namespace Gongkai.Web.Requests;

/// <summary>The application form's fields, shared by the public form and the clerk's entry form.</summary>
public sealed class ApplicationForm
{
    public ApplicantType ApplicantType { get; set; } = ApplicantType.NaturalPerson;
    public string? ApplicantName { get; set; }
    public IdentityDocumentType IdType { get; set; } = IdentityDocumentType.ResidentIdCard;
    public string? IdNumber { get; set; }
    public string? ContactPerson { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? InformationTitle { get; set; }
    public string? DocumentNumber { get; set; }
    public string? Description { get; set; }
    public ProvisionForm ProvisionForm { get; set; } = ProvisionForm.Electronic;
    public ObtainMethod ObtainMethod { get; set; } = ObtainMethod.Online;
    /// <summary>Art. 43: the boxes ticked (several values of one name bind to a list).</summary>
    public List<AssistanceNeeds> Assistance { get; set; } = [];
    public string? AssistanceDetail { get; set; }

    public RequestApplication ToApplication() => new()
    {
        ApplicantType = ApplicantType,
        ApplicantName = ApplicantName,
        IdType = IdType,
        IdNumber = IdNumber is null ? null : IdentityDocument.IsValid(IdType, IdNumber) ? IdNumber : IdNumber.Trim().ToUpperInvariant(),
        ContactPerson = ContactPerson,
        Phone = Phone,
        Email = Email,
        Address = Address,
        Postcode = Postcode,
        InformationTitle = InformationTitle,
        DocumentNumber = DocumentNumber,
        Description = Description,
        ProvisionForm = ProvisionForm,
        ObtainMethod = ObtainMethod,
        Assistance = Assistance.Aggregate(AssistanceNeeds.None, (all, one) => all | one),
        AssistanceDetail = AssistanceDetail,
    };

    /// <summary>
    /// Before a refused form is shown again: no field longer than it may be. A browser never sends more (the fields
    /// carry maxlength); a script may post megabytes, and the page must not send them back.
    /// </summary>
    public void CapForRedisplay()
    {
        ApplicantName = FormEcho.Cap(ApplicantName, 100);
        IdNumber = FormEcho.Cap(IdNumber, 50);
        ContactPerson = FormEcho.Cap(ContactPerson, 50);
        Phone = FormEcho.Cap(Phone, 50);
        Email = FormEcho.Cap(Email, 100);
        Address = FormEcho.Cap(Address, 200);
        Postcode = FormEcho.Cap(Postcode, 10);
        InformationTitle = FormEcho.Cap(InformationTitle, 200);
        DocumentNumber = FormEcho.Cap(DocumentNumber, 100);
        Description = FormEcho.Cap(Description, 2000);
        AssistanceDetail = FormEcho.Cap(AssistanceDetail, 200);
    }

    /// <summary>
    /// Reads and checks the uploaded files within the upload limits and time budget; the errors say which file and why,
    /// and <c>Status</c> is the HTTP status of the first refusal (413 too large, 422 anything else).
    /// </summary>
    public static async Task<(List<RequestStore.NewAttachment> Files, List<string> Errors, int? Status)> ReadAttachmentsAsync(
        IEnumerable<IFormFile> uploads, UntrustedFileLimits limits, CancellationToken ct)
    {
        var files = new List<RequestStore.NewAttachment>();
        var errors = new List<string>();
        var list = uploads.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (list.Count > AttachmentRules.MaxFiles)
        {
            errors.Add($"附件最多 {AttachmentRules.MaxFiles} 个。");
            return (files, errors, UntrustedFileException.UnreadableStatus);
        }

        int? status = null;
        foreach (var upload in list)
        {
            var name = AttachmentRules.SafeName(upload.FileName);
            if (upload.Length > AttachmentRules.MaxBytes)
            {
                errors.Add($"附件“{name}”超过 10 MB。");
                status ??= UntrustedFileException.TooLargeStatus;
                continue;
            }

            await using var stream = upload.OpenReadStream();
            var content = await UntrustedFiles.ReadAllAsync(stream, AttachmentRules.MaxBytes, ct);
            if (UntrustedFiles.Run(limits, ct, budget => AttachmentRules.Refusal(name, content, budget)) is { } refusal)
            {
                errors.Add(refusal.Message);
                status ??= refusal.StatusCode;
                continue;
            }

            files.Add(new RequestStore.NewAttachment(name, AttachmentRules.ContentTypeOf(content)!, content));
        }

        return (files, errors, status);
    }
}

/// <summary>What a refused form sends back of a field: at most what the field may hold.</summary>
public static class FormEcho
{
    public static string? Cap(string? value, int max) => value is { Length: var n } && n > max ? value[..max] : value;
}

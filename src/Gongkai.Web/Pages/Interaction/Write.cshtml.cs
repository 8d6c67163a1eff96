using Gongkai.Core.Agencies;
using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Interaction;
using Gongkai.Infrastructure.Publications;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Pages.Shared;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Interaction;

/// <summary>The public form for a letter to the mailbox, a complaint or an inquiry.</summary>
[EnableRateLimiting(RateLimits.Letters)]
[RequestSizeLimit(AttachmentRules.MaxFiles * AttachmentRules.MaxBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentRules.MaxFiles * AttachmentRules.MaxBytes + 1_000_000)]
public sealed class WriteModel(PortalContext portal, LetterStore store, RequestDay day) : PageModel
{
    [BindProperty(SupportsGet = true)] public InteractionChannel Channel { get; set; } = InteractionChannel.Inquiry;
    [BindProperty] public LetterForm Form { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public Agency? Agency { get; private set; }
    public InteractionChannelSettings Settings { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var files = new List<NewPublicationFile>();
        foreach (var upload in Files.Where(f => f.Length > 0).Take(AttachmentRules.MaxFiles + 1))
        {
            if (upload.Length > AttachmentRules.MaxBytes)
            {
                Errors = new Dictionary<string, string> { ["Files"] = $"附件“{AttachmentRules.SafeName(upload.FileName)}”超过 10 MB。" };
                Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                Form.CapForRedisplay();
                return Page();
            }

            await using var stream = upload.OpenReadStream();
            files.Add(new NewPublicationFile(upload.FileName, await Gongkai.Infrastructure.Files.UntrustedFiles.ReadAllAsync(stream, AttachmentRules.MaxBytes, ct)));
        }

        var outcome = await store.SubmitAsync(Agency!.Id, Form.ToInput(Channel), files, day.Today, ct: ct);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors;
            if (outcome.FileStatus is { } status)
            {
                Response.StatusCode = status;
            }

            Form.CapForRedisplay();
            return Page();
        }

        TempData["LetterCode"] = outcome.Letter!.TrackingCode;
        return Redirect($"/interaction/received?agency={Agency.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Agency = await portal.CurrentAgencyAsync(HttpContext);
        if (Agency is null || !Enum.IsDefined(Channel))
        {
            return NotFound();
        }

        Settings = await store.SettingsAsync(Agency.Id, Channel, ct);
        return Settings.Enabled ? null : NotFound();
    }
}

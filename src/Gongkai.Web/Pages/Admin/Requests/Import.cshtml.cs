using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Requests;

/// <summary>
/// Historic ledgers in: all rows checked, all or nothing. The file is read within the upload limits (its size is set
/// in GongkaiWeb from configuration); a file refused by them is answered on this page with 413, 422 or 503.
/// </summary>
public sealed class ImportModel(LedgerImport import, StaffAccess access, AuditTrail audit, Gongkai.Infrastructure.Persistence.GongkaiDbContext db, UntrustedFileLimits limits, RequestDay day) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<LedgerImport.RowError> Errors { get; private set; } = [];

    /// <summary>Why the file itself could not be read (not a row's problem).</summary>
    public string? FileError { get; private set; }

    private bool MayImport => StaffAuthorization.May(User, StaffOperations.Requests.ImportLedger);

    public IActionResult OnGet() => MayImport ? Page() : Forbid();

    public IActionResult OnGetTemplate()
    {
        if (!MayImport)
        {
            return Forbid();
        }

        var sample = Spreadsheet.Write(new Spreadsheet.Sheet("台账", [
            HistoricCase.Columns,
            ["11999999000000002Y", "自然人", "张三", "当面提交", "2023-03-01", "2022 年示例区道路维修计划", "予以公开", "2023-03-20", "", "", ""],
        ]));
        return File(sample, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "台账导入模板.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayImport)
        {
            return Forbid();
        }

        if (Upload is not { Length: > 0 })
        {
            Errors = [new LedgerImport.RowError(0, ["请选择 .xlsx 或 .csv 文件"])];
            return Page();
        }

        List<List<string>> rows;
        try
        {
            if (Upload.Length > limits.MaxUploadBytes)
            {
                throw UntrustedFiles.TooLarge(limits.MaxUploadBytes);
            }

            await using var stream = Upload.OpenReadStream();
            var bytes = await UntrustedFiles.ReadAllAsync(stream, limits.MaxUploadBytes, ct);
            rows = UntrustedFiles.Run(limits, ct, budget => bytes.AsSpan().StartsWith("PK"u8) ? Spreadsheet.ReadXlsx(new MemoryStream(bytes), budget) : Spreadsheet.ReadCsv(bytes, budget));
        }
        catch (UntrustedFileException e)
        {
            FileError = $"文件无法导入：{e.Message}";
            Response.StatusCode = e.StatusCode;
            return Page();
        }

        var actor = new Actor(User.Identity!.Name!, StaffClaims.NameOf(User));
        var scope = await access.ScopeAsync(User, ct);
        await using var step = await audit.BeginStepAsync(ct);
        var result = await import.ImportAsync(rows, scope, actor, day.Today, ct);
        if (result.Errors.Count > 0)
        {
            // The file was read but its rows cannot be imported: nothing was written (422, as for a damaged file).
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        audit.Add(AuditActions.LedgerImported, Upload.FileName, $"导入 {result.Imported} 件历史申请");
        await db.SaveChangesAsync(ct);
        await step.CommitAsync(ct);
        TempData["Message"] = $"已导入 {result.Imported} 件历史申请。";
        return Redirect("/admin/requests/ledger");
    }
}

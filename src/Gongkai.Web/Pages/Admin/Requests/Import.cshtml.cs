using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Requests;

/// <summary>Historic ledgers in: all rows checked, all or nothing.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 20 * 1024 * 1024)]
[RequestSizeLimit(20 * 1024 * 1024)]
public sealed class ImportModel(LedgerImport import, StaffAccess access, AuditTrail audit, Gongkai.Infrastructure.Persistence.GongkaiDbContext db) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<LedgerImport.RowError> Errors { get; private set; } = [];

    private bool MayImport => RequestPermissions.May(User, RequestPermissions.Action.ReadPersonalData);

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
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            rows = bytes.AsSpan().StartsWith("PK"u8) ? Spreadsheet.ReadXlsx(new MemoryStream(bytes)) : Spreadsheet.ReadCsv(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or IOException)
        {
            Errors = [new LedgerImport.RowError(0, ["文件无法读取，请确认是 .xlsx 或 .csv 格式"])];
            return Page();
        }

        var actor = new Actor(User.Identity!.Name!, StaffClaims.NameOf(User));
        var result = await import.ImportAsync(rows, await access.ScopeAsync(User, ct), actor, ct);
        if (result.Errors.Count > 0)
        {
            Errors = result.Errors;
            return Page();
        }

        audit.Add(AuditActions.LedgerImported, Upload.FileName, $"导入 {result.Imported} 件历史申请");
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"已导入 {result.Imported} 件历史申请。";
        return Redirect("/admin/requests/ledger");
    }
}

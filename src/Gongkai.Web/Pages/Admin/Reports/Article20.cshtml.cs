using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>Staff enter the Art. 20 figures of an agency's year; publishers and office heads may change them.</summary>
public sealed class Article20Model(GongkaiDbContext db, StaffAccess access, IArticle20Source source, AuditTrail audit, ReportContentStore content, UntrustedFileLimits limits, RequestDay day) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "agency")] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    public List<Agency> Agencies { get; private set; } = [];
    public Article20Figures Figures { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public List<string> Errors { get; } = [];

    /// <summary>第二十条第（一）项 is counted from the catalog's documents (its cells are shown, not entered).</summary>
    public bool CountedFromRecords { get; private set; }
    public bool MayEdit => StaffAuthorization.May(User, StaffOperations.Reports.Write);

    /// <summary>The items staff do not enter (counted from the catalog), left out of the import template.</summary>
    private IReadOnlyCollection<string> ReadOnlyItems => CountedFromRecords ? [Gongkai.Core.Publications.Article20Counting.Item] : [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        var values = new List<Article20Value>();
        foreach (var table in Figures.Tables)
        {
            foreach (var row in table.Rows)
            {
                foreach (var column in table.Columns)
                {
                    var text = Request.Form[$"{table.Item}|{row}|{column}"].ToString().Trim();
                    if (text.Length == 0)
                    {
                        text = "0";
                    }

                    if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                    {
                        Errors.Add($"{table.Item} · {row} · {column}：“{text}”不是数字。");
                    }
                    else if (Article20Figures.Validate(table, column, value) is { } problem)
                    {
                        Errors.Add($"{table.Item} · {row} · {column}：{problem}");
                    }
                    else
                    {
                        values.Add(new Article20Value(table, row, column, value));
                    }
                }
            }
        }

        return await SaveAsync(values, "已保存主动公开数据。", null, ct);
    }

    /// <summary>A workbook of the cells to fill (项目, 行, 列, 数值) with the current values; the counted item is left out.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var content = Article20Workbook.Template(Figures, AgencyName, Year!.Value, ReadOnlyItems);
        return File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"第二十条数据-{AgencyName}-{Year}.xlsx");
    }

    /// <summary>A filled template in: every row checked first; one bad row and nothing is written.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? upload, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        if (upload is not { Length: > 0 })
        {
            Errors.Add("请选择要导入的 .xlsx 文件。");
            return Page();
        }

        List<List<string>> rows;
        try
        {
            if (upload.Length > limits.MaxUploadBytes)
            {
                throw UntrustedFiles.TooLarge(limits.MaxUploadBytes);
            }

            await using var stream = upload.OpenReadStream();
            var bytes = await UntrustedFiles.ReadAllAsync(stream, limits.MaxUploadBytes, ct);
            rows = UntrustedFiles.Run(limits, ct, budget => Spreadsheet.ReadXlsx(new MemoryStream(bytes), budget));
        }
        catch (UntrustedFileException e)
        {
            Errors.Add($"文件无法读取，请上传由模板填写的 .xlsx 文件。{e.Message}");
            Response.StatusCode = e.StatusCode;
            return Page();
        }

        var (values, errors) = Article20Workbook.Read(rows, Figures, ReadOnlyItems);
        Errors.AddRange(errors);
        var saved = await SaveAsync(values, $"已从“{Path.GetFileName(upload.FileName)}”导入 {values.Count} 个数据。", Path.GetFileName(upload.FileName), ct);
        if (Errors.Count > 0)
        {
            // The file was read but nothing of it could be saved.
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return saved;
    }

    /// <summary>The one way figures are written, for the form and the import alike: refused when the year is locked, audited.</summary>
    private async Task<IActionResult> SaveAsync(IReadOnlyList<Article20Value> values, string message, string? file, CancellationToken ct)
    {
        if (Errors.Count > 0)
        {
            return Page();
        }

        var agencyId = AgencyId!.Value;
        var year = Year!.Value;
        // The entry joins the unit of work: the store saves it with the figures in one SaveChanges, a refusal clears both.
        audit.Add(AuditActions.Article20Saved, $"{AgencyName} {year} 年", file is null ? null : $"从 {file} 导入", agencyId);
        try
        {
            await content.SaveArticle20Async(agencyId, year, values, User.Identity!.Name!, ct);
        }
        catch (ReportLifecycleException e)
        {
            db.ChangeTracker.Clear();
            Errors.Add(e.Message);
            return Page();
        }

        TempData["Message"] = message;
        return Redirect($"/admin/reports/article20?agency={agencyId}&year={year}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Agencies = await access.ActiveAgenciesAsync(User, ct);
        AgencyId ??= StaffClaims.AgencyOf(User) ?? Agencies.FirstOrDefault()?.Id;
        Year ??= day.Today.Year - 1;
        if (AgencyId is not { } agencyId || Year is not (>= 2019 and <= 2100))
        {
            return NotFound();
        }

        if (!await access.CanAccessAsync(User, agencyId, ct))
        {
            return Forbid();
        }

        AgencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.FullName).SingleAsync(ct);
        Figures = await source.GetAsync([agencyId], Year.Value, ReportFormats.ForYear(Year.Value), ct);
        CountedFromRecords = await db.Publications.AnyAsync(p => p.AgencyId == agencyId
            && (p.Type == Gongkai.Core.Publications.PublicationType.Regulation || p.Type == Gongkai.Core.Publications.PublicationType.NormativeDocument), ct);
        return null;
    }
}

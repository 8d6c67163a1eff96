using System.Collections.Concurrent;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Reports;

/// <summary>One published report, as published (its snapshot), with its charts and downloads.</summary>
public sealed class ViewModel(GongkaiDbContext db) : PageModel
{
    // Published reports change only when republished (a new version): their rendered page is kept.
    // Keyed by the snapshot itself too: one process may serve several databases (tests, several hosts).
    private static readonly ConcurrentDictionary<(int Id, int Version, int Snapshot), string> Rendered = new();

    public string Title { get; private set; } = "";
    public string Article { get; private set; } = "";
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (record, report) = await LoadAsync(id, ct);
        if (report is null)
        {
            return NotFound();
        }

        Id = id;
        Title = report.Title;
        var key = (id, record!.Version, StringComparer.Ordinal.GetHashCode(record.PublishedSnapshot!));
        if (!Rendered.TryGetValue(key, out var article))
        {
            article = ReportHtml.Article(report, ReportCharts.For(report));
            if (Rendered.Count > 200)
            {
                Rendered.Clear();
            }

            Rendered[key] = article;
        }

        Article = article;
        return Page();
    }

    /// <summary>The published report as a file: docx, pdf, xlsx, html or json.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, string format, CancellationToken ct)
    {
        var extension = "." + format;
        var (_, report) = await LoadAsync(id, ct);
        if (report is null || !ReportExports.ContentTypes.TryGetValue(extension, out var type))
        {
            return NotFound();
        }

        return File(ReportExports.Export(report, extension), type, ReportExports.FileName(report, extension));
    }

    private async Task<(AnnualReportRecord? Record, AnnualReportModel? Report)> LoadAsync(int id, CancellationToken ct)
    {
        var record = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.PublishedSnapshot != null, ct);
        if (record is null)
        {
            return (null, null);
        }

        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == record.AgencyId, ct);
        return (record, ReportJson.Read(record.PublishedSnapshot!, agency));
    }
}

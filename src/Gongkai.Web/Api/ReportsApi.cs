using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Web.Api.Problems;

namespace Gongkai.Web.Api;

/// <summary><c>/api/reports</c>: the annual reports published on the portal, each as published (public information).</summary>
public static class ReportsApi
{
    public sealed record PublishedReportDto(int Id, string Title, string Agency, string CreditCode, int Year, bool Subtree, DateOnly? PublishedOn, DateOnly? CorrectedOn, string Url, string Json);

    public static void MapReportsApi(this IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("年度报告");
        reports.MapGet("/", ListReports).WithSummary("门户网站上发布的全部年度报告（公开信息）");
        reports.MapGet("/{id:int}", GetReport).WithSummary("一份发布的年度报告，gongkai.annual-report.v1 格式（docs/report-json.md）");
    }

    private static async Task<Ok<List<PublishedReportDto>>> ListReports(ReportLifecycle lifecycle, CancellationToken ct)
    {
        var published = await lifecycle.PublishedAsync(ct);
        return TypedResults.Ok(published.Select(p => new PublishedReportDto(p.Record.Id, ReportTitle.Of(p.Record, p.Agency), p.Agency.FullName,
            p.Agency.CreditCode, p.Record.Year, p.Record.Subtree, p.Record.PublishedOn, p.Record.CorrectedOn, $"/reports/{p.Record.Id}", $"/api/reports/{p.Record.Id}")).ToList());
    }

    /// <summary>The report as published: the same JSON as the export, never the records' current figures.</summary>
    private static async Task<IResult> GetReport(int id, GongkaiDbContext db, CancellationToken ct)
    {
        var snapshot = await db.AnnualReports.AsNoTracking().Where(r => r.Id == id && r.PublishedSnapshot != null).Select(r => r.PublishedSnapshot).FirstOrDefaultAsync(ct);
        return snapshot is null ? NotFound($"没有编号为 {id} 的已发布年度报告。") : TypedResults.Text(snapshot, "application/json; charset=utf-8");
    }
}

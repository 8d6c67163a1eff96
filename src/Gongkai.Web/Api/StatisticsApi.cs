using System.Globalization;
using System.Text;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Statistics;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using static Gongkai.Web.Api.Problems;

namespace Gongkai.Web.Api;

/// <summary>
/// <c>GET /api/statistics</c>: the public statistics of an agency and every agency under it for one year, as JSON or
/// CSV (open data; docs/statistics.md is the schema). Counts only, never anything about an applicant.
/// </summary>
public static class StatisticsApi
{
    public const string Schema = "gongkai.statistics.v1";

    public static void MapStatisticsApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/statistics", Get).WithTags("公开统计").RequireRateLimiting(Gongkai.Web.Security.RateLimits.Search)
            .WithSummary("政府信息公开统计：agency（机关编号，含下级机关；默认门户所属机关）在 year 年度（默认上一年度）的申请、办理结果、按期办结、行政复议和诉讼、互动交流数字；format=json（默认）或 csv。字段说明见 docs/statistics.md。");

    public sealed record StatisticsParameters(string? Agency, string? Year, string? Format);

    /// <summary>The JSON document: its schema name, the year, and one entry per agency (the agency asked for first).</summary>
    public sealed record StatisticsDocument(string Schema, int Year, IReadOnlyList<AgencyYearFigures> Agencies);

    private static async Task<IResult> Get([AsParameters] StatisticsParameters p, PublicStatistics statistics, GongkaiDbContext db,
        PortalContext portal, HttpContext context, CancellationToken ct)
    {
        var format = string.IsNullOrWhiteSpace(p.Format) ? "json" : p.Format.Trim().ToLowerInvariant();
        if (format is not ("json" or "csv"))
        {
            return BadRequest("参数 format 应为 json 或 csv。");
        }

        var year = statistics.DefaultYear();
        if (!string.IsNullOrWhiteSpace(p.Year))
        {
            if (!int.TryParse(p.Year, NumberStyles.None, CultureInfo.InvariantCulture, out year) || !statistics.Years().Contains(year))
            {
                return BadRequest($"参数 year 应为 {PublicStatistics.FirstYear}–{statistics.Years()[0]} 之间的年份。");
            }
        }

        var (agency, problem) = await AgencyParameter.FindAsync(p.Agency, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        agency ??= await portal.CurrentAgencyAsync(context);
        if (agency is null)
        {
            return NotFound("本平台尚未设置机关。");
        }

        var agencies = new[] { agency }.Concat(await portal.AgenciesUnderAsync(agency));
        var figures = await statistics.ForAsync(agencies, year, ct);
        if (format == "json")
        {
            return TypedResults.Ok(new StatisticsDocument(Schema, year, figures));
        }

        var file = StatisticsCsv.Write(figures);
        return TypedResults.File(file, "text/csv; charset=utf-8", $"statistics-{agency.Id}-{year}.csv");
    }
}

/// <summary>The CSV form of the statistics: one row per agency, the JSON field names as the header; UTF-8 with a BOM (for Excel).</summary>
public static class StatisticsCsv
{
    public static readonly string[] Header =
    [
        "agencyId", "agency", "year", "fromApprovedReport", "received", "carriedIn", "decided", "decidedOnTime", "carriedOut",
        "disclosed", "partiallyDisclosed", "withheld", "unavailable", "notProcessed", "otherHandling",
        "reconsiderations", "reconsiderationsCorrected", "lawsuits", "lawsuitsCorrected",
        "lettersReceived", "lettersAnswered", "lettersAnsweredOnTime",
    ];

    public static byte[] Write(IEnumerable<AgencyYearFigures> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Header).Append("\r\n");
        foreach (var f in rows)
        {
            object?[] values =
            [
                f.AgencyId, Quote(f.Agency), f.Year, f.FromApprovedReport ? "true" : "false", f.Received, f.CarriedIn, f.Decided, f.DecidedOnTime, f.CarriedOut,
                f.Disclosed, f.PartiallyDisclosed, f.Withheld, f.Unavailable, f.NotProcessed, f.OtherHandling,
                f.Reconsiderations, f.ReconsiderationsCorrected, f.Lawsuits, f.LawsuitsCorrected,
                f.LettersReceived, f.LettersAnswered, f.LettersAnsweredOnTime,
            ];
            text.AppendJoin(',', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A text field quoted when it needs it; a leading =, +, - or @ is prefixed so that a spreadsheet never runs it as a formula.</summary>
    private static string Quote(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}

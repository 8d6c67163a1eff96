using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Infrastructure.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using static Gongkai.Web.Api.Problems;

namespace Gongkai.Web.Api;

/// <summary><c>/api/calendar</c>: the official holiday schedule of a year, and working days counted on it (public information).</summary>
public static class CalendarApi
{
    public sealed record CalendarYearDto(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> Workdays, IReadOnlyList<string> Sources);

    /// <summary><see cref="Provisional"/>: the result lies beyond the official schedule and is reckoned from the law's festivals and weekends.</summary>
    public sealed record WorkingDaysDto(DateOnly Start, int WorkingDays, DateOnly Result, bool Provisional);

    public static void MapCalendarApi(this IEndpointRouteBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("工作日");
        calendar.MapGet("/{year:int}", GetYear).WithSummary("某年的节假日和调休上班日");
        calendar.MapGet("/add", AddWorkingDays).WithSummary("某日之后第 N 个工作日（不含当日）");
    }

    private static async Task<Results<Ok<CalendarYearDto>, ProblemHttpResult>> GetYear(int year, CalendarStore store, CancellationToken ct)
    {
        var calendar = await store.GetCalendarAsync(ct);
        return calendar.Schedule.Year(year) is { } y
            ? TypedResults.Ok(new CalendarYearDto(y.Year, y.Holidays.Order().ToList(), y.Workdays.Order().ToList(), y.Sources))
            : NotFound($"节假日安排中没有 {year} 年的数据（现有 {calendar.Schedule.FirstYear}–{calendar.Schedule.LastYear} 年）。");
    }

    private static async Task<Results<Ok<WorkingDaysDto>, ProblemHttpResult>> AddWorkingDays(string? date, int? days, CalendarStore store, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return BadRequest("参数 date 应为 yyyy-MM-dd 格式的日期。");
        }

        if (days is not (>= 0 and <= 400))
        {
            return BadRequest("参数 days 应为 0 到 400 之间的整数。");
        }

        try
        {
            var calendar = await store.GetCalendarAsync(ct);
            var counted = calendar.Count(start, days.Value);
            return TypedResults.Ok(new WorkingDaysDto(start, days.Value, counted.Date, counted.Provisional));
        }
        catch (DateOutsideCalendarException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "超出节假日安排的范围");
        }
    }
}

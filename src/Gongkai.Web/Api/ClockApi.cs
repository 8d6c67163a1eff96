using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Web.Security;

namespace Gongkai.Web.Api;

/// <summary>
/// <c>POST /api/clock</c>: the deadline calculator — a request's timeline in, its due date and the explanation out,
/// by the same rules the workflow applies (<see cref="DeadlineCalculator"/>). The same JSON as <c>gongkai clock</c>.
/// </summary>
public static class ClockApi
{
    public const int MaxBytes = 64 * 1024;

    public static void MapClockApi(this IEndpointRouteBuilder api) =>
        api.MapPost("/clock", Calculate).WithTags("工作日").DisableAntiforgery().RequireRateLimiting(RateLimits.Calculator)
            .Accepts<string>("application/json")
            .Produces<string>(StatusCodes.Status200OK, "application/json").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("答复期限计算器：请求体为时间线 JSON（channel、arrivedOn、receivedOn、events、asOf，见 README），返回 dueOn、provisional、state、refused 和 explanation");

    private static async Task<IResult> Calculate(HttpRequest request, CalendarStore calendars, RequestDay day, CancellationToken ct)
    {
        string body;
        using (var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8))
        {
            var buffer = new char[MaxBytes + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
            if (read > MaxBytes)
            {
                return TypedResults.Problem($"时间线超过 {MaxBytes / 1024} KB。", statusCode: StatusCodes.Status413PayloadTooLarge, title: "提交的内容太大");
            }

            body = new string(buffer, 0, read);
        }

        DeadlineCalculator.Timeline timeline;
        try
        {
            timeline = DeadlineCalculator.Parse(body);
        }
        catch (TimelineInputException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "时间线有误",
                extensions: new Dictionary<string, object?> { ["field"] = e.Field });
        }

        var result = DeadlineCalculator.Run(timeline, await calendars.GetCalendarAsync(ct), day.Today);
        return TypedResults.Text(DeadlineCalculator.Json(result), "application/json; charset=utf-8");
    }
}

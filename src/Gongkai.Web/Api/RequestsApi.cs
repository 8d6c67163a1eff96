using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Web.Api.Problems;

namespace Gongkai.Web.Api;

/// <summary>
/// <c>/api/requests</c>: requests forwarded by another system (with an API key), and the applicant's progress query
/// by tracking code and the last four digits of the phone number.
/// </summary>
public static class RequestsApi
{
    public sealed record ForwardedRequest(int AgencyId, RequestApplication Application);

    public sealed record FiledDto(string TrackingCode, string Status, DateOnly SubmittedOn);

    public sealed record StatusQuery(string? Code, string? PhoneTail);

    /// <summary><see cref="Provisional"/>: the due date rests on days beyond the published holiday schedule and may move when it is imported.</summary>
    public sealed record StatusDto(string TrackingCode, string Status, string StatusName, DateOnly SubmittedOn, DateOnly? ReceivedOn, DateOnly? Due,
        bool Provisional, string ClockState, DateOnly? DecidedOn, string? OutcomeCategory, IReadOnlyList<string> Explanation);

    public static void MapRequestsApi(this IEndpointRouteBuilder api)
    {
        var requests = api.MapGroup("/requests").WithTags("依申请公开");
        requests.MapPost("/", FileRequest).RequireAuthorization(StaffPolicies.ApiClient)
            .WithSummary("转来的政府信息公开申请（需 API 密钥：Authorization: ApiKey …）");
        requests.MapPost("/status", RequestStatusOf).RequireRateLimiting(RateLimits.Tracking)
            .Produces<StatusDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests).WithSummary("凭查询码和联系电话后四位查询办理进度");
    }

    /// <summary>
    /// A request forwarded by another system (a provincial platform): like an online application, the office still
    /// confirms it, and that day is the day of receipt (Art. 31).
    /// </summary>
    private static async Task<Results<Created<FiledDto>, ValidationProblem, ProblemHttpResult>> FileRequest(
        ForwardedRequest input, HttpContext http, GongkaiDbContext db, RequestStore store, RequestDay day, CancellationToken ct)
    {
        if (!ApiKeyHandler.MayFileWith(http.User, input.AgencyId))
        {
            return Forbidden("该 API 密钥不能向这个机关提交申请。");
        }

        if (!await db.Agencies.AnyAsync(a => a.Id == input.AgencyId && a.IsActive, ct))
        {
            return NotFound($"没有编号为 {input.AgencyId} 的机关。");
        }

        var errors = input.Application.Validate();
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var by = new Actor(http.User.Identity!.Name!, "转办系统");
        var created = await store.CreateAsync(input.AgencyId, input.Application, Channel.Online, by, day.Today, null, [], ct);
        var dto = new FiledDto(RequestStore.FormatCode(created.Record.TrackingCode), created.Request.Status.ToString(), created.Request.SubmittedOn);
        return TypedResults.Created("/api/requests/status", dto);
    }

    private static async Task<IResult> RequestStatusOf(StatusQuery query, RequestStore store, TrackingGuard guard, HttpContext http, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(query.Code) && await guard.WaitForCodeAsync(query.Code) is var wait && wait > TimeSpan.Zero)
        {
            await RateLimits.Refuse(http, StatusCodes.Status429TooManyRequests, "请求过于频繁", TrackingGuard.Message(wait), wait);
            return Results.Empty;
        }

        var loaded = string.IsNullOrWhiteSpace(query.Code) ? null : await store.FindByTrackingCodeAsync(query.Code, ct);
        if (loaded is null || string.IsNullOrWhiteSpace(query.PhoneTail) || RequestApplication.PhoneTail(loaded.Record.Phone) != query.PhoneTail.Trim())
        {
            if (loaded is not null)
            {
                await guard.WrongTailAsync(query.Code!);
            }

            return NotFound("查询码或联系电话后四位不正确。");
        }

        await guard.OpenedAsync(query.Code!);

        var request = loaded.Request;
        var deadline = await store.DeadlineAsync(request, ct);
        return TypedResults.Ok(new StatusDto(RequestStore.FormatCode(loaded.Record.TrackingCode), request.Status.ToString(), request.Status.DisplayName(),
            request.SubmittedOn, request.ReceivedOn, deadline.Due, deadline.Provisional, deadline.State.ToString(), request.Decision?.On,
            request.Decision?.Outcome.Category().DisplayName(), deadline.Explanation));
    }
}

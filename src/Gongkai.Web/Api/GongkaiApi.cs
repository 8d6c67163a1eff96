using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Agencies;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>The JSON API. Reads of public information are open; changes need a staff cookie and the right role and agency.</summary>
public static class GongkaiApi
{
    public static IEndpointRouteBuilder MapGongkaiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        var agencies = api.MapGroup("/agencies").WithTags("机关");
        agencies.MapGet("/", ListAgencies).WithSummary("启用中的机关（公开信息）");
        agencies.MapGet("/{id:int}", GetAgency).WithSummary("一个机关（公开信息）");
        agencies.MapPost("/", CreateAgency).RequireAuthorization(StaffPolicies.Administrator).WithSummary("新增机关（管理员）");
        agencies.MapPut("/{id:int}", UpdateAgency).RequireAuthorization(StaffPolicies.Administrator).WithSummary("修改或移动机关（管理员）");

        var calendar = api.MapGroup("/calendar").WithTags("工作日");
        calendar.MapGet("/{year:int}", GetYear).WithSummary("某年的节假日和调休上班日");
        calendar.MapGet("/add", AddWorkingDays).WithSummary("某日之后第 N 个工作日（不含当日）");

        var requests = api.MapGroup("/requests").WithTags("依申请公开");
        requests.MapPost("/", FileRequest).RequireAuthorization(StaffPolicies.ApiClient)
            .WithSummary("转来的政府信息公开申请（需 API 密钥：Authorization: ApiKey …）");
        requests.MapPost("/status", RequestStatusOf).RequireRateLimiting(RateLimits.Tracking)
            .Produces<StatusDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests).WithSummary("凭查询码和联系电话后四位查询办理进度");

        var reports = api.MapGroup("/reports").WithTags("年度报告");
        reports.MapGet("/", ListReports).WithSummary("门户网站上发布的全部年度报告（公开信息）");
        reports.MapGet("/{id:int}", GetReport).WithSummary("一份发布的年度报告，gongkai.annual-report.v1 格式（docs/report-json.md）");

        var uploads = app.ServiceProvider.GetRequiredService<UntrustedFileLimits>();
        api.MapPost("/check", CheckReport).WithTags("年度报告").DisableAntiforgery().RequireRateLimiting(RateLimits.Checker)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(uploads.MaxUploadBytes + UploadLimits.FormOverhead))
            .WithSummary("检查一份已发布的年度报告：请求体为文件本身（文本、网页、.docx、PDF），或 multipart/form-data 的 file 字段；返回 gongkai.report-check.v1（docs/report-check.md）");

        SearchApi.Map(api);
        ClockApi.Map(api);
        PublicationsApi.Map(api);

        var audit = api.MapGroup("/audit").WithTags("审计日志").RequireAuthorization(StaffPolicies.Administrator);
        audit.MapGet("/", ListAudit).WithSummary("工作人员操作记录（管理员）");
        return app;
    }

    public sealed record AgencyDto(int Id, string FullName, string ShortName, string CreditCode, AgencyLevel Level, int? ParentId, bool IsActive, ContactDto Contact)
    {
        public static AgencyDto From(Agency a) => new(a.Id, a.FullName, a.ShortName, a.CreditCode, a.Level, a.ParentId, a.IsActive,
            new ContactDto(a.Contact.OfficeName, a.Contact.Address, a.Contact.Postcode, a.Contact.Phone, a.Contact.OfficeHours, a.Contact.Email));
    }

    public sealed record ContactDto(string? OfficeName, string? Address, string? Postcode, string? Phone, string? OfficeHours, string? Email);

    public sealed record PublishedReportDto(int Id, string Title, string Agency, string CreditCode, int Year, bool Subtree, DateOnly? PublishedOn, DateOnly? CorrectedOn, string Url, string Json);

    private static async Task<Ok<List<PublishedReportDto>>> ListReports(Gongkai.Infrastructure.AnnualReports.ReportLifecycle lifecycle, CancellationToken ct)
    {
        var published = await lifecycle.PublishedAsync(ct);
        return TypedResults.Ok(published.Select(p => new PublishedReportDto(p.Record.Id, Gongkai.Web.Pages.Reports.IndexModel.Title(p.Record, p.Agency), p.Agency.FullName,
            p.Agency.CreditCode, p.Record.Year, p.Record.Subtree, p.Record.PublishedOn, p.Record.CorrectedOn, $"/reports/{p.Record.Id}", $"/api/reports/{p.Record.Id}")).ToList());
    }

    /// <summary>The report as published: the same JSON as the export, never the records' current figures.</summary>
    private static async Task<IResult> GetReport(int id, GongkaiDbContext db, CancellationToken ct)
    {
        var snapshot = await db.AnnualReports.AsNoTracking().Where(r => r.Id == id && r.PublishedSnapshot != null).Select(r => r.PublishedSnapshot).FirstOrDefaultAsync(ct);
        return snapshot is null ? NotFound($"没有编号为 {id} 的已发布年度报告。") : TypedResults.Text(snapshot, "application/json; charset=utf-8");
    }

    /// <summary>
    /// The body (or the form's file) read up to the upload limit, then checked through the gate with the time budget.
    /// Every refusal is ProblemDetails in Chinese: 413, 422, or 503 with Retry-After.
    /// </summary>
    private static async Task<IResult> CheckReport(HttpRequest request, UntrustedFileGate gate, CancellationToken ct)
    {
        var limits = gate.Limits;
        try
        {
            byte[] content;
            var name = "request";
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                if (form.Files.GetFile("file") is not { } file)
                {
                    return BadRequest("multipart/form-data 中没有名为 file 的文件。");
                }

                name = AttachmentRules.SafeName(file.FileName);
                await using var stream = file.OpenReadStream();
                content = await UntrustedFiles.ReadAllAsync(stream, limits.MaxUploadBytes, ct);
            }
            else
            {
                content = await UntrustedFiles.ReadAllAsync(request.Body, limits.MaxUploadBytes, ct);
            }

            var result = await gate.RunAsync(budget => Gongkai.Infrastructure.Checker.ReportCheck.Check(name, content, null, budget), ct);
            return result.ReadError is { } problem
                ? Refused(request.HttpContext, new UntrustedFileException(problem, result.ReadStatus))
                : TypedResults.Text(Gongkai.Infrastructure.Checker.ReportCheck.JsonText(result), "application/json; charset=utf-8");
        }
        catch (UntrustedFileException e)
        {
            return Refused(request.HttpContext, e);
        }
        catch (InvalidDataException)
        {
            return BadRequest("multipart/form-data 格式有误，无法读取。");
        }
    }

    private static ProblemHttpResult Refused(HttpContext http, UntrustedFileException e)
    {
        if (e.StatusCode == UntrustedFileException.UnavailableStatus)
        {
            http.Response.Headers.RetryAfter = UntrustedFileGate.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(e.Message, statusCode: e.StatusCode, title: e.StatusCode == UntrustedFileException.UnreadableStatus ? "无法读取报告" : e.Title);
    }

    private static async Task<Ok<List<AgencyDto>>> ListAgencies(GongkaiDbContext db, CancellationToken ct)
    {
        var list = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(list.Select(AgencyDto.From).ToList());
    }

    private static async Task<Results<Ok<AgencyDto>, ProblemHttpResult>> GetAgency(int id, GongkaiDbContext db, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.IsActive, ct);
        return agency is null ? NotFound($"没有编号为 {id} 的机关。") : TypedResults.Ok(AgencyDto.From(agency));
    }

    private static async Task<Results<Created<AgencyDto>, ValidationProblem, ProblemHttpResult>> CreateAgency(
        AgencyInput input, HttpContext http, StaffAccess access, AgencyCommands commands, CancellationToken ct)
    {
        if (!await MayPlaceUnderAsync(http, access, input.ParentId, ct))
        {
            return Forbidden("只能在本机关及其下级机关范围内新增机关；新增顶级机关需要平台管理员。");
        }

        var result = await commands.CreateAsync(input, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/agencies/{result.Agency!.Id}", AgencyDto.From(result.Agency))
            : Invalid(result.Errors);
    }

    private static async Task<Results<Ok<AgencyDto>, ValidationProblem, ProblemHttpResult>> UpdateAgency(
        int id, AgencyInput input, HttpContext http, StaffAccess access, AgencyCommands commands, CancellationToken ct)
    {
        if (!await access.CanAccessAsync(http.User, id, ct))
        {
            return Forbidden("该机关不在您的管理范围内。");
        }

        if (!await MayPlaceUnderAsync(http, access, input.ParentId, ct))
        {
            return Forbidden("只能把机关移到本机关管理范围内的上级机关之下。");
        }

        var result = await commands.UpdateAsync(id, input, ct);
        return result.IsNotFound ? NotFound($"没有编号为 {id} 的机关。")
            : result.Succeeded ? TypedResults.Ok(AgencyDto.From(result.Agency!))
            : Invalid(result.Errors);
    }

    private static async Task<bool> MayPlaceUnderAsync(HttpContext http, StaffAccess access, int? parentId, CancellationToken ct) =>
        parentId is { } p ? await access.CanAccessAsync(http.User, p, ct) : StaffAccess.IsPlatformAdministrator(http.User);

    public sealed record CalendarYearDto(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> Workdays, IReadOnlyList<string> Sources);

    private static async Task<Results<Ok<CalendarYearDto>, ProblemHttpResult>> GetYear(int year, CalendarStore store, CancellationToken ct)
    {
        var calendar = await store.GetCalendarAsync(ct);
        return calendar.Schedule.Year(year) is { } y
            ? TypedResults.Ok(new CalendarYearDto(y.Year, y.Holidays.Order().ToList(), y.Workdays.Order().ToList(), y.Sources))
            : NotFound($"节假日安排中没有 {year} 年的数据（现有 {calendar.Schedule.FirstYear}–{calendar.Schedule.LastYear} 年）。");
    }

    /// <summary><see cref="Provisional"/>: the result lies beyond the official schedule and is reckoned from the law's festivals and weekends.</summary>
    public sealed record WorkingDaysDto(DateOnly Start, int WorkingDays, DateOnly Result, bool Provisional);

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

    public sealed record ForwardedRequest(int AgencyId, RequestApplication Application);

    public sealed record FiledDto(string TrackingCode, string Status, DateOnly SubmittedOn);

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

    public sealed record StatusQuery(string? Code, string? PhoneTail);

    /// <summary><see cref="Provisional"/>: the due date rests on days beyond the published holiday schedule and may move when it is imported.</summary>
    public sealed record StatusDto(string TrackingCode, string Status, string StatusName, DateOnly SubmittedOn, DateOnly? ReceivedOn, DateOnly? Due,
        bool Provisional, string ClockState, DateOnly? DecidedOn, string? OutcomeCategory, IReadOnlyList<string> Explanation);

    private static async Task<IResult> RequestStatusOf(StatusQuery query, RequestStore store, TrackingGuard guard, HttpContext http, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(query.Code) && guard.WaitForCode(query.Code) is var wait && wait > TimeSpan.Zero)
        {
            await RateLimits.Refuse(http, StatusCodes.Status429TooManyRequests, "请求过于频繁", TrackingGuard.Message(wait), wait);
            return Results.Empty;
        }

        var loaded = string.IsNullOrWhiteSpace(query.Code) ? null : await store.FindByTrackingCodeAsync(query.Code, ct);
        if (loaded is null || string.IsNullOrWhiteSpace(query.PhoneTail) || RequestApplication.PhoneTail(loaded.Record.Phone) != query.PhoneTail.Trim())
        {
            if (loaded is not null)
            {
                guard.WrongTail(query.Code!);
            }

            return NotFound("查询码或联系电话后四位不正确。");
        }

        guard.Opened(query.Code!);

        var request = loaded.Request;
        var deadline = await store.DeadlineAsync(request, ct);
        return TypedResults.Ok(new StatusDto(RequestStore.FormatCode(loaded.Record.TrackingCode), request.Status.ToString(), request.Status.DisplayName(),
            request.SubmittedOn, request.ReceivedOn, deadline.Due, deadline.Provisional, deadline.State.ToString(), request.Decision?.On,
            request.Decision?.Outcome.Category().DisplayName(), deadline.Explanation));
    }

    public sealed record AuditEntryDto(long Id, DateTimeOffset At, string UserName, string Action, string ActionName, string? Target, string? Details, string? IpAddress, int? AgencyId);

    private static async Task<Ok<List<AuditEntryDto>>> ListAudit(
        HttpContext http, StaffAccess access, GongkaiDbContext db, string? action, string? user, DateOnly? from, DateOnly? to, int? take, CancellationToken ct)
    {
        var query = AuditQuery.Filter(db.AuditEntries.AsNoTracking(), await access.ScopeAsync(http.User, ct), action, user, from, to);
        var rows = await query.OrderByDescending(e => e.Id).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(e => new AuditEntryDto(e.Id, e.At, e.UserName, e.Action, AuditActions.DisplayName(e.Action), e.Target, e.Details, e.IpAddress, e.AgencyId)).ToList());
    }

    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "提交的内容有误");

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "未找到");
    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "请求参数有误");
    private static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "无权操作");
}

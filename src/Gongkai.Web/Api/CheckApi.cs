using System.Globalization;
using Gongkai.Infrastructure.Checker;
using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static Gongkai.Web.Api.Problems;

namespace Gongkai.Web.Api;

/// <summary>
/// <c>POST /api/check</c>: the report checker for anyone — a published annual report in, its findings out
/// (gongkai.report-check.v1). The file is untrusted: it passes the upload gate's limits and time budget first.
/// </summary>
public static class CheckApi
{
    public static void MapCheckApi(this IEndpointRouteBuilder api)
    {
        var uploads = api.ServiceProvider.GetRequiredService<UntrustedFileLimits>();
        api.MapPost("/check", CheckReport).WithTags("年度报告").DisableAntiforgery().RequireRateLimiting(RateLimits.Checker)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(uploads.MaxUploadBytes + UploadLimits.FormOverhead))
            .WithSummary("检查一份已发布的年度报告：请求体为文件本身（文本、网页、.docx、PDF），或 multipart/form-data 的 file 字段；返回 gongkai.report-check.v1（docs/report-check.md）");
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

            var result = await gate.RunAsync(budget => ReportCheck.Check(name, content, null, budget), ct);
            return result.ReadError is { } problem
                ? Refused(request.HttpContext, new UntrustedFileException(problem, result.ReadStatus))
                : TypedResults.Text(ReportCheck.JsonText(result), "application/json; charset=utf-8");
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
}

using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>The RFC 9457 answers the API gives when it refuses, titled in Chinese the same way by every endpoint.</summary>
internal static class Problems
{
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "提交的内容有误");

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "未找到");
    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "请求参数有误");
    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "无权操作");
}

/// <summary>The public API's <c>agency</c> parameter: a number naming an active agency, refused the same way everywhere.</summary>
internal static class AgencyParameter
{
    /// <summary>The agency <paramref name="text"/> names, or the problem to answer; both null when none was given.</summary>
    public static async Task<(Agency? Agency, ProblemHttpResult? Problem)> FindAsync(string? text, GongkaiDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (null, Problems.BadRequest("参数 agency 应为机关编号（正整数）。"));
        }

        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.IsActive, ct);
        return agency is null ? (null, Problems.NotFound($"没有编号为 {id} 的机关。")) : (agency, null);
    }
}

namespace Gongkai.Web.Security;

/// <summary>
/// A body larger than allowed, cut off or malformed is the client's error, not the server's: the framework throws
/// for it while reading the request, and the error pages and ProblemDetails must say 413 or 400, not 500.
/// </summary>
public static class ClientErrors
{
    public static int StatusOf(Exception error) => error switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        // An upload the untrusted-file policy refused: 413, 422 or 503, with its Chinese reason.
        Gongkai.Infrastructure.Files.UntrustedFileException refused => refused.StatusCode,
        // Thrown by the form readers: "Multipart body length limit … exceeded", "Form value count limit … exceeded".
        InvalidDataException limit when limit.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => StatusCodes.Status413PayloadTooLarge,
        InvalidDataException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}

/// <summary>
/// On endpoints that take no uploads, a body whose declared length is over the server's limit is refused before
/// anything reads it (413 with a Chinese message) — otherwise the first reader, often the antiforgery check, fails on
/// it and reports a bad token. Endpoints that take uploads declare their limit and are read by
/// <see cref="UploadLimits"/>, chunked bodies included.
/// </summary>
public static class BodyLimits
{
    /// <summary>Kestrel's own default for endpoints that set no limit.</summary>
    public const long DefaultLimit = 30_000_000;

    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The error page shown for the refusal runs through here again, with the same body; let it through.
        if (context.Request.ContentLength is { } length && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            var declared = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>();
            var limit = DefaultLimit;
            if (declared is null && length > limit)
            {
                var megabytes = Math.Max(1, limit / 1024 / 1024);
                await RateLimits.Refuse(context, StatusCodes.Status413PayloadTooLarge, "提交的内容太大",
                    $"提交的内容共 {length / 1024 / 1024} MB，超过了此处允许的 {megabytes} MB，请缩小文件或分次提交。", TimeSpan.Zero);
                return;
            }
        }

        await next();
    });
}

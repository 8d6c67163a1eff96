using Gongkai.Infrastructure.Files;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.WebUtilities;

namespace Gongkai.Web.Security;

/// <summary>
/// The request body of every endpoint that takes uploads (it carries <see cref="IRequestSizeLimitMetadata"/>) is read
/// here, up to its limit, before anything else reads it: a body over the limit is refused with 413 whether it came with
/// a Content-Length or chunked, and no framework component ever meets Kestrel's own limit half-way through a form (which
/// would be a 400 or a 500). The body is kept in memory up to 64 KB and in a temporary file beyond. API callers get
/// RFC 9457 ProblemDetails; people get the page they posted to, shown afresh with the refusal at its top and the 413.
/// </summary>
public static class UploadLimits
{
    /// <summary>Room for a form's boundaries and fields around the file it carries.</summary>
    public const long FormOverhead = 64 * 1024;

    private const string RefusalKey = "gongkai.upload-refusal";

    /// <summary>The refusal the layouts show at the top of a page re-shown after its upload was refused.</summary>
    public static string? RefusalOf(HttpContext context) => context.Items[RefusalKey] as string;

    /// <summary>The configured upload limit on a page that reads one uploaded document (the checker, the imports).</summary>
    public static void Apply(PageApplicationModel page, long maxBodyBytes)
    {
        page.EndpointMetadata.Add(new RequestSizeLimitAttribute(maxBodyBytes));
        page.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = maxBodyBytes });
    }

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method))
            || context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is not { } limit)
        {
            await next(context);
            return;
        }

        // The limit is enforced here, whatever the transfer encoding. Kestrel's own limit is lifted so that, once the
        // refusal has been answered, it drains the rest of the body quietly (for at most its drain timeout) and the
        // client reads the 413 instead of a reset connection.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        UntrustedFileException? refusal = null;
        if (request.ContentLength > limit)
        {
            refusal = TooLarge(limit);
        }
        else
        {
            try
            {
                var body = new CappedStream(request.Body, limit);
                request.Body = body;
                request.EnableBuffering(bufferThreshold: 64 * 1024);
                await request.Body.DrainAsync(context.RequestAborted);
                request.Body.Position = 0;
            }
            catch (UntrustedFileException e)
            {
                refusal = e;
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                refusal = TooLarge(limit);
            }
        }

        if (refusal is null)
        {
            await next(context);
            return;
        }

        if (request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(refusal.Message, statusCode: refusal.StatusCode, title: refusal.Title).ExecuteAsync(context);
            return;
        }

        // The page as if opened afresh (GET, no handler, no body), with the refusal and its status.
        context.Items[RefusalKey] = refusal.Message;
        request.Method = HttpMethods.Get;
        request.Body = Stream.Null;
        request.ContentLength = 0;
        request.ContentType = null;
        request.QueryString = QueryString.Create(request.Query.Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase)));
        context.Response.StatusCode = refusal.StatusCode;
        await next(context);
    });

    /// <summary>The limit as people think of it: whole megabytes, without the room for the form around the file.</summary>
    private static UntrustedFileException TooLarge(long limit) =>
        UntrustedFileException.TooLarge($"上传的内容超过 {Math.Max(1, limit / (1024 * 1024))} MB，已拒绝。");

    /// <summary>Passes at most <paramref name="limit"/> bytes, then refuses the body.</summary>
    private sealed class CappedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw TooLarge(limit) : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>What a person sees when something goes wrong: a plain Chinese sentence, never a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "";
    public string? TraceId { get; private set; }
    /// <summary>The failing page was a staff page: the error is shown in the staff layout, with the staff navigation.</summary>
    public bool IsStaffPage { get; private set; }

    // The status comes from the pipeline, never from the request: a posted form may carry a field named "code",
    // and a body too large to read must still be told as too large.
    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = error is not null
            ? Security.ClientErrors.StatusOf(error)
            : HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? StatusCodes.Status404NotFound;

        (Title, Message) = Describe(status);
        var path = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        IsStaffPage = path is not null && (path.Equals("/admin", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase));
        if (HttpContext.Items[Security.RateLimits.MessageItem] is string refusal)
        {
            Message = refusal;
        }

        if (error is Gongkai.Infrastructure.Files.UntrustedFileException { Message: var reason })
        {
            Message = reason;
        }

        if (status >= 500 && status != 503)
        {
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }

        Response.StatusCode = status;
    }

    public static (string Title, string Message) Describe(int status) => status switch
    {
        400 => ("请求有误", "提交的内容无法处理（页面可能已过期），请返回上一页刷新后重试。"),
        403 => ("无权访问", "您没有访问此页面的权限。"),
        404 => ("页面不存在", "您要找的页面不存在或已被移除，请检查网址是否正确。"),
        405 => ("请求方式不被允许", "请从页面上的按钮或链接进入。"),
        408 => ("请求超时", "提交用时过长，请检查网络后重试。"),
        413 => ("提交的内容太大", "上传的文件或填写的文字超过了允许的大小，已拒绝。请压缩或拆分后重新上传。"),
        415 => ("不支持的内容类型", "请从页面上的表单提交。"),
        422 => ("文件无法读取", "上传的文件已损坏、格式无法识别或结构过于复杂，已拒绝。"),
        429 => ("操作过于频繁", "您的操作过于频繁，请稍后再试。"),
        503 => ("系统繁忙", "服务器正忙或处理超时，请稍后再试。"),
        _ when status >= 400 && status < 500 => ("请求有误", "提交的内容无法处理，请返回上一页检查后重试。"),
        _ => ("系统暂时出错", "服务器处理您的请求时出错，已记录在案。请稍后再试；您已提交的内容不会丢失。"),
    };
}

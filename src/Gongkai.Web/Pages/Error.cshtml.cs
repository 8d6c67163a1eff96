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

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        var status = error switch
        {
            null => code ?? 404,
            Gongkai.Infrastructure.Files.UntrustedFileException refused => refused.StatusCode,
            BadHttpRequestException bad => bad.StatusCode,
            _ => 500,
        };

        (Title, Message) = status switch
        {
            400 => ("请求有误", "提交的内容无法处理，请返回上一页检查后重试。"),
            403 => ("无权访问", "您没有访问此页面的权限。"),
            404 => ("页面不存在", "您要找的页面不存在或已被移除，请检查网址是否正确。"),
            405 => ("请求方式不被允许", "请从页面上的按钮或链接进入。"),
            413 => ("上传的内容太大", "上传的文件超过允许的大小，已拒绝。请压缩或拆分后重新上传。"),
            422 => ("文件无法读取", "上传的文件已损坏、格式无法识别或结构过于复杂，已拒绝。"),
            503 => ("服务繁忙", "服务器正忙或处理超时，请稍后再试。"),
            _ => ("系统暂时出错", "服务器处理您的请求时出错，已记录在案。请稍后再试；您已提交的内容不会丢失。"),
        };
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
}

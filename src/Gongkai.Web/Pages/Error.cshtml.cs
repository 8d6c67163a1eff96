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
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var status = failed ? 500 : code ?? 500;
        if (!failed && code is null)
        {
            status = 404;
        }

        (Title, Message) = status switch
        {
            400 => ("请求有误", "提交的内容无法处理，请返回上一页检查后重试。"),
            403 => ("无权访问", "您没有访问此页面的权限。"),
            404 => ("页面不存在", "您要找的页面不存在或已被移除，请检查网址是否正确。"),
            405 => ("请求方式不被允许", "请从页面上的按钮或链接进入。"),
            _ => ("系统暂时出错", "服务器处理您的请求时出错，已记录在案。请稍后再试；您已提交的内容不会丢失。"),
        };
        if (status >= 500)
        {
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }

        Response.StatusCode = status;
    }
}

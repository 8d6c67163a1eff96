using System.Globalization;
using System.Text;
using Deque.AxeCore.Playwright;
using Gongkai.BrowserTests.Support;
using Gongkai.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Accessibility;

/// <summary>
/// Every public page as a phone shows it (360 px wide): no content security policy violation, nothing wider than
/// the screen, no inline event handler, and no axe violation of any impact. Every staff page: no inline handler and
/// no policy violation. The list of public pages is checked against the app's routes, so a new page cannot be missed.
/// </summary>
public sealed class EveryPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Collects what the browser reports of the policy, before any script of the page runs.</summary>
    private const string WatchPolicy = """
        window.__policyViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__policyViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '')));
        window.print = () => { window.__printed = true; };
        """;

    private const string InlineHandlers = """
        () => Array.from(document.querySelectorAll('*')).flatMap(el =>
            Array.from(el.attributes)
                .filter(a => a.name.startsWith('on') || (a.name === 'href' && a.value.trim().toLowerCase().startsWith('javascript:')))
                .map(a => el.tagName.toLowerCase() + '[' + a.name + ']'))
        """;

    /// <summary>Public route pattern → the addresses that show it with demo data (empty: reached by a journey below).</summary>
    private static readonly Dictionary<string, string[]> PublicPages = new(StringComparer.Ordinal)
    {
        [""] = ["/"],
        ["guide"] = ["/guide"],
        ["catalog"] = ["/catalog", "/catalog?type=NormativeDocument"],
        ["catalog/{id:long}"] = [],
        ["gazette"] = ["/gazette"],
        ["gazette/{id:int}.{format?}"] = ["/gazette/1"],
        ["search"] = ["/search?q=%E5%85%AC%E5%BC%80", "/search?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E8%AF%8D%E8%AF%AD"],
        ["apply"] = ["/apply"],
        ["apply/received"] = [],
        ["track"] = ["/track"],
        ["interaction"] = ["/interaction"],
        ["interaction/write"] = ["/interaction/write", "/interaction/write?channel=Complaint"],
        ["interaction/received"] = [],
        ["interaction/track"] = ["/interaction/track"],
        ["interaction/letters/{id:long}"] = [],
        ["consultations"] = ["/consultations"],
        ["consultations/{id:long}"] = [],
        ["reports"] = ["/reports", "/reports?all=true"],
        ["reports/{id:int}/{handler?}/{format?}"] = ["/reports/1"],
        ["reports/check"] = ["/reports/check"],
        ["statistics"] = ["/statistics", "/statistics?year=2024"],
        ["tools/deadline"] = ["/tools/deadline"],
        ["error"] = ["/no-such-page"],
    };

    [ChromiumFact]
    public void Every_public_page_of_the_app_is_in_the_list()
    {
        var patterns = fixture.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => (e.RoutePattern.RawText ?? "").Trim('/').ToLowerInvariant())
            .Where(p => p != "admin" && !p.StartsWith("admin/", StringComparison.Ordinal) && !p.EndsWith("/index", StringComparison.Ordinal) && p != "index")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(patterns.Except(PublicPages.Keys).Order());
        Assert.Empty(PublicPages.Keys.Except(patterns).Order());
    }

    [ChromiumFact]
    public async Task Every_public_page_fits_a_phone_keeps_the_policy_and_passes_axe()
    {
        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        foreach (var address in PublicPages.Values.SelectMany(a => a))
        {
            await page.GotoAsync(address);
            problems.AddRange(await CheckAsync(page, address, axe: true, width: true));
        }

        // Pages reached from others: a document, a published letter.
        await page.GotoAsync("/catalog");
        await page.Locator("table.stack th a").First.ClickAsync();
        problems.AddRange(await CheckAsync(page, page.Url, axe: true, width: true));
        await page.GotoAsync("/interaction");
        await page.Locator("table.stack th a").First.ClickAsync();
        problems.AddRange(await CheckAsync(page, page.Url, axe: true, width: true));

        // A consultation open for comment (the demo has one), and its form refused empty.
        await page.GotoAsync("/consultations");
        await page.Locator("table.stack th a").First.ClickAsync();
        problems.AddRange(await CheckAsync(page, page.Url, axe: true, width: true));
        if (await page.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).CountAsync() > 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
            problems.AddRange(await CheckAsync(page, page.Url + " (refused)", axe: true, width: true));
        }

        // An application: the form refused, then sent; the receipt prints; the tracking page shows the request.
        await page.GotoAsync("/apply");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        problems.AddRange(await CheckAsync(page, "/apply (refused)", axe: true, width: true));
        await page.GetByLabel("姓名或名称").FillAsync("王小明");
        await page.GetByLabel("证件号码").FillAsync("11010519491231002X");
        await page.GetByLabel("联系电话").FillAsync("13800138000");
        await page.GetByLabel("信息名称").FillAsync("示例区 2026 年老旧小区改造项目清单");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("申请已提交");
        problems.AddRange(await CheckAsync(page, "/apply/received", axe: true, width: true));
        await page.GetByRole(AriaRole.Button, new() { Name = "打印回执" }).ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__printed === true"), "打印回执 did not open the print dialog");
        await page.GetByRole(AriaRole.Link, new() { Name = "查询办理进度" }).ClickAsync();
        await page.GetByLabel("联系电话后四位").FillAsync("8000");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("待确认收到");
        problems.AddRange(await CheckAsync(page, "/track (a request)", axe: true, width: true));

        // A letter: written, received, tracked.
        await page.GotoAsync("/interaction/write?channel=Consultation");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^标题( \\*)?$")).FillAsync("社区养老服务补贴如何申请");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^内容( \\*)?$")).FillAsync("请问本区社区养老服务补贴的申请条件和办理地点是什么？");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^姓名( \\*)?$")).FillAsync("赵敏");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^联系电话( \\*)?$")).FillAsync("13900139000");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        problems.AddRange(await CheckAsync(page, "/interaction/received", axe: true, width: true));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [ChromiumFact]
    public async Task No_staff_page_has_an_inline_handler_or_breaks_the_policy()
    {
        await fixture.CreateStaffAsync("every-page-admin", "页面检查管理员", "Every-page-2026", StaffRoles.Administrator);
        await fixture.CreateStaffAsync("every-page-handler", "页面检查承办人", "Every-page-2026", StaffRoles.Handler);
        var problems = new List<string>();
        foreach (var user in new[] { "every-page-admin", "every-page-handler" })
        {
            await using var context = await fixture.NewContextAsync();
            await context.AddInitScriptAsync(WatchPolicy);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/admin/login");
            await page.GetByLabel("用户名").FillAsync(user);
            await page.GetByLabel("密码").FillAsync("Every-page-2026");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");

            var pages = StaffPages().ToList();
            Assert.True(pages.Count > 25, $"only {pages.Count} staff pages found");
            foreach (var address in pages)
            {
                await page.GotoAsync(address);
                problems.AddRange((await CheckAsync(page, address, axe: false, width: false)).Select(p => $"{user}: {p}"));
            }

            // The busiest staff page: a request with every step form.
            await page.GotoAsync("/admin/requests");
            await page.Locator("table a[href^='/admin/requests/']").First.ClickAsync();
            problems.AddRange((await CheckAsync(page, page.Url, axe: false, width: false)).Select(p => $"{user}: {p}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Staff pages that need no route value: every one is opened (a page the role may not use shows its refusal).</summary>
    private IEnumerable<string> StaffPages() =>
        fixture.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.RoutePattern.Parameters.All(p => p.IsOptional))
            .Select(e => "/" + System.Text.RegularExpressions.Regex.Replace((e.RoutePattern.RawText ?? "").Trim('/').ToLowerInvariant(), @"/?\{[^}]*\?\}", ""))
            .Where(p => p.StartsWith("/admin", StringComparison.Ordinal) && p is not "/admin/logout" && !p.EndsWith("/index", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    private async Task<IBrowserContext> PhoneAsync()
    {
        var context = await fixture.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true });
        await context.AddInitScriptAsync(WatchPolicy);
        return context;
    }

    private static async Task<List<string>> CheckAsync(IPage page, string address, bool axe, bool width)
    {
        // A click that navigates returns before the new page has loaded: check the page, not the moment between two.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var problems = new List<string>();
        var violations = await page.EvaluateAsync<string[]>("() => window.__policyViolations || []");
        problems.AddRange(violations.Select(v => $"{address}: content security policy: {v}"));
        var handlers = await page.EvaluateAsync<string[]>(InlineHandlers);
        problems.AddRange(handlers.Distinct().Select(h => $"{address}: inline handler {h}"));
        if (width)
        {
            var (scroll, inner) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
            if (scroll > inner)
            {
                var wide = await page.EvaluateAsync<string[]>("""
                    () => Array.from(document.querySelectorAll('body *'))
                        .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
                        .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ': ' + (el.textContent || '').trim().slice(0, 40))
                    """);
                problems.Add($"{address}: {scroll} px wide on a {inner} px screen: {string.Join("; ", wide)}");
            }
        }

        if (axe)
        {
            var result = await page.RunAxe();
            if (result.Passes.Length == 0)
            {
                problems.Add($"{address}: axe did not run");
            }

            foreach (var v in result.Violations)
            {
                var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{address}: axe {v.Id} ({v.Impact}): {v.Help}");
                foreach (var node in v.Nodes.Take(3))
                {
                    text.Append(CultureInfo.InvariantCulture, $" | {node.Target}: {node.Html}");
                }

                problems.Add(text.ToString());
            }
        }

        return problems;
    }
}

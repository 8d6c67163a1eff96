using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Gongkai.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Accessibility;

/// <summary>An axe-core smoke check: no critical or serious violation (GB/T 37668 ≈ WCAG 2.1 AA) on the pages people meet first.</summary>
public sealed class AxeTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] BlockingImpacts = ["critical", "serious"];

    [ChromiumFact]
    public Task Home_page_has_no_serious_accessibility_violations() => AssertNoSeriousViolationsAsync("/", "示例区人民政府");

    [ChromiumFact]
    public Task Login_page_has_no_serious_accessibility_violations() => AssertNoSeriousViolationsAsync("/admin/login", "工作人员登录");

    [ChromiumFact]
    public Task Annual_reports_list_has_no_serious_accessibility_violations() => AssertNoSeriousViolationsAsync("/reports?all=true", "政府信息公开工作年度报告");

    /// <summary>The demo's first published report (2020, the district's roll-up): tables with merged headers, charts.</summary>
    [ChromiumFact]
    public Task A_published_report_has_no_serious_accessibility_violations() => AssertNoSeriousViolationsAsync("/reports/1", "示例区人民政府2020年政府信息公开工作年度报告");

    [ChromiumFact]
    public Task Catalog_page_has_no_serious_accessibility_violations() => AssertNoSeriousViolationsAsync("/catalog", "政府信息公开目录");

    [ChromiumFact]
    public Task Search_results_have_no_serious_accessibility_violations() => AssertNoSeriousViolationsAsync("/search?q=%E5%85%AC%E5%BC%80", "站内搜索");

    [ChromiumFact]
    public Task Guide_page_has_no_serious_accessibility_violations() => AssertNoSeriousViolationsAsync("/guide", "政府信息公开指南");

    [ChromiumFact]
    public Task Deadline_calculator_has_no_serious_accessibility_violations() => AssertNoSeriousViolationsAsync("/tools/deadline", "什么时候到期");

    [ChromiumFact]
    public Task Gazette_issue_has_no_serious_accessibility_violations() => AssertNoSeriousViolationsAsync("/gazette/1", "公报");

    [ChromiumFact]
    public Task Interaction_page_has_no_serious_accessibility_violations() => AssertNoSeriousViolationsAsync("/interaction", "互动交流");

    [ChromiumFact]
    public Task Letter_form_has_no_serious_accessibility_violations() => AssertNoSeriousViolationsAsync("/interaction/write?channel=Complaint", "网上投诉");

    [ChromiumFact]
    public Task Report_checker_page_has_no_serious_accessibility_violations() => AssertNoSeriousViolationsAsync("/reports/check", "年度报告检查");

    private async Task AssertNoSeriousViolationsAsync(string path, string heading)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Expect(page.Locator("h1")).ToContainTextAsync(heading);

        var result = await page.RunAxe();

        // An axe that failed to load would report no violations and no passes either.
        Assert.NotEmpty(result.Passes);
        var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
        var minor = result.Violations.Except(blocking).ToList();
        if (minor.Count > 0)
        {
            output.WriteLine(Describe(path, minor));
        }

        Assert.True(blocking.Count == 0, Describe(path, blocking));
    }

    private static string Describe(string path, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"axe found problems on {path}:");
        foreach (var v in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}");
            foreach (var node in v.Nodes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"      {check.Message}");
                }
            }
        }

        return text.ToString();
    }
}

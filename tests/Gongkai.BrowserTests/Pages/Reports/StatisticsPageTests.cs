using System.Text;
using Gongkai.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Pages.Reports;

/// <summary>A visitor reads the public statistics, chooses a year and downloads them as CSV.</summary>
public sealed class StatisticsPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task A_visitor_opens_the_statistics_chooses_a_year_and_downloads_the_csv()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/reports");
        await page.GetByRole(AriaRole.Link, new() { Name = "政府信息公开统计" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("政府信息公开统计");

        var thisYear = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        await page.GetByLabel("年度").SelectOptionAsync(thisYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Expect(page.Locator("h2").First).ToContainTextAsync($"{thisYear} 年度");
        await Expect(page.GetByRole(AriaRole.Table).Filter(new() { HasText = "本年新收申请" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path!));

        Assert.EndsWith($"-{thisYear}.csv", download.SuggestedFilename);
        Assert.StartsWith("\uFEFFagencyId,agency,year,", text);
        Assert.Contains($",{thisYear},", text);
    }
}

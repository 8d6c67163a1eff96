using Gongkai.BrowserTests.Support;
using Gongkai.Infrastructure.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Pages;

/// <summary>
/// The screenshots of docs/: each feature's page as a visitor or a handler of the demo office sees it, taken by the
/// browser on every run. With GONGKAI_UPDATE_GOLDEN=1 they are copied into docs/screenshots/ (review them before
/// committing); otherwise the test checks that docs/ still has each one and that its page shows it.
/// </summary>
public sealed class DocumentationScreenshotTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Screenshot file → the docs page that shows it, the address, whether a handler must be signed in, and what the page must say.</summary>
    public static readonly (string File, string Doc, string Path, bool Staff, string Heading)[] Shots =
    [
        ("catalog.jpg", "proactive-disclosure.md", "/catalog", false, "政府信息公开目录"),
        ("apply.jpg", "requests.md", "/apply", false, "政府信息公开申请"),
        ("requests-staff.jpg", "requests.md", "/admin/requests", true, "申请"),
        ("interaction.jpg", "interaction.md", "/interaction", false, "互动交流"),
        ("letters-staff.jpg", "interaction.md", "/admin/letters", true, "互动交流"),
        ("annual-report.jpg", "annual-report.md", "/admin/reports?year=2024", true, "年度报告"),
        ("report-check.jpg", "report-check.md", "/reports/check", false, "年度报告"),
        ("dashboard.jpg", "back-office.md", "/admin", true, "工作台"),
    ];

    [ChromiumFact]
    public async Task Every_feature_page_of_the_docs_has_its_screenshot_taken_from_the_running_product()
    {
        await fixture.CreateStaffAsync("docs-handler", "示例承办人", "Handler-pass-2026", StaffRoles.Handler);
        await using var visitor = await fixture.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await using var staff = await fixture.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var login = await staff.NewPageAsync();
        await login.GotoAsync("/admin/login");
        await login.GetByLabel("用户名").FillAsync("docs-handler");
        await login.GetByLabel("密码").FillAsync("Handler-pass-2026");
        await login.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(login.Locator("h1")).ToHaveTextAsync("工作台");

        var docs = Path.Combine(RepositoryRoot(), "docs");
        var update = Environment.GetEnvironmentVariable("GONGKAI_UPDATE_GOLDEN") == "1";
        foreach (var (file, doc, path, asStaff, heading) in Shots)
        {
            var page = await (asStaff ? staff : visitor).NewPageAsync();
            var response = await page.GotoAsync(path);
            Assert.True(response is { Status: 200 }, $"{path}: {response?.Status}");
            await Expect(page.Locator("h1")).ToContainTextAsync(heading);
            var taken = Path.Combine(Screenshots.Folder, file);
            Directory.CreateDirectory(Screenshots.Folder);
            File.Delete(taken);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = taken, Type = ScreenshotType.Jpeg, Quality = 70 });
            Assert.True(new FileInfo(taken).Length > 10_000, $"{file} is only {new FileInfo(taken).Length} bytes: a blank page?");
            await page.CloseAsync();

            var kept = Path.Combine(docs, "screenshots", file);
            if (update)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
                File.Copy(taken, kept, overwrite: true);
            }

            Assert.True(File.Exists(kept), $"docs/screenshots/{file} is missing: run the browser tests with GONGKAI_UPDATE_GOLDEN=1.");
            Assert.Contains($"(screenshots/{file})", await File.ReadAllTextAsync(Path.Combine(docs, doc)), StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Gongkai.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Gongkai.slnx not found above " + AppContext.BaseDirectory);
    }
}

using Microsoft.Playwright;

namespace Gongkai.BrowserTests.Support;

/// <summary>Full-page screenshots kept beside the test binaries, for people to look at after a run.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<FileInfo> SaveAsync(IPage page, string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        // A file left by an earlier run must not pass for this run's screenshot.
        Directory.CreateDirectory(Folder);
        File.Delete(path);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return new FileInfo(path);
    }
}

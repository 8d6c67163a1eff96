namespace Gongkai.BrowserTests.Support;

/// <summary>
/// A test that drives Chromium. Without Chromium it is skipped on a developer's machine, but under CI=true it runs
/// and fails: a CI job that silently skips every browser test would report green while testing nothing.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!BrowserEnvironment.ChromiumIsInstalled && !BrowserEnvironment.IsCi)
        {
            Skip = BrowserEnvironment.MissingChromiumMessage + " (skipped because CI is not \"true\")";
        }
    }
}

public static class BrowserEnvironment
{
    /// <summary>Debian's Chromium; Playwright's own browser download is never used (no network for it).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool ChromiumIsInstalled => File.Exists(ChromiumPath);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingChromiumMessage =>
        $"Chromium is not installed at {ChromiumPath}: apt-get install -y chromium fonts-noto-cjk fonts-wqy-zenhei";
}

using System.Text.RegularExpressions;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Docs;

/// <summary>The README and the pages under docs/ link only to files that exist: pages, ADRs, screenshots.</summary>
public sealed partial class DocLinkTests
{
    [Fact]
    public void Every_relative_link_of_the_readme_and_the_docs_points_to_a_file_that_exists()
    {
        var root = Documents.RepositoryRoot();
        var pages = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(root, "README.md"));
        var broken = pages
            .SelectMany(page => Link().Matches(File.ReadAllText(page)).Select(m => (Page: page, Target: m.Groups[1].Value)))
            .Where(l => !l.Target.Contains("://", StringComparison.Ordinal) && !l.Target.StartsWith('#') && !l.Target.StartsWith('/'))
            .Where(l => !File.Exists(Path.Combine(Path.GetDirectoryName(l.Page)!, l.Target.Split('#')[0])))
            .Select(l => $"{Path.GetRelativePath(root, l.Page)} → {l.Target}")
            .ToList();

        Assert.True(broken.Count == 0, "Broken links: " + string.Join(", ", broken));
    }

    [Fact]
    public void The_readme_links_a_docs_page_for_every_feature_and_each_page_shows_a_screenshot()
    {
        var root = Documents.RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        foreach (var page in new[] { "proactive-disclosure.md", "requests.md", "interaction.md", "annual-report.md", "report-check.md", "back-office.md" })
        {
            Assert.Contains($"(docs/{page})", readme, StringComparison.Ordinal);
            Assert.Matches(@"!\[[^\]]+\]\(screenshots/[\w-]+\.jpg\)", File.ReadAllText(Path.Combine(root, "docs", page)));
        }
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}

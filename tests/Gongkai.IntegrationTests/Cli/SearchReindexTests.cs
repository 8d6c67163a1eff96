using System.Text.RegularExpressions;
using Gongkai.Cli;
using Gongkai.Infrastructure.Search;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Cli;

/// <summary><c>gongkai reindex</c>, run in-process against a database of its own, as in <see cref="CliTests"/>.</summary>
public sealed partial class SearchReindexTests
{
    private sealed record Run(int ExitCode, string Output, string Error);

    private static async Task<Run> RunAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GongkaiCli.RunAsync(args, output, error, database.Settings(demoData: false));
        return new Run(code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Reindex_rebuilds_the_index_from_the_demo_catalog_with_a_progress_bar()
    {
        using var database = TestDatabase.Create(Db.Sqlite);
        var seeded = await RunAsync(database, "demo-data");

        var run = await RunAsync(database, "reindex");

        Assert.Equal(0, seeded.ExitCode);
        Assert.True(run.ExitCode == 0, run.Error);
        var done = Done().Match(run.Output);
        Assert.True(done.Success, run.Output);
        var count = int.Parse(done.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(count, 10, 200);
        Assert.Contains($"[##############################] {count}/{count}", run.Error);
        using var search = new PublicationSearch(Path.Combine(database.DataDirectory, "search-index"), TimeProvider.System);
        Assert.Equal(count, search.Count);
        Assert.NotEmpty(search.Search(new SearchQuery("营商环境")).Hits);
    }

    [Fact]
    public async Task Reindex_refuses_while_the_website_holds_the_index()
    {
        using var database = TestDatabase.Create(Db.Sqlite);
        using var website = new PublicationSearch(Path.Combine(database.DataDirectory, "search-index"), TimeProvider.System);

        var run = await RunAsync(database, "reindex");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("搜索索引正被运行中的网站使用", run.Error);
        Assert.Equal("", run.Output);
    }

    [GeneratedRegex(@"^已重建索引：(\d+) 件，用时 \d+\.\d 秒。$", RegexOptions.Multiline)]
    private static partial Regex Done();
}

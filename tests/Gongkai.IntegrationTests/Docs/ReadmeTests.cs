using System.Text;
using Gongkai.Cli;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Docs;

/// <summary>Every CLI command the README shows is run here, in order, on a fresh database: the docs cannot go stale.</summary>
public sealed partial class ReadmeTests
{
    private const string Prefix = "dotnet run --project src/Gongkai.Cli -- ";

    [Fact]
    public async Task Every_cli_command_in_the_readme_runs_and_prints_what_the_readme_says()
    {
        var readme = await File.ReadAllLinesAsync(Path.Combine(Documents.RepositoryRoot(), "README.md"));
        var commands = readme.Where(l => l.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        using var database = TestDatabase.Create(Db.Sqlite);
        // Files the README shows as "`name.json`:" followed by a ```json block are written as shown.
        foreach (System.Text.RegularExpressions.Match shown in ShownFiles().Matches(string.Join("\n", readme)))
        {
            await File.WriteAllTextAsync(Path.Combine(database.DataDirectory, shown.Groups[1].Value), shown.Groups[2].Value);
        }

        await File.WriteAllTextAsync(Path.Combine(database.DataDirectory, "holidays-2027.json"),
            """{"2027": {"holidays": ["2027-01-01", "2027-02-06"], "workdays": []}}""");

        Assert.True(commands.Count >= 10, $"Expected the README to show the CLI; found {commands.Count} commands.");
        foreach (var line in commands)
        {
            var (command, comment) = SplitComment(line[Prefix.Length..]);
            // Files the commands name live in the test's data folder.
            var args = ShellWords(command).Select(a => Files().IsMatch(a) ? Path.Combine(database.DataDirectory, a) : a).ToArray();
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = await GongkaiCli.RunAsync(args, output, error, database.Settings(demoData: false));

            Assert.True(code == 0, $"`{command}` exited {code}: {error}");
            if (comment?.StartsWith("prints ", StringComparison.Ordinal) == true)
            {
                var expected = comment["prints ".Length..].Replace(", a tab, ", "\t", StringComparison.Ordinal);
                Assert.True(output.ToString().Contains(expected, StringComparison.Ordinal), $"`{command}` should print “{expected}”, printed:\n{output}");
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"`([\w-]+\.json)`:\s*```json\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex ShownFiles();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\w-]+\.(json|docx|pdf|html|xlsx|csv)$")]
    private static partial System.Text.RegularExpressions.Regex Files();

    private static (string Command, string? Comment) SplitComment(string line)
    {
        var hash = line.IndexOf(" # ", StringComparison.Ordinal);
        return hash < 0 ? (line.Trim(), null) : (line[..hash].Trim(), line[(hash + 3)..].Trim());
    }

    private static List<string> ShellWords(string command)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in command)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}

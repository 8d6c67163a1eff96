using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Architecture;

/// <summary>
/// A file a maintainer must read whole stays short: no hand-written source over 400 lines unless its first lines say
/// why ("Over 400 lines: …"). Generated migrations are not hand-written.
/// </summary>
public sealed class FileSizeTests
{
    private const int MaxLines = 400;

    [Fact]
    public void No_hand_written_file_is_over_400_lines_without_a_reason_at_its_top()
    {
        var root = Documents.RepositoryRoot();
        var separator = Path.DirectorySeparatorChar;
        var tooLong = new[] { "src", "tests", "bench" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                && !f.Contains($"{separator}Migrations{separator}", StringComparison.Ordinal))
            .Select(f => (File: f, Lines: File.ReadAllLines(f)))
            .Where(f => f.Lines.Length > MaxLines && !f.Lines.Take(10).Any(l => l.Contains("Over 400 lines:", StringComparison.Ordinal)))
            .Select(f => $"{Path.GetRelativePath(root, f.File)} ({f.Lines.Length})")
            .ToList();

        Assert.True(tooLong.Count == 0, "Split these files by stage or concern, or say at the top why not (\"Over 400 lines: …\"): " + string.Join(", ", tooLong));
    }
}

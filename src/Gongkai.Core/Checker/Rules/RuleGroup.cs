using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;

namespace Gongkai.Core.Checker.Rules;

/// <summary>
/// A group of the checks of docs/report-check.md that read the same part of a report (its structure, its cells, its
/// sums, its text …). <see cref="RuleRegistry"/> lists them in the order they run: the order findings are listed in.
/// </summary>
public interface IRuleGroup
{
    /// <summary>The ids of the rules the group may raise.</summary>
    IReadOnlyList<string> Rules { get; }

    /// <summary>Whether the group reads the report's text (sections, sentences): not run when only tables were read (a workbook).</summary>
    bool ReadsText { get; }

    void Check(CheckContext context);
}

/// <summary>One report being checked: the report, last year's when given, the findings so far, and the text's sentences.</summary>
public sealed partial class CheckContext(PublishedReport report, PublishedReport? previous, CancellationToken ct)
{
    private List<(int Line, string Text)>? sentences;

    public PublishedReport Report { get; } = report;

    /// <summary>Last year's report (T5, X3), or null.</summary>
    public PublishedReport? Previous { get; } = previous;

    /// <summary>A time budget or a client gone: observed between groups and every 256 lines or sentences.</summary>
    public CancellationToken Cancellation { get; } = ct;

    public List<Finding> Findings { get; } = [];

    /// <summary>The prose split into sentences at 。；！？ (each with its line), for the rules that read the text.</summary>
    public IReadOnlyList<(int Line, string Text)> Sentences => sentences ??= Report.Prose
        .SelectMany(l => SentenceEnd().Split(l.Normalized).Select(s => (Line: l.Number, Text: s.Trim()))).Where(s => s.Text.Length > 0).ToList();

    public void Add(Finding finding) => Findings.Add(finding);

    [GeneratedRegex(@"[。；;！!？?]")]
    private static partial Regex SentenceEnd();
}

/// <summary>What the rules' messages share: where a finding is, a quotation cut short, and the numbers text states.</summary>
internal static class RuleText
{
    /// <summary>A Chinese or Arabic count as the text writes it (named group <c>n</c>).</summary>
    public const string Number = @"(?<n>\d{1,3}(?:,\d{3})+|\d+|[零〇一二三四五六七八九十百千两]+)";

    /// <summary>The location of a finding about one line of the input: “第N行”.</summary>
    public static string Line(int number) => $"第{number}行";

    public static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// Highlighted title and snippet of a hit, HTML-encoded with the matched words in <c>&lt;mark&gt;</c>: encoded first,
/// marked second, so a document's own markup (even <c>&lt;script&gt;</c>) is shown as text.
/// </summary>
internal static class Snippets
{
    public const int SnippetLength = 120;

    /// <summary>How much of a long text is read to find the best snippet.</summary>
    private const int MaxCharsToAnalyze = 200_000;

    private static readonly HtmlTextEncoder Encoder = new();
    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create("。！？；\n");
    private static readonly char[] Punctuation = [.. " \t\"'()[]{}<>《》“”‘’（）【】〔〕，。、；：！？,.;:!?-*~\\/"];

    /// <summary>The title with every occurrence of the query's <paramref name="words"/> marked (see <see cref="Snippet"/>).</summary>
    public static string Title(Analyzer analyzer, Query? match, IReadOnlyList<string> words, string title)
    {
        if (match is not null)
        {
            var parts = Parts(analyzer, words);
            if (Occurrences(title, parts) is { Count: > 0 } marks)
            {
                return Mark(title, marks, 0, title.Length);
            }

            if (OccursFolded(title, parts))
            {
                var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), Encoder, new QueryScorer(match, SearchFields.Title))
                {
                    TextFragmenter = new NullFragmenter(),
                    MaxDocCharsToAnalyze = MaxCharsToAnalyze,
                };
                if (highlighter.GetBestFragment(analyzer, SearchFields.Title, title) is { Length: > 0 } marked)
                {
                    return marked;
                }
            }
        }

        return Encoder.EncodeText(title);
    }

    /// <summary>
    /// About <see cref="SnippetLength"/> characters around the first match of <paramref name="words"/> (the query's
    /// words) in the body or the attachments, every occurrence marked; else the body's start.
    /// </summary>
    /// <remarks>
    /// A word matches as a phrase of bigrams, that is exactly where it occurs in the text up to width and case, so
    /// the words are found and marked by plain string search. Lucene's highlighter, which re-analyses the text and
    /// runs each phrase on an in-memory index of it, took milliseconds per hit on a long body (most of a search's
    /// time, bench/README.md); it is kept for a word that occurs only in another width or case.
    /// </remarks>
    public static string Snippet(Analyzer analyzer, Query? match, IReadOnlyList<string> words, string body, string attachments)
    {
        if (match is not null)
        {
            var parts = Parts(analyzer, words);
            foreach (var (field, text) in new[] { (SearchFields.Body, body), (SearchFields.Attachments, attachments) })
            {
                if (text.Length == 0)
                {
                    continue;
                }

                if (Occurrences(text, parts) is { Count: > 0 } marks)
                {
                    return Marked(text, marks);
                }

                if (!OccursFolded(text, parts))
                {
                    continue;
                }

                var scorer = new QueryScorer(match, field);
                var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), Encoder, scorer)
                {
                    TextFragmenter = new SimpleSpanFragmenter(scorer, SnippetLength),
                    MaxDocCharsToAnalyze = MaxCharsToAnalyze,
                };
                if (highlighter.GetBestFragment(analyzer, field, text) is { Length: > 0 } marked)
                {
                    return marked.Trim();
                }
            }
        }

        var start = body.Length > 0 ? body : attachments;
        return Start(start);
    }

    /// <summary>
    /// The searchable pieces of the query's words: punctuation is not indexed (信息公开，申请 matches where 信息公开 and
    /// 申请 follow each other), and a piece of only stop words matches nothing.
    /// </summary>
    private static List<string> Parts(Analyzer analyzer, IReadOnlyList<string> words) =>
        words.SelectMany(w => w.Split(Punctuation, StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(p => SearchAnalyzers.Tokens(analyzer, SearchFields.Body, p).Count > 0)
            .ToList();

    /// <summary>Where the parts occur in <paramref name="text"/> (ignoring case), sorted, overlaps merged.</summary>
    internal static List<(int Start, int End)> Occurrences(string text, List<string> parts)
    {
        var found = new List<(int Start, int End)>();
        foreach (var part in parts)
        {
            for (var at = text.IndexOf(part, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(part, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                // Latin letters and digits are indexed as whole words: "ab" does not match inside "abc".
                var end = at + part.Length;
                if ((at > 0 && IsWordChar(text[at - 1]) && IsWordChar(part[0]))
                    || (end < text.Length && IsWordChar(text[end]) && IsWordChar(part[^1])))
                {
                    continue;
                }

                found.Add((at, end));
            }
        }

        found.Sort();
        var merged = new List<(int Start, int End)>(found.Count);
        foreach (var range in found)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>A part occurs in another width or case (全角 ＡＢＣ for ABC): left to the highlighter, which folds as the index does.</summary>
    private static bool OccursFolded(string text, List<string> parts)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        return parts.Any(p => folded.Contains(p.Normalize(NormalizationForm.FormKC), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// About <see cref="SnippetLength"/> characters of <paramref name="text"/> from the start of the sentence holding
    /// the first mark (from the text's start when that is near), encoded, with the marks inside.
    /// </summary>
    private static string Marked(string text, List<(int Start, int End)> marks)
    {
        const int Before = SnippetLength / 2;
        var first = marks[0].Start;
        var from = 0;
        if (first > Before)
        {
            from = first - Before;
            var sentence = text.AsSpan(from, first - from).LastIndexOfAny(SentenceEnds);
            from = sentence >= 0 ? from + sentence + 1 : from;
            if (char.IsLowSurrogate(text[from]))
            {
                from--;
            }
        }

        var to = Math.Max(Math.Min(text.Length, from + SnippetLength), marks[0].End);
        if (to < text.Length && char.IsHighSurrogate(text[to - 1]))
        {
            to--;
        }

        return Mark(text, marks, from, to).Trim();
    }

    /// <summary><paramref name="text"/> from <paramref name="from"/> to <paramref name="to"/> (longer if a mark goes on), encoded, marks inside.</summary>
    private static string Mark(string text, List<(int Start, int End)> marks, int from, int to)
    {
        var html = new StringBuilder((to - from) * 2);
        var at = from;
        foreach (var (start, end) in marks)
        {
            if (start >= to)
            {
                break;
            }

            html.Append(Encoder.EncodeText(text[at..start])).Append("<mark>").Append(Encoder.EncodeText(text[start..end])).Append("</mark>");
            at = end;
            to = Math.Max(to, end);
        }

        if (at < to)
        {
            html.Append(Encoder.EncodeText(text[at..to]));
        }

        return html.ToString();
    }

    private static string Start(string start)
    {
        if (start.Length <= SnippetLength)
        {
            return Encoder.EncodeText(start).Trim();
        }

        // Never cut a character outside the Basic Multilingual Plane in half.
        var cut = char.IsHighSurrogate(start[SnippetLength - 1]) ? SnippetLength - 1 : SnippetLength;
        return Encoder.EncodeText(start[..cut]).Trim() + "…";
    }
}

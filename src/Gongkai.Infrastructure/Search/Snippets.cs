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

    public static string Title(Analyzer analyzer, Query? match, string title)
    {
        if (match is not null)
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

        return Encoder.EncodeText(title);
    }

    /// <summary>About <see cref="SnippetLength"/> characters around the best match in the body or the attachments; else the body's start.</summary>
    public static string Snippet(Analyzer analyzer, Query? match, string body, string attachments)
    {
        if (match is not null)
        {
            foreach (var (field, text) in new[] { (SearchFields.Body, body), (SearchFields.Attachments, attachments) })
            {
                if (text.Length == 0)
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
        if (start.Length <= SnippetLength)
        {
            return Encoder.EncodeText(start).Trim();
        }

        // Never cut a character outside the Basic Multilingual Plane in half.
        var cut = char.IsHighSurrogate(start[SnippetLength - 1]) ? SnippetLength - 1 : SnippetLength;
        return Encoder.EncodeText(start[..cut]).Trim() + "…";
    }
}

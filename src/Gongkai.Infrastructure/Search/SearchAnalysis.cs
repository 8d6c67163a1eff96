using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;

namespace Gongkai.Infrastructure.Search;

/// <summary>The index's field names, in one place.</summary>
internal static class SearchFields
{
    public const string Id = "id";
    public const string IdOrder = "idOrder";
    public const string Agency = "agency";
    public const string Title = "title";
    public const string DocumentNumber = "docno";
    public const string DocumentNumberExact = "docno.exact";
    public const string IndexNumber = "indexno";
    public const string Keywords = "keywords";
    public const string Body = "body";
    public const string Attachments = "attachments";
    public const string Issuer = "issuer";
    public const string Category = "category";
    public const string Type = "type";
    public const string Year = "year";
    public const string PublishedOn = "publishedOn";
    public const string WrittenOn = "writtenOn";
    public const string RepealedOn = "repealedOn";
    public const string ExpiredOn = "expiredOn";
    public const string EndsOn = "endsOn";
    public const string Interprets = "interprets";

    /// <summary>The SmartCn (word) twin of a bigram field.</summary>
    public static string Words(string field) => field + ".w";

    /// <summary>Bigram fields every query word is looked for in, with their weights.</summary>
    public static readonly (string Field, float Boost)[] Searched =
    [
        (Title, 3f),
        (DocumentNumber, 2f),
        (Keywords, 2f),
        (Body, 1f),
        (Attachments, 1f),
    ];

    /// <summary>Fields that also get a SmartCn twin, used only to rank real word matches higher.</summary>
    public static readonly (string Field, float Boost)[] Worded =
    [
        (Title, 3f),
        (Keywords, 2f),
        (Body, 1f),
        (Attachments, 1f),
    ];
}

/// <summary>
/// CJK text as overlapping bigrams plus every single character (ABC → A, AB, B, BC, C): a phrase of bigrams finds
/// every two-character word, and single characters find one-character words and runs cut by digits (12号, 第3条).
/// Otherwise as <see cref="CJKAnalyzer"/>: width folding, lower case, its stop words.
/// </summary>
internal sealed class BigramAnalyzer(LuceneVersion version) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(version, reader);
        TokenStream result = new CJKWidthFilter(source);
        result = new LowerCaseFilter(version, result);
        result = new CJKBigramFilter(result, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
        result = new StopFilter(version, result, CJKAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(source, result);
    }
}

/// <summary>The analyzers of the index: bigrams for every text field, SmartCn words for the <c>.w</c> twins.</summary>
internal sealed class SearchAnalyzers : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public SearchAnalyzers()
    {
        Bigrams = new BigramAnalyzer(Version);
        Words = new SmartChineseAnalyzer(Version);
        Index = new PerFieldAnalyzerWrapper(Bigrams, SearchFields.Worded.ToDictionary(f => SearchFields.Words(f.Field), _ => (Analyzer)Words));
    }

    public Analyzer Bigrams { get; }
    public Analyzer Words { get; }

    /// <summary>What the writer and the highlighter use: the right analyzer for each field name.</summary>
    public Analyzer Index { get; }

    /// <summary>Terms of <paramref name="text"/> as <paramref name="analyzer"/> makes them, with their positions.</summary>
    public static List<(string Term, int Position, bool Bigram)> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, int, bool)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position, type.Type == CJKBigramFilter.DOUBLE_TYPE));
        }

        stream.End();
        return tokens;
    }

    /// <summary>
    /// The terms of one query word for a bigram field, as a phrase: the bigrams, and the single characters and other
    /// tokens no bigram covers. Empty when the word has nothing searchable (punctuation, stop words).
    /// </summary>
    public List<(string Term, int Position)> Phrase(string word)
    {
        var tokens = Tokens(Bigrams, SearchFields.Body, word);
        var covered = new HashSet<int>();
        foreach (var (_, position, bigram) in tokens.Where(t => t.Bigram))
        {
            covered.Add(position);
            covered.Add(position + 1);
        }

        return tokens.Where(t => t.Bigram || !covered.Contains(t.Position)).Select(t => (t.Term, t.Position)).ToList();
    }

    public void Dispose()
    {
        Index.Dispose();
        Bigrams.Dispose();
        Words.Dispose();
    }
}

/// <summary>
/// 文号 as typed: people write 〔〕, [], （）, 【】 and spaces interchangeably (利政发〔2020〕12号, 利政发[2020]12号), so
/// the exact-match field keeps one spelling.
/// </summary>
internal static class DocumentNumbers
{
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            switch (c)
            {
                case '[' or '(' or '【' or '〔' or '﹝' or '〖' or '［' or '（':
                    builder.Append('〔');
                    break;
                case ']' or ')' or '】' or '〕' or '﹞' or '〗' or '］' or '）':
                    builder.Append('〕');
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        builder.Append(char.ToLowerInvariant(c));
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}

/// <summary>
/// HTML-encodes highlighted text but leaves Chinese characters as they are (Lucene's SimpleHTMLEncoder writes every
/// character above U+007F as a numeric entity, which makes pages and API answers unreadable as text). Line breaks and
/// other white space become one plain space: a title or snippet is one line.
/// </summary>
internal sealed class HtmlTextEncoder : IEncoder
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public string EncodeText(string originalText)
    {
        var text = new StringBuilder(originalText.Length);
        foreach (var c in originalText)
        {
            if (!char.IsWhiteSpace(c))
            {
                text.Append(c);
            }
            else if (text.Length == 0 || text[^1] != ' ')
            {
                text.Append(' ');
            }
        }

        return Html.Encode(text.ToString());
    }
}

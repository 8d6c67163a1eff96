using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
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

    /// <summary>The Han 3- and 4-gram twin of a long bigram field.</summary>
    public static string Grams(string field) => field + ".g";

    /// <summary>
    /// Long fields that also get a gram twin: a Han word of 3 or more characters is looked for there, as one term or a
    /// phrase of 4-grams, instead of as a phrase of bigrams, which must read the positions of very common bigrams.
    /// </summary>
    public static readonly string[] Grammed = [Body, Attachments];

    /// <summary>Bigram fields every query word is looked for in, with their weights.</summary>
    public static readonly (string Field, float Boost)[] Searched =
    [
        (Title, 3f),
        (DocumentNumber, 2f),
        (Keywords, 2f),
        (Body, 1f),
        (Attachments, 1f),
    ];

    /// <summary>How much of a text its SmartCn twin holds (the rest is matched by bigrams but not ranked by words).</summary>
    public const int WordedLength = 200;

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
/// Otherwise as <see cref="CJKAnalyzer"/>: width folding, lower case, its stop words. The tokens are those of
/// <see cref="StandardBigramAnalyzer"/> (StandardTokenizer and Lucene's filters), made in one pass by <see cref="BigramTokenizer"/>.
/// </summary>
internal sealed class BigramAnalyzer(LuceneVersion version) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new BigramTokenizer(version, reader));
}

/// <summary>
/// Han text as its 3- and 4-character grams (ABCDE → ABC, ABCD, BCD, BCDE, CDE), each at the position of its first
/// character. Only characters that are adjacent in the text form a gram, as for bigrams: 行政，复议 has no gram 政复议.
/// </summary>
internal sealed class HanGramAnalyzer : Analyzer
{
    /// <summary>The grams <see cref="HanGramFilter"/> makes of StandardTokenizer's tokens, made in one pass.</summary>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new HanGramTokenizer(reader));
}

/// <summary>See <see cref="HanGramAnalyzer"/>: reads one run of adjacent Han characters, then writes its grams.</summary>
internal sealed class HanGramFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly ITypeAttribute _type;
    private readonly List<(char Char, int Start, int End)> _run = [];
    private (char Char, int Start, int End, int Position)? _carry;
    private int _position, _runPosition, _emitted, _next, _size;
    private bool _writing, _exhausted;

    public HanGramFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        Clear();
    }

    /// <summary>Han characters of the Basic Multilingual Plane (unified, extension A, compatibility).</summary>
    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    public override bool IncrementToken()
    {
        while (true)
        {
            if (_writing)
            {
                // The 3- and then the 4-gram starting at each character of the run.
                if (_next + _size <= _run.Count)
                {
                    WriteGram();
                    (_next, _size) = _size == 3 ? (_next, 4) : (_next + 1, 3);
                    return true;
                }

                _writing = false;
                _run.Clear();
                (_next, _size) = (0, 3);
                if (_carry is { } carried)
                {
                    _carry = null;
                    _runPosition = carried.Position;
                    _run.Add((carried.Char, carried.Start, carried.End));
                }
            }

            if (_exhausted)
            {
                return false;
            }

            if (!m_input.IncrementToken())
            {
                _exhausted = true;
                _writing = true;
                continue;
            }

            _position += _increment.PositionIncrement;
            var han = _term.Length == 1 && IsHan(_term.Buffer[0]);
            if (han && (_run.Count == 0 || (_run[^1].End == _offset.StartOffset && _runPosition + _run.Count == _position)))
            {
                if (_run.Count == 0)
                {
                    _runPosition = _position;
                }

                _run.Add((_term.Buffer[0], _offset.StartOffset, _offset.EndOffset));
                continue;
            }

            // The run ends here: write its grams; a Han character that ends it starts the next one.
            _carry = han ? (_term.Buffer[0], _offset.StartOffset, _offset.EndOffset, _position) : null;
            _writing = true;
        }
    }

    public override void Reset()
    {
        base.Reset();
        Clear();
    }

    private void WriteGram()
    {
        ClearAttributes();
        var buffer = _term.ResizeBuffer(_size);
        for (var k = 0; k < _size; k++)
        {
            buffer[k] = _run[_next + k].Char;
        }

        _term.Length = _size;
        _offset.SetOffset(_run[_next].Start, _run[_next + _size - 1].End);
        var position = _runPosition + _next;
        _increment.PositionIncrement = position - _emitted;
        _type.Type = "<GRAM>";
        _emitted = position;
    }

    private void Clear()
    {
        _run.Clear();
        _carry = null;
        _position = -1;
        _runPosition = -1;
        _emitted = -1;
        (_next, _size) = (0, 3);
        _writing = false;
        _exhausted = false;
    }
}

/// <summary>The analyzers of the index: bigrams for every text field, SmartCn words for the <c>.w</c> twins, Han grams for the <c>.g</c> twins.</summary>
internal sealed class SearchAnalyzers : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public SearchAnalyzers()
    {
        Bigrams = new BigramAnalyzer(Version);
        Words = HanWordAnalyzer.Create(Version);
        Grams = new HanGramAnalyzer();
        var perField = SearchFields.Worded.ToDictionary(f => SearchFields.Words(f.Field), _ => Words);
        foreach (var field in SearchFields.Grammed)
        {
            perField[SearchFields.Grams(field)] = Grams;
        }

        Index = new PerFieldAnalyzerWrapper(Bigrams, perField);
    }

    public Analyzer Bigrams { get; }
    public Analyzer Words { get; }
    public Analyzer Grams { get; }

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

    /// <summary>
    /// The terms of a Han word of 3 or more characters for a gram field, as a phrase: the word itself when it has 3 or
    /// 4 characters, else 4-grams overlapping by at least one character (which makes them adjacent) from its start to
    /// its end. Null when the word is not all Han characters or shorter: that word is looked for as bigrams.
    /// </summary>
    public static List<(string Term, int Position)>? GramPhrase(string word)
    {
        if (word.Length < 3 || !word.All(HanGramFilter.IsHan))
        {
            return null;
        }

        if (word.Length <= 4)
        {
            return [(word, 0)];
        }

        var terms = new List<(string, int)>();
        var at = 0;
        for (; at + 4 < word.Length; at += 3)
        {
            terms.Add((word.Substring(at, 4), at));
        }

        terms.Add((word[^4..], word.Length - 4));
        return terms;
    }

    public void Dispose()
    {
        Index.Dispose();
        Bigrams.Dispose();
        Words.Dispose();
        Grams.Dispose();
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

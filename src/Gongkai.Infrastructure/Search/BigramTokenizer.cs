using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// <see cref="BigramAnalyzer"/>'s chain as Lucene's classes make it: <see cref="StandardTokenizer"/>, then
/// <see cref="Filters"/>. What <see cref="BigramTokenizer"/> must equal, token for token.
/// </summary>
internal sealed class StandardBigramAnalyzer(LuceneVersion version) : Analyzer
{
    /// <summary>Width folding, lower case, CJK bigrams with single characters, <see cref="CJKAnalyzer"/>'s stop words.</summary>
    public static TokenStream Filters(LuceneVersion version, TokenStream source)
    {
        TokenStream result = new CJKWidthFilter(source);
        result = new LowerCaseFilter(version, result);
        result = new CJKBigramFilter(result, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
        return new StopFilter(version, result, CJKAnalyzer.DefaultStopSet);
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(version, reader);
        return new TokenStreamComponents(source, Filters(version, source));
    }
}

/// <summary>
/// <see cref="StandardBigramAnalyzer"/>'s tokens in one step. The text's tokens come from <see cref="StandardTokens"/>;
/// when every one is a BMP Han character or ASCII (or full-width ASCII), the filters' work is done here: fold width,
/// lower-case, a single character then the bigram with the next for every run of adjacent Han characters, stop words
/// dropped with their positions added to the next token. Otherwise (kana, Hangul, other letters) the tokens go through
/// Lucene's filters. The analyzer it serves has no char filter, so offsets are the text's.
/// </summary>
internal sealed class BigramTokenizer : PlainTextTokenizer
{
    private static readonly CharArraySet StopWords = CJKAnalyzer.DefaultStopSet;

    private readonly TokenList _replay;
    private readonly TokenStream _filters;
    private readonly IPositionLengthAttribute _positionLength;
    private readonly ICharTermAttribute _filteredTerm;
    private readonly IOffsetAttribute _filteredOffset;
    private readonly IPositionIncrementAttribute _filteredIncrement;
    private readonly IPositionLengthAttribute _filteredPositionLength;
    private readonly ITypeAttribute _filteredType;
    private bool[] _han = new bool[1024];
    private bool _filtering, _bigramNext, _inRun;
    private int _next, _run, _skipped;

    public BigramTokenizer(LuceneVersion version, TextReader input) : base(input, source => StandardBigramAnalyzer.Filters(version, source))
    {
        _positionLength = AddAttribute<IPositionLengthAttribute>();
        _replay = new TokenList(Tokens);
        _filters = StandardBigramAnalyzer.Filters(version, _replay);
        _filteredTerm = _filters.AddAttribute<ICharTermAttribute>();
        _filteredOffset = _filters.AddAttribute<IOffsetAttribute>();
        _filteredIncrement = _filters.AddAttribute<IPositionIncrementAttribute>();
        _filteredPositionLength = _filters.AddAttribute<IPositionLengthAttribute>();
        _filteredType = _filters.AddAttribute<ITypeAttribute>();
    }

    protected override bool NextToken() => _filtering ? Filtered() : Direct();

    protected override void EndTokens()
    {
        if (_filtering)
        {
            _filters.End();
            Increment.PositionIncrement += _filteredIncrement.PositionIncrement;
            Offset.SetOffset(_filteredOffset.StartOffset, _filteredOffset.EndOffset);
            _filters.Dispose();
            _filtering = false;
            return;
        }

        Increment.PositionIncrement += Tokens.TrailingSkipped + _skipped;
        Offset.SetOffset(Tokens.Length, Tokens.Length);
    }

    protected override void Restart()
    {
        if (_filtering)
        {
            _filters.Dispose();
        }

        _filtering = _bigramNext = _inRun = false;
        _next = _run = _skipped = 0;
    }

    protected override void TokensRead()
    {
        if (_han.Length < Tokens.Count || (_han.Length > 1 << 16 && Tokens.Count < 1 << 12))
        {
            _han = new bool[Math.Max(Tokens.Count, 1024)];
        }

        var text = Tokens.Text;
        for (var t = 0; t < Tokens.Count; t++)
        {
            var start = Tokens.Start[t];
            var length = Tokens.TokenLength[t];
            var type = Tokens.Type[t];
            if (length == 1 && ReferenceEquals(type, StandardTokens.Ideographic) && StandardTokens.IsHan(text[start]))
            {
                _han[t] = true;
                continue;
            }

            _han[t] = false;
            var plain = !IsCjkType(type);
            for (var k = start; plain && k < start + length; k++)
            {
                plain = text[k] < 0x80 || text[k] is >= '\uFF01' and <= '\uFF5E';
            }

            if (!plain)
            {
                // Kana, Hangul or other letters: Lucene's filters decide.
                _filtering = true;
                _replay.SetReader(TextReader.Null);
                _filters.Reset();
                return;
            }
        }
    }

    private static bool IsCjkType(string type) =>
        type == StandardTokens.Ideographic
        || type == StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA]
        || type == StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA]
        || type == StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL];

    private bool Filtered()
    {
        if (!_filters.IncrementToken())
        {
            return false;
        }

        Term.CopyBuffer(_filteredTerm.Buffer, 0, _filteredTerm.Length);
        Offset.SetOffset(_filteredOffset.StartOffset, _filteredOffset.EndOffset);
        Increment.PositionIncrement = _filteredIncrement.PositionIncrement;
        _positionLength.PositionLength = _filteredPositionLength.PositionLength;
        TokenType.Type = _filteredType.Type;
        return true;
    }

    private bool Direct()
    {
        var text = Tokens.Text;
        var starts = Tokens.Start;
        while (true)
        {
            if (_inRun)
            {
                var at = starts[_run];
                if (_bigramNext)
                {
                    // CJKBigramFilter: the bigram of this character and the next, at the same position.
                    var pair = Term.ResizeBuffer(2);
                    pair[0] = text[at];
                    pair[1] = text[starts[_run + 1]];
                    Term.Length = 2;
                    Offset.SetOffset(at, starts[_run + 1] + 1);
                    Increment.PositionIncrement = 0;
                    _positionLength.PositionLength = 2;
                    TokenType.Type = CJKBigramFilter.DOUBLE_TYPE;
                    _bigramNext = false;
                    _run++;
                    return true;
                }

                var single = Term.ResizeBuffer(1);
                single[0] = text[at];
                Term.Length = 1;
                Offset.SetOffset(at, at + 1);
                Increment.PositionIncrement = 1 + _skipped;
                _skipped = 0;
                TokenType.Type = CJKBigramFilter.SINGLE_TYPE;
                var next = _run + 1;
                if (next < Tokens.Count && _han[next] && starts[next] == at + 1)
                {
                    _bigramNext = true;
                }
                else
                {
                    _inRun = false;
                    _next = next;
                }

                return true;
            }

            if (_next == Tokens.Count)
            {
                return false;
            }

            if (_han[_next])
            {
                _inRun = true;
                _run = _next;
                continue;
            }

            // Any other token is ASCII or full-width ASCII: width folding, then lower case, then the stop words.
            var t = _next++;
            var start = starts[t];
            var length = Tokens.TokenLength[t];
            var buffer = Term.ResizeBuffer(length);
            for (var k = 0; k < length; k++)
            {
                var c = text[start + k];
                if (c is >= '\uFF01' and <= '\uFF5E')
                {
                    c = (char)(c - 0xFEE0);
                }

                buffer[k] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }

            Term.Length = length;
            if (StopWords.Contains(buffer, 0, length))
            {
                _skipped += Tokens.Increment[t];
                continue;
            }

            Offset.SetOffset(start, start + length);
            Increment.PositionIncrement = Tokens.Increment[t] + _skipped;
            _skipped = 0;
            TokenType.Type = Tokens.Type[t];
            return true;
        }
    }

    /// <summary>The tokens of a <see cref="StandardTokens"/> as a token stream, for Lucene's filters.</summary>
    private sealed class TokenList : Tokenizer
    {
        private readonly StandardTokens _tokens;
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _increment;
        private readonly ITypeAttribute _type;
        private int _next;

        public TokenList(StandardTokens tokens) : base(TextReader.Null)
        {
            _tokens = tokens;
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
            _type = AddAttribute<ITypeAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (_next == _tokens.Count)
            {
                return false;
            }

            var t = _next++;
            _term.CopyBuffer(_tokens.Text, _tokens.Start[t], _tokens.TokenLength[t]);
            _increment.PositionIncrement = _tokens.Increment[t];
            _offset.SetOffset(_tokens.Start[t], _tokens.Start[t] + _tokens.TokenLength[t]);
            _type.Type = _tokens.Type[t];
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_tokens.Length, _tokens.Length);
            _increment.PositionIncrement += _tokens.TrailingSkipped;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}

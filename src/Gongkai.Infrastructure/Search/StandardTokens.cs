using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// The tokens <see cref="StandardTokenizer"/> (Lucene 4.8, Unicode 6.3 word breaks) makes of a text — term, offsets,
/// position increment, type — found without its generated scanner where the text is plain: Han characters of the
/// Basic Multilingual Plane, runs of ASCII letters and digits, and punctuation that can never be part of a token.
/// Anything else (other scripts, full-width forms, combining marks, 1,234.5, a.b, runs over 255 characters) is handed
/// to a <see cref="StandardTokenizer"/> from the nearest point where that scanner certainly starts a new token to
/// the next one, so the result is the same token for token (SearchTokenizerTests compares the two).
/// </summary>
internal sealed class StandardTokens
{
    /// <summary>What <see cref="StandardTokenizer"/> keeps: longer tokens are skipped, leaving a position gap.</summary>
    private const int MaxTokenLength = StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;

    public static readonly string Ideographic = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
    private static readonly string Number = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];
    private static readonly string Word = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];

    // Character classes. Other: anything the scanner must see. Han: a token of its own, always, and the scanner starts
    // a new token at it. Digit, Letter: ASCII. Break: never part of a token, the scanner starts anew at it. Mid: part
    // of a token only between letters or digits (a.b, 1,234, o'clock); between Han characters or breaks it is a break.
    private const byte Other = 0, Han = 1, Digit = 2, Letter = 3, Break = 4, Mid = 5;
    private static readonly byte[] Classes = BuildClasses();

    private readonly StandardTokenizer _scanner = new(SearchAnalyzers.Version, TextReader.Null);
    private readonly ICharTermAttribute _scannedTerm;
    private readonly IOffsetAttribute _scannedOffset;
    private readonly IPositionIncrementAttribute _scannedIncrement;
    private readonly ITypeAttribute _scannedType;

    public StandardTokens()
    {
        _scannedTerm = _scanner.AddAttribute<ICharTermAttribute>();
        _scannedOffset = _scanner.AddAttribute<IOffsetAttribute>();
        _scannedIncrement = _scanner.AddAttribute<IPositionIncrementAttribute>();
        _scannedType = _scanner.AddAttribute<ITypeAttribute>();
    }

    /// <summary>The text read.</summary>
    public char[] Text { get; private set; } = new char[4096];

    public int Length { get; private set; }

    public int Count { get; private set; }

    public int[] Start { get; private set; } = new int[1024];
    public int[] TokenLength { get; private set; } = new int[1024];
    public int[] Increment { get; private set; } = new int[1024];
    public string[] Type { get; private set; } = new string[1024];

    /// <summary>Positions of tokens skipped for their length after the last token (what <c>End()</c> adds).</summary>
    public int TrailingSkipped { get; private set; }

    /// <summary>A Han character of the Basic Multilingual Plane that the scanner makes a token of its own.</summary>
    public static bool IsHan(char c) => Classes[c] == Han;

    /// <summary>
    /// Texts longer than this are left to Lucene's own classes, which read a text a piece at a time: the tokens of a
    /// whole text are held here, about 20 bytes a character.
    /// </summary>
    public const int MaxLength = 1 << 20;

    /// <summary>
    /// Reads <paramref name="input"/> to its end and finds its tokens; false, with nothing found, when the text is
    /// longer than <see cref="MaxLength"/> (<see cref="Rest"/> then reads it from its start).
    /// </summary>
    public bool Read(TextReader input)
    {
        if (Text.Length > 1 << 18)
        {
            // A large attachment does not keep its buffers with the thread.
            Text = new char[4096];
            Start = new int[1024];
            TokenLength = new int[1024];
            Increment = new int[1024];
            Type = new string[1024];
        }

        var length = 0;
        while (true)
        {
            if (length > MaxLength)
            {
                Length = length;
                Count = 0;
                return false;
            }

            if (length == Text.Length)
            {
                var grown = new char[Text.Length * 2];
                Array.Copy(Text, grown, length);
                Text = grown;
            }

            var read = input.Read(Text, length, Text.Length - length);
            if (read <= 0)
            {
                break;
            }

            length += read;
        }

        Length = length;
        Tokenize();
        return true;
    }

    /// <summary>After <see cref="Read"/> gave up: the whole text again, what was read and then the rest of <paramref name="input"/>.</summary>
    public TextReader Rest(TextReader input) => new PrefixedReader(Text, Length, input);

    private void Tokenize()
    {
        var text = Text;
        var n = Length;
        Count = 0;
        var skipped = 0;
        var i = 0;
        while (i < n)
        {
            switch (Classes[text[i]])
            {
                case Han when i + 1 == n || Classes[text[i + 1]] != Other:
                    Add(i, 1, Ideographic, ref skipped);
                    i++;
                    continue;
                case Digit or Letter:
                    var j = i;
                    var digits = true;
                    while (j < n && Classes[text[j]] is Digit or Letter)
                    {
                        digits &= Classes[text[j]] == Digit;
                        j++;
                    }

                    if (j - i <= MaxTokenLength && (j == n || Classes[text[j]] is Han or Break || (Classes[text[j]] == Mid && BreaksAfter(j))))
                    {
                        Add(i, j - i, digits ? Number : Word, ref skipped);
                        i = j;
                        continue;
                    }

                    break;
                case Break:
                    i++;
                    continue;
                case Mid when IsBreak(i):
                    i++;
                    continue;
            }

            // From i the scanner decides, up to the next character where it certainly starts anew.
            var end = i + 1;
            while (end < n && !(Classes[text[end]] is Han or Break || (Classes[text[end]] == Mid && IsBreak(end))))
            {
                end++;
            }

            Scan(i, end, ref skipped);
            i = end;
        }

        TrailingSkipped = skipped;
    }

    /// <summary>A Mid character at <paramref name="i"/> that joins nothing: after a Han character, a break or the start, or between an ASCII run and a Han character, a break or the end.</summary>
    private bool IsBreak(int i) =>
        i == 0 || Classes[Text[i - 1]] is Han or Break || (Classes[Text[i - 1]] is Digit or Letter && BreaksAfter(i));

    private bool BreaksAfter(int i) => i + 1 == Length || Classes[Text[i + 1]] is Han or Break;

    /// <summary>Tokens of text[start..end) from the scanner itself, followed by " x": x's increment tells the positions of tokens skipped at the end.</summary>
    private void Scan(int start, int end, ref int skipped)
    {
        var piece = string.Concat(Text.AsSpan(start, end - start), " x");
        _scanner.SetReader(new StringReader(piece));
        _scanner.Reset();
        var sentinel = end - start + 1;
        while (_scanner.IncrementToken())
        {
            skipped += _scannedIncrement.PositionIncrement - 1;
            if (_scannedOffset.StartOffset == sentinel)
            {
                break;
            }

            Add(start + _scannedOffset.StartOffset, _scannedTerm.Length, _scannedType.Type, ref skipped);
        }

        _scanner.End();
        _scanner.Dispose();
    }

    private void Add(int start, int length, string type, ref int skipped)
    {
        if (Count == Start.Length)
        {
            Start = Grow(Start);
            TokenLength = Grow(TokenLength);
            Increment = Grow(Increment);
            Type = Grow(Type);
        }

        Start[Count] = start;
        TokenLength[Count] = length;
        Increment[Count] = 1 + skipped;
        Type[Count] = type;
        skipped = 0;
        Count++;
    }

    private static T[] Grow<T>(T[] array)
    {
        var grown = new T[array.Length * 2];
        Array.Copy(array, grown, array.Length);
        return grown;
    }

    private static byte[] BuildClasses()
    {
        var classes = new byte[65536];
        void Set(int from, int to, byte c)
        {
            for (var x = from; x <= to; x++)
            {
                classes[x] = c;
            }
        }

        // The Han characters StandardTokenizer 4.8 makes single <IDEOGRAPHIC> tokens of (Unicode 6.3): unified
        // ideographs, extension A, compatibility ideographs. Radicals and 〇 are left to the scanner.
        Set(0x4E00, 0x9FCC, Han);
        Set(0x3400, 0x4DB5, Han);
        Set(0xF900, 0xFA6D, Han);
        Set(0xFA70, 0xFAD9, Han);
        Set('0', '9', Digit);
        Set('a', 'z', Letter);
        Set('A', 'Z', Letter);
        foreach (var c in "\t\n\v\f\r !#$%&()*+-/<=>?@[\\]^`{|}~\u00A0\u3000\u3001\u3002\u300A\u300B\u300C\u300D\u300E\u300F\u3010\u3011\u3014\u3015\u3016\u3017\u201C\u201D\u2013\u2014\u2026\uFF01\uFF08\uFF09\uFF1F\uFF05\uFF5E")
        {
            classes[c] = Break;
        }

        foreach (var c in "'\",.;:\u00B7\u2018\u2019\uFF0C\uFF0E\uFF1A\uFF1B")
        {
            classes[c] = Mid;
        }

        return classes;
    }
}

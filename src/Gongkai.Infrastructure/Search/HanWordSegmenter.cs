using Lucene.Net.Analysis.Cn.Smart;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// SmartCn's segmentation of one sentence (HHMMSegmenter, WordSegmenter and SegTokenFilter), computed the same way —
/// every candidate word the dictionary has at every character, each pair weighted by the bigram dictionary with the same
/// smoothing, the lightest path kept with the same order of comparison — into arrays reused from one sentence to the
/// next. The words, offsets and order are those of Lucene's classes (<c>SearchTokenizerTests</c> compare them).
/// </summary>
internal sealed class HanWordSegmenter
{
    private static readonly SmartCnDictionaries? Shared = SmartCnDictionaries.Load();

    /// <summary>Whether SmartCn's dictionaries could be reached (they are internal to its assembly).</summary>
    public static bool Available => Shared is not null;

    // Candidate tokens of the sentence, in SmartCn's index order: begin, then by start offset and creation, then end.
    private int[] _start = new int[64], _end = new int[64], _weight = new int[64], _keyAt = new int[64], _keyLength = new int[64];
    private WordType[] _kind = new WordType[64];
    private int[] _previous = new int[64];
    private double[] _best = new double[64];
    private int _tokens;

    // Where the tokens starting at each offset begin in the arrays above (-1: none), and how many there are.
    private int[] _firstAt = new int[64], _countAt = new int[64];
    private CharType[] _types = new CharType[64];

    // Dictionary keys of the tokens, one after another; the word being extended.
    private char[] _keys = new char[256];
    private int _keysLength;
    private char[] _prefix = new char[16];

    // The result: words (term text one after another), their offsets in the sentence.
    private char[] _words = new char[256];
    private int[] _wordAt = new int[32], _wordLength = new int[32], _wordStart = new int[32], _wordEnd = new int[32];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public ArraySegment<char> Word(int index, out int start, out int end)
    {
        (start, end) = (_wordStart[index], _wordEnd[index]);
        return new ArraySegment<char>(_words, _wordAt[index], _wordLength[index]);
    }

    public void Segment(ReadOnlySpan<char> sentence)
    {
        var d = Shared ?? throw new InvalidOperationException("SmartCn's dictionaries are not available.");
        Count = 0;
        _tokens = 0;
        _keysLength = 0;
        var length = sentence.Length;
        Ensure(ref _types, length);
        Ensure(ref _firstAt, length + 1);
        Ensure(ref _countAt, length + 1);
        for (var k = 0; k < length; k++)
        {
            _types[k] = Utility.GetCharType(sentence[k]);
        }

        _firstAt.AsSpan(0, length + 1).Fill(-1);
        _countAt.AsSpan(0, length + 1).Clear();

        AddToken(-1, 0, WordType.SENTENCE_BEGIN, Utility.START_CHAR_ARRAY, d.StartFrequency);
        var i = 0;
        while (i < length)
        {
            switch (_types[i])
            {
                case CharType.SPACE_LIKE:
                    i++;
                    break;
                case CharType.HANZI:
                    AddHanWords(d, sentence, i, length);
                    i++;
                    break;
                case CharType.LETTER or CharType.FULLWIDTH_LETTER:
                    i = AddRun(i, length, CharType.FULLWIDTH_LETTER, CharType.LETTER, WordType.STRING, Utility.STRING_CHAR_ARRAY, d.StringFrequency);
                    break;
                case CharType.DIGIT or CharType.FULLWIDTH_DIGIT:
                    i = AddRun(i, length, CharType.FULLWIDTH_DIGIT, CharType.DIGIT, WordType.NUMBER, Utility.NUMBER_CHAR_ARRAY, d.NumberFrequency);
                    break;
                case CharType.DELIMITER:
                    AddToken(i, i + 1, WordType.DELIMITER, sentence.Slice(i, 1), Utility.MAX_FREQUENCE);
                    i++;
                    break;
                default:
                    // A character SmartCn does not know (not in GB2312): an unknown string of one.
                    AddToken(i, i + 1, WordType.STRING, Utility.STRING_CHAR_ARRAY, d.StringFrequency);
                    i++;
                    break;
            }
        }

        AddToken(length, length + 1, WordType.SENTENCE_END, Utility.END_CHAR_ARRAY, d.EndFrequency);
        LightestPath(d, length);
        Emit(sentence);
    }

    /// <summary>
    /// A run of letters or of digits from <paramref name="i"/>, half- and full-width mixed, as one token of the unknown
    /// string or number (full-width if any of it is); returns where the run ends.
    /// </summary>
    private int AddRun(int i, int length, CharType fullWidth, CharType halfWidth, WordType kind, char[] key, int weight)
    {
        var anyFullWidth = false;
        var j = i;
        while (j < length && (_types[j] == fullWidth || _types[j] == halfWidth))
        {
            anyFullWidth |= _types[j] == fullWidth;
            j++;
        }

        var type = !anyFullWidth ? kind : kind == WordType.STRING ? WordType.FULLWIDTH_STRING : WordType.FULLWIDTH_NUMBER;
        AddToken(i, j, type, key, weight);
        return j;
    }

    /// <summary>The character at <paramref name="i"/> alone, then every longer dictionary word from it (spaces skipped).</summary>
    private void AddHanWords(SmartCnDictionaries d, ReadOnlySpan<char> sentence, int i, int length)
    {
        // The word so far grows in _prefix; each token keeps a copy.
        var j = i + 1;
        var key = _prefix;
        key[0] = sentence[i];
        var keyLength = 1;
        AddToken(i, j, WordType.CHINESE_WORD, key.AsSpan(0, 1), d.CharacterFrequency(key[0]));
        var found = d.FirstWord(key[0]);
        while (j <= length && found != -1)
        {
            if (keyLength > 1 && d.IsEqual(key.AsSpan(0, keyLength), found))
            {
                AddToken(i, j, WordType.CHINESE_WORD, key.AsSpan(0, keyLength), d.FrequencyAt(key.AsSpan(0, keyLength), found));
            }

            while (j < length && _types[j] == CharType.SPACE_LIKE)
            {
                j++;
            }

            if (j < length && _types[j] == CharType.HANZI)
            {
                if (keyLength == key.Length)
                {
                    Array.Resize(ref _prefix, key.Length * 2);
                    key = _prefix;
                }

                key[keyLength++] = sentence[j];
                found = d.PrefixMatch(key.AsSpan(0, keyLength), found);
                j++;
            }
            else
            {
                break;
            }
        }
    }

    private void AddToken(int start, int end, WordType kind, ReadOnlySpan<char> key, int weight)
    {
        var n = _tokens;
        if (n == _start.Length)
        {
            var size = n * 2;
            Array.Resize(ref _start, size);
            Array.Resize(ref _end, size);
            Array.Resize(ref _weight, size);
            Array.Resize(ref _keyAt, size);
            Array.Resize(ref _keyLength, size);
            Array.Resize(ref _kind, size);
        }

        if (_keysLength + key.Length > _keys.Length)
        {
            Array.Resize(ref _keys, Math.Max(_keys.Length * 2, _keysLength + key.Length));
        }

        key.CopyTo(_keys.AsSpan(_keysLength));
        (_start[n], _end[n], _weight[n], _keyAt[n], _keyLength[n], _kind[n]) = (start, end, weight, _keysLength, key.Length, kind);
        _keysLength += key.Length;
        if (start >= 0)
        {
            if (_countAt[start] == 0)
            {
                _firstAt[start] = n;
            }

            _countAt[start]++;
        }

        _tokens++;
    }

    /// <summary>
    /// BiSegGraph's weights and shortest path, relaxed in the order its lists hold the pairs (each pair from a token to
    /// every token at the next offset that has any), a lighter path replacing only a strictly lighter one.
    /// </summary>
    private void LightestPath(SmartCnDictionaries d, int length)
    {
        const double Smooth = 0.1;
        var tiny = 1.0 / Utility.MAX_FREQUENCE;
        var n = _tokens;
        Ensure(ref _best, n);
        Ensure(ref _previous, n);
        _best[0] = 0;
        for (var t = 1; t < n; t++)
        {
            _best[t] = double.MaxValue;
            _previous[t] = -1;
        }

        // The end token starts at length: it has no successor. Every other token starts before it.
        for (var t1 = 0; t1 < n - 1; t1++)
        {
            var next = _end[t1];
            while (next < length && _countAt[next] == 0)
            {
                next++;
            }

            int first, count;
            if (next < length)
            {
                (first, count) = (_firstAt[next], _countAt[next]);
            }
            else
            {
                (first, count) = (n - 1, 1);
            }

            double oneWordFrequency = _weight[t1];
            var leftLength = _keyLength[t1];
            for (var t2 = first; t2 < first + count; t2++)
            {
                var pairFrequency = d.PairFrequency(_keys.AsSpan(_keyAt[t1], leftLength), _keys.AsSpan(_keyAt[t2], _keyLength[t2]));
                var weight = -Math.Log(Smooth * (1.0 + oneWordFrequency) / (Utility.MAX_FREQUENCE + 0.0)
                    + (1.0 - Smooth) * ((1.0 - tiny) * pairFrequency / (1.0 + oneWordFrequency) + tiny));
                var through = _best[t1] + weight;
                if (through < _best[t2])
                {
                    _best[t2] = through;
                    _previous[t2] = t1;
                }
            }
        }
    }

    /// <summary>The path's tokens between begin and end, as WordSegmenter and SegTokenFilter turn them into terms.</summary>
    private void Emit(ReadOnlySpan<char> sentence)
    {
        var n = _tokens;
        var words = 0;
        for (var t = _previous[n - 1]; t > 0; t = _previous[t])
        {
            words++;
        }

        Ensure(ref _wordAt, words);
        Ensure(ref _wordLength, words);
        Ensure(ref _wordStart, words);
        Ensure(ref _wordEnd, words);
        // The path runs backwards: lengths first, then each word's place in _words in sentence order, then the text.
        var w = words;
        for (var t = _previous[n - 1]; t > 0; t = _previous[t])
        {
            w--;
            (_wordStart[w], _wordEnd[w]) = (_start[t], _end[t]);
            _wordLength[w] = _kind[t] switch
            {
                WordType.STRING or WordType.NUMBER or WordType.FULLWIDTH_STRING or WordType.FULLWIDTH_NUMBER => _end[t] - _start[t],
                WordType.DELIMITER => Utility.COMMON_DELIMITER.Length,
                _ => _keyLength[t],
            };
        }

        var total = 0;
        for (var k = 0; k < words; k++)
        {
            _wordAt[k] = total;
            total += _wordLength[k];
        }

        Ensure(ref _words, total);

        w = words;
        for (var t = _previous[n - 1]; t > 0; t = _previous[t])
        {
            w--;
            var target = _words.AsSpan(_wordAt[w], _wordLength[w]);
            switch (_kind[t])
            {
                case WordType.STRING:
                    sentence[_start[t].._end[t]].CopyTo(target);
                    LowerLatin(target);
                    break;
                case WordType.NUMBER:
                    sentence[_start[t].._end[t]].CopyTo(target);
                    break;
                case WordType.FULLWIDTH_STRING or WordType.FULLWIDTH_NUMBER:
                    sentence[_start[t].._end[t]].CopyTo(target);
                    for (var k = 0; k < target.Length; k++)
                    {
                        if (target[k] >= '\uFF10')
                        {
                            target[k] = (char)(target[k] - 0xFEE0);
                        }
                    }

                    LowerLatin(target);
                    break;
                case WordType.DELIMITER:
                    Utility.COMMON_DELIMITER.CopyTo(target);
                    break;
                default:
                    _keys.AsSpan(_keyAt[t], _keyLength[t]).CopyTo(target);
                    break;
            }
        }

        Count = words;
    }

    private static void LowerLatin(Span<char> text)
    {
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] is >= 'A' and <= 'Z')
            {
                text[k] = (char)(text[k] + 0x20);
            }
        }
    }

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            Array.Resize(ref array, Math.Max(array.Length * 2, length));
        }
    }
}

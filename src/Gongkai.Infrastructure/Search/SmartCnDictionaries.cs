using System.Reflection;
using Lucene.Net.Analysis.Cn.Smart;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// SmartCn's two dictionaries (internal to its assembly), read in place: the same tables, searched with the same hash
/// functions, probes, binary searches and comparisons as WordDictionary and BigramDictionary, on spans instead of
/// arrays of an exact length, and with the list of each first character found once instead of at every lookup.
/// </summary>
internal sealed class SmartCnDictionaries
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    // Words by first character: the list of the rest of each word (null or empty for the character alone), sorted.
    private readonly char[][]?[] _lists = new char[65536][][];
    private readonly int[]?[] _frequencies = new int[65536][];
    private readonly bool[] _sorted = new bool[65536];

    // Lists sorted with no word twice: a word found at an index is found there by every search.
    private readonly bool[] _plain = new bool[65536];

    // One bit per pair hash (its low bits) of every pair in the table: most pairs are not in it, and this answers
    // so from 512 KB instead of a probe into the table's 5 MB.
    private readonly ulong[] _pairBits = new ulong[PairBitsLength / 64];
    private const int PairBitsLength = 1 << 22;

    // Word pairs ("left@right") by hash, open addressing with double hashing.
    private long[] _pairHashes = [];
    private int[] _pairFrequencies = [];
    private int _pairPrime;

    public char SegmentChar { get; private set; }
    public int StartFrequency { get; private set; }
    public int EndFrequency { get; private set; }
    public int StringFrequency { get; private set; }
    public int NumberFrequency { get; private set; }

    public static SmartCnDictionaries? Load()
    {
        try
        {
            var assembly = typeof(SmartChineseAnalyzer).Assembly;
            var words = GetInstance(assembly, "Lucene.Net.Analysis.Cn.Smart.Hhmm.WordDictionary");
            var pairs = GetInstance(assembly, "Lucene.Net.Analysis.Cn.Smart.Hhmm.BigramDictionary");
            var d = new SmartCnDictionaries();
            var tableIndex = (Func<char, short>)words.GetType().GetMethod("GetWordItemTableIndex", Instance, [typeof(char)])!
                .CreateDelegate(typeof(Func<char, short>), words);
            var listIndex = (short[])Field(words, "wordIndexTable");
            var lists = (char[][][])Field(words, "wordItem_charArrayTable");
            var frequencies = (int[][])Field(words, "wordItem_frequencyTable");
            for (var c = 0; c < 65536; c++)
            {
                // An empty slot (only character 0 finds one) holds no list: -1.
                var index = tableIndex((char)c);
                if (index != -1 && listIndex[index] >= 0 && lists[listIndex[index]] is { } list)
                {
                    (d._lists[c], d._frequencies[c]) = (list, frequencies[listIndex[index]]);
                    d._sorted[c] = IsSorted(list);
                    d._plain[c] = d._sorted[c] && IsUnique(list);
                }
            }

            d._pairHashes = (long[])Field(pairs, "bigramHashTable");
            foreach (var hash in d._pairHashes)
            {
                if (hash != 0)
                {
                    var bit = (int)(hash & (PairBitsLength - 1));
                    d._pairBits[bit >> 6] |= 1UL << (bit & 63);
                }
            }

            d._pairFrequencies = (int[])Field(pairs, "frequencyTable");
            d._pairPrime = (int)pairs.GetType().GetField("PRIME_BIGRAM_LENGTH", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            d.SegmentChar = (char)pairs.GetType().GetField("WORD_SEGMENT_CHAR", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            d.StartFrequency = d.Frequency(Utility.START_CHAR_ARRAY);
            d.EndFrequency = d.Frequency(Utility.END_CHAR_ARRAY);
            d.StringFrequency = d.Frequency(Utility.STRING_CHAR_ARRAY);
            d.NumberFrequency = d.Frequency(Utility.NUMBER_CHAR_ARRAY);
            return d;
        }
        catch (Exception e) when (e is TargetInvocationException or NullReferenceException or ArgumentException or MissingMemberException
            or TypeLoadException or InvalidCastException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>WordDictionary.GetFrequency: the word's frequency, 0 if it is not a word.</summary>
    public int Frequency(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || _lists[word[0]] is not { } items)
        {
            return 0;
        }

        // FindInTable's binary search.
        int start = 0, end = items.Length - 1, mid = (start + end) / 2;
        var rest = word[1..];
        while (start <= end)
        {
            var cmp = Compare(items[mid], rest);
            if (cmp == 0)
            {
                return _frequencies[word[0]]![mid];
            }

            if (cmp < 0)
            {
                start = mid + 1;
            }
            else
            {
                end = mid - 1;
            }

            mid = (start + end) / 2;
        }

        return 0;
    }

    /// <summary><see cref="Frequency"/> of a character alone: in a plain list its entry (the empty rest) can only be first.</summary>
    public int CharacterFrequency(char c)
    {
        if (_lists[c] is not { } items || !_plain[c])
        {
            return Frequency([c]);
        }

        return items.Length > 0 && items[0] is not { Length: > 0 } ? _frequencies[c]![0] : 0;
    }

    /// <summary><see cref="PrefixMatch"/> of a character alone: every word of its list begins with it, so the first.</summary>
    public int FirstWord(char c) => _lists[c] is { Length: > 0 } ? 0 : -1;

    /// <summary><see cref="Frequency"/> of a word known to be at <paramref name="item"/> of its list (<see cref="IsEqual"/>).</summary>
    public int FrequencyAt(ReadOnlySpan<char> word, int item) => _plain[word[0]] ? _frequencies[word[0]]![item] : Frequency(word);

    /// <summary>WordDictionary.GetPrefixMatch: the first word (from <paramref name="knownStart"/>) that begins with <paramref name="prefix"/>, or -1.</summary>
    public int PrefixMatch(ReadOnlySpan<char> prefix, int knownStart)
    {
        if (_lists[prefix[0]] is not { } items)
        {
            return -1;
        }

        int start = knownStart, end = items.Length - 1, mid = (start + end) / 2;
        var rest = prefix[1..];
        while (start <= end)
        {
            var cmp = ComparePrefix(rest, items[mid]);
            if (cmp == 0)
            {
                return _sorted[prefix[0]] ? FirstWithPrefix(items, rest, mid) : WalkBack(items, rest, mid);
            }

            if (cmp < 0)
            {
                end = mid - 1;
            }
            else
            {
                start = mid + 1;
            }

            mid = (start + end) / 2;
        }

        return -1;
    }

    /// <summary>WordDictionary.IsEqual: whether the word at <paramref name="item"/> of its first character's list is <paramref name="word"/>.</summary>
    public bool IsEqual(ReadOnlySpan<char> word, int item) => Compare(_lists[word[0]]![item], word[1..]) == 0;

    /// <summary>BigramDictionary.GetFrequency of "left@right".</summary>
    public int PairFrequency(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        // AbstractDictionary.Hash1 (FNV, 64 bits) and Hash2 (djb2) over left, the separator, right.
        const long P = 1099511628211L;
        var hashId = unchecked((long)0xcbf29ce484222325L);
        var hash2 = 5381;
        Hash(left, ref hashId, ref hash2);
        Hash([SegmentChar], ref hashId, ref hash2);
        Hash(right, ref hashId, ref hash2);

        var bit = (int)(hashId & (PairBitsLength - 1));
        if ((_pairBits[bit >> 6] & (1UL << (bit & 63))) == 0)
        {
            return 0;
        }

        var prime = _pairPrime;
        var h1 = (int)(hashId % prime);
        var h2 = hash2 % prime;
        if (h1 < 0)
        {
            h1 = prime + h1;
        }

        if (h2 < 0)
        {
            h2 = prime + h2;
        }

        var index = h1;
        var i = 1;
        var table = _pairHashes;
        while (table[index] != 0 && table[index] != hashId && i < prime)
        {
            index = unchecked(h1 + i * h2) % prime;
            i++;
        }

        return i < prime && table[index] == hashId ? _pairFrequencies[index] : 0;

        static void Hash(ReadOnlySpan<char> text, ref long hash1, ref int hash2)
        {
            foreach (var c in text)
            {
                hash1 = unchecked((hash1 ^ (c & 0x00FF)) * P);
                hash1 = unchecked((hash1 ^ (c >> 8)) * P);
                hash2 = unchecked((((hash2 << 5) + hash2) + c) & 0x00FF);
                hash2 = unchecked((((hash2 << 5) + hash2) + c) >> 8);
            }
        }
    }

    /// <summary>Utility.CompareArray(item, 0, word, 1), a missing item being empty.</summary>
    private static int Compare(char[]? item, ReadOnlySpan<char> rest)
    {
        var left = item.AsSpan();
        var n = 0;
        while (n < left.Length && n < rest.Length && left[n] == rest[n])
        {
            n++;
        }

        if (n == left.Length)
        {
            return n == rest.Length ? 0 : -1;
        }

        return n == rest.Length ? 1 : left[n] > rest[n] ? 1 : -1;
    }

    /// <summary>Utility.CompareArrayByPrefix(prefix, 1, item, 0): 0 when the item begins with the prefix's rest.</summary>
    private static int ComparePrefix(ReadOnlySpan<char> rest, char[]? item)
    {
        var right = item.AsSpan();
        var n = 0;
        while (n < rest.Length && n < right.Length && rest[n] == right[n])
        {
            n++;
        }

        if (n == rest.Length)
        {
            return 0;
        }

        return n == right.Length ? 1 : rest[n] > right[n] ? 1 : -1;
    }

    /// <summary>GetPrefixMatch's step back to the first of the words with the prefix, one at a time.</summary>
    private static int WalkBack(char[]?[] items, ReadOnlySpan<char> rest, int mid)
    {
        while (mid >= 0 && ComparePrefix(rest, items[mid]) == 0)
        {
            mid--;
        }

        return mid + 1;
    }

    /// <summary>The same word as <see cref="WalkBack"/> in a sorted list (the words with a prefix stand together), by halving.</summary>
    private static int FirstWithPrefix(char[]?[] items, ReadOnlySpan<char> rest, int mid)
    {
        int low = 0, high = mid;
        while (low < high)
        {
            var m = (low + high) / 2;
            if (ComparePrefix(rest, items[m]) == 0)
            {
                high = m;
            }
            else
            {
                low = m + 1;
            }
        }

        return low;
    }

    /// <summary>Whether each word of a list is not after the next (Utility.CompareArray), as SortEachItems leaves them.</summary>
    private static bool IsSorted(char[]?[] items)
    {
        for (var k = 1; k < items.Length; k++)
        {
            if (Compare(items[k - 1], items[k].AsSpan()) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether no word of a sorted list is there twice.</summary>
    private static bool IsUnique(char[]?[] items)
    {
        for (var k = 1; k < items.Length; k++)
        {
            if (Compare(items[k - 1], items[k].AsSpan()) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static object GetInstance(Assembly assembly, string type) =>
        assembly.GetType(type, throwOnError: true)!.GetMethod("GetInstance", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;

    private static object Field(object target, string name)
    {
        for (var type = target.GetType(); type is not null; type = type.BaseType)
        {
            if (type.GetField(name, Instance) is { } field)
            {
                return field.GetValue(target)!;
            }
        }

        throw new MissingFieldException(target.GetType().Name, name);
    }
}

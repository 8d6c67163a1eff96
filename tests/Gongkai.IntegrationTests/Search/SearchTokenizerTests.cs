using System.Globalization;
using System.Text;
using Gongkai.Infrastructure.Search;
using Gongkai.SearchBench;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace Gongkai.IntegrationTests.Search;

/// <summary>
/// The index's own tokenizers (<see cref="FastStandardTokenizer"/>, <see cref="BigramTokenizer"/>,
/// <see cref="HanGramTokenizer"/>, <see cref="HanWordTokenizer"/>) must give exactly the tokens of Lucene's
/// StandardTokenizer and filter chain, and of SmartChineseAnalyzer — term, position increment, offsets, type, position
/// length, and the final offset and increment — or an index written by one would not be searched right by the other.
/// </summary>
public sealed class SearchTokenizerTests
{
    private static readonly Analyzer LuceneTokens = Analyzer.NewAnonymous((_, reader) =>
        new TokenStreamComponents(new StandardTokenizer(SearchAnalyzers.Version, reader)));

    private static readonly Analyzer FastTokens = Analyzer.NewAnonymous((_, reader) =>
        new TokenStreamComponents(new FastStandardTokenizer(reader)));

    private static readonly Analyzer LuceneBigrams = new StandardBigramAnalyzer(SearchAnalyzers.Version);
    private static readonly Analyzer Bigrams = new BigramAnalyzer(SearchAnalyzers.Version);

    private static readonly Analyzer LuceneGrams = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(SearchAnalyzers.Version, reader);
        return new TokenStreamComponents(source, new HanGramFilter(source));
    });

    private static readonly Analyzer Grams = new HanGramAnalyzer();

    private static readonly Analyzer LuceneWords = new SmartChineseAnalyzer(SearchAnalyzers.Version);
    private static readonly Analyzer Words = new HanWordAnalyzer(SearchAnalyzers.Version);

    /// <summary>Strings that make word breaking hard, alone and next to each other.</summary>
    private static readonly string[] Hard =
    [
        "", "中", "中文", "政府信息公开", "〔2024〕12号", "临教发〔2022〕120号", "第3条", "1,234.5", "3，000", "1.5亿元", "12:30", "a.b", "o'clock",
        "can't", "U.S.A.", "e-mail", "x_y", "_x_", "http://www.gov.cn/zwgk/2024-01/02/content_123.htm", "someone@example.com",
        "ＡＢＣ", "ｇｏｖ", "２０２４年", "１，２３４", "ｶﾀｶﾅ", "ﾊﾞﾊﾟ", "カタカナ", "ひらがな", "한국어", "ภาษาไทย", "עברית", "א'", "א\"ב", "Straße",
        "ΑΒΓ", "İstanbul", "١٢٣", "é", "e\u0301", "中\u0301", "中\uFE00文", "中\u200D文", "\u00AD", "𠀀𠀁", "中𠀀文", "🙂", "👍🏽", "🇨🇳", "\uD800",
        "\uDC00", "〇", "々", "㐀", "\u9FCD", "豈", "⺀", "Ⅻ", "①", "％", "～", "THE", "the", "And", "ａｎｄ", "www", "s", "t", "·", "’", "‘",
        "：", "；", "，", "．", "。", "、", "“", "”", "（", "）", "\r\n", "\t", " ", "\u3000", "\u00A0", "\u2028", "\u0085", "-", "—",
        new string('a', 255), new string('a', 256), new string('7', 300), new string('中', 300), "ab" + new string('é', 300),
        new string('ก', 260), new string('カ', 300), "x" + new string('\u0301', 10),
        // What SmartCn's segmenter treats apart: words across spaces, full-width runs, delimiters, characters outside GB2312.
        "中 国", "中华 人民 共和国", "人民\u3000共和国", "ＡＢＣ中文ａｂ１２", "Ａb１2", "中，文。", "“公开”", "鍾", "丟", "﹏", "ㄅㄆ", "①②",
        "\u00B7中", "中华人民共和国政府信息公开条例", "国务院办公厅关于做好政府信息依申请公开工作的意见", new string('国', 1100),
    ];

    [Fact]
    public void The_index_uses_its_own_word_analyzer_and_it_finds_SmartCns_dictionaries()
    {
        Assert.True(HanWordSegmenter.Available, "SmartCn's dictionaries could not be reached: the index falls back to SmartChineseAnalyzer.");
        using var analyzers = new SearchAnalyzers();
        Assert.IsType<HanWordAnalyzer>(analyzers.Words);
    }

    [Fact]
    public void Random_Han_text_segments_into_the_words_SmartCn_finds()
    {
        // Dictionary words, single characters, spaces inside words, letters, digits, delimiters: many paths tie or nearly.
        string[] pieces = ["政府", "信息", "公开", "条例", "申请", "人民", "共和国", "中华", "行政", "复议", "诉讼", "的", "了", "和", "是",
            "在", "年", "月", "日", "第", "条", "款", "国", "家", "大学", "学生", "生活", "活动", " ", "\u3000", "，", "。", "、", "：",
            "2024", "１２", "ab", "ＡＢ", "Gov", "x1", "鍾", "𠀀"];
        foreach (var text in RandomTexts(29, 5_000, 30, random => pieces[random.Next(pieces.Length)]))
        {
            Same(LuceneWords, Words, text);
        }
    }

    [Fact]
    public void The_bench_corpus_tokenizes_as_Lucene_does()
    {
        foreach (var distribution in new[] { WordDistribution.Zipf, WordDistribution.Even })
        {
            for (var id = 1; id <= 1_500; id++)
            {
                var d = Generator.Make(2024, id, distribution);
                foreach (var text in new[] { d.Title, d.DocumentNumber, d.Issuer, d.Body })
                {
                    AssertSame(text);
                }
            }
        }
    }

    [Fact]
    public void Hard_strings_tokenize_as_Lucene_does_alone_and_side_by_side()
    {
        foreach (var a in Hard)
        {
            AssertSame(a);
            foreach (var b in Hard)
            {
                AssertSame(a + b);
                AssertSame(a + " " + b);
                AssertSame(a + "，" + b);
                AssertSame(a + "中" + b);
                AssertSame(a + "1" + b);
                AssertSame(a + "x" + b);
            }
        }
    }

    [Fact]
    public void Every_character_of_the_Basic_Multilingual_Plane_tokenizes_as_Lucene_does()
    {
        for (var c = 0; c < 0x10000; c++)
        {
            var s = ((char)c).ToString();
            AssertSame(s);
            AssertSame("中" + s + "文");
            AssertSame("a" + s + "b");
            AssertSame("1" + s + "2");
            AssertSame("中" + s + "1");
        }
    }

    [Fact]
    public void Random_text_tokenizes_as_Lucene_does()
    {
        // Characters from every class the fast path treats differently, and some it leaves to the scanner.
        const string alphabet = "中文政府公开信息〇々aZk09_.,;:'\"·’，．：；。、（）《》〔〕 \n-/@%ＡＺａ０９カタひ한ก\u0301\u200D\uFE0FΩé١";
        foreach (var text in RandomTexts(17, 20_000, 24, random => random.Next(12) == 0 ? "𠀀" : alphabet[random.Next(alphabet.Length)].ToString()))
        {
            AssertSame(text);
        }
    }

    [Fact]
    public void A_reused_tokenizer_gives_the_same_tokens_after_a_text_that_needed_Lucene()
    {
        foreach (var text in new[] { "政府信息公开", "カタカナ中文", "2024年１２月", new string('a', 300) + "中", "中文 the 公开", "1,234.5元" })
        {
            AssertSame(text);
            AssertSame("文号〔2024〕12号");
        }
    }

    [Fact]
    public void A_text_too_long_to_hold_whole_tokenizes_as_Lucene_does()
    {
        var text = new StringBuilder();
        for (var id = 1; text.Length <= StandardTokens.MaxLength; id++)
        {
            text.Append(Generator.Make(7, id, WordDistribution.Zipf).Body).Append(Hard[id % Hard.Length]);
        }

        AssertSame(text.ToString());
        AssertSame(text.ToString(0, StandardTokens.MaxLength));
        AssertSame("政府信息公开 the ２０２４");
    }

    /// <summary><paramref name="count"/> texts of 1 to <paramref name="maxPieces"/> − 1 pieces each, the same for the same seed.</summary>
    private static IEnumerable<string> RandomTexts(int seed, int count, int maxPieces, Func<Random, string> piece)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var n = 0; n < count; n++)
        {
            text.Clear();
            var pieces = random.Next(1, maxPieces);
            for (var k = 0; k < pieces; k++)
            {
                text.Append(piece(random));
            }

            yield return text.ToString();
        }
    }

    private static void AssertSame(string text)
    {
        Same(LuceneTokens, FastTokens, text);
        Same(LuceneBigrams, Bigrams, text);
        Same(LuceneGrams, Grams, text);
        Same(LuceneWords, Words, text);
    }

    private static void Same(Analyzer expected, Analyzer actual, string text)
    {
        var want = Tokens(expected, text);
        var got = Tokens(actual, text);
        if (!want.SequenceEqual(got))
        {
            var codes = string.Join(" ", text.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)));
            Assert.Fail($"{text} ({codes}):\nexpected {string.Join(" ", want)}\nactual   {string.Join(" ", got)}");
        }
    }

    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(string.Create(CultureInfo.InvariantCulture,
                $"{term}|+{increment.PositionIncrement}|{length.PositionLength}|{offset.StartOffset}-{offset.EndOffset}|{type.Type}"));
        }

        stream.End();
        tokens.Add(string.Create(CultureInfo.InvariantCulture, $"end|+{increment.PositionIncrement}|{offset.StartOffset}-{offset.EndOffset}"));
        return tokens;
    }
}

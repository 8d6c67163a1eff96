using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// The words of <see cref="SmartChineseAnalyzer"/>, found without its garbage: the same tokenizer (its sentence
/// breaking, its dictionaries, its weights) with the sentence segmented by <see cref="HanWordSegmenter"/> instead of
/// Lucene's HHMM classes, which allocate about a kilobyte for every character (a SmartCn field was most of what indexing
/// allocated, and the collections it caused most of its time). Then Porter stemming and the default stop words, as
/// SmartChineseAnalyzer does. Falls back to SmartChineseAnalyzer itself where the segmenter cannot read the dictionaries.
/// </summary>
internal sealed class HanWordAnalyzer(LuceneVersion version) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new HanWordTokenizer(reader);
        TokenStream result = new PorterStemFilter(tokenizer);
        result = new StopFilter(version, result, SmartChineseAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(tokenizer, result);
    }

    /// <summary>The word analyzer of the index: this one where the segmenter works, else Lucene's own.</summary>
    public static Analyzer Create(LuceneVersion version) =>
        HanWordSegmenter.Available ? new HanWordAnalyzer(version) : new SmartChineseAnalyzer(version);
}

/// <summary><see cref="HMMChineseTokenizer"/> with each sentence segmented by <see cref="HanWordSegmenter"/>.</summary>
internal sealed class HanWordTokenizer : HMMChineseTokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly HanWordSegmenter _segmenter = new();
    private int _next, _sentenceOffset;

    public HanWordTokenizer(TextReader reader) : base(reader)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    protected override void SetNextSentence(int sentenceStart, int sentenceEnd)
    {
        _segmenter.Segment(m_buffer.AsSpan(sentenceStart, sentenceEnd - sentenceStart));
        _next = 0;
        _sentenceOffset = m_offset + sentenceStart;
    }

    protected override bool IncrementWord()
    {
        if (_next >= _segmenter.Count)
        {
            return false;
        }

        var word = _segmenter.Word(_next++, out var start, out var end);
        ClearAttributes();
        _term.CopyBuffer(word.Array!, word.Offset, word.Count);
        _offset.SetOffset(CorrectOffset(_sentenceOffset + start), CorrectOffset(_sentenceOffset + end));
        _type.Type = "word";
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _segmenter.Clear();
        _next = 0;
    }
}

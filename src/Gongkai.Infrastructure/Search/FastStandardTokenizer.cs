using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// A drop-in for <see cref="StandardTokenizer"/> (Lucene 4.8, maximum token length 255): the same tokens, found by
/// <see cref="StandardTokens"/>.
/// </summary>
internal sealed class FastStandardTokenizer : Tokenizer
{
    private readonly StandardTokens _tokens = new();
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly ITypeAttribute _type;
    private readonly LongText _long;
    private int _next = -1;

    public FastStandardTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _long = new LongText(this, source => source);
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (_next < 0)
        {
            Read();
        }

        if (_long.Active)
        {
            return _long.IncrementToken();
        }

        if (_next == _tokens.Count)
        {
            return false;
        }

        var t = _next++;
        var start = _tokens.Start[t];
        var length = _tokens.TokenLength[t];
        _term.CopyBuffer(_tokens.Text, start, length);
        _increment.PositionIncrement = _tokens.Increment[t];
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
        _type.Type = _tokens.Type[t];
        return true;
    }

    public override void End()
    {
        base.End();
        if (_next < 0)
        {
            Read();
            _next = _tokens.Count;
        }

        if (_long.Active)
        {
            _long.End();
            return;
        }

        var final = CorrectOffset(_tokens.Length);
        _offset.SetOffset(final, final);
        _increment.PositionIncrement += _tokens.TrailingSkipped;
    }

    public override void Reset()
    {
        base.Reset();
        _long.Close();
        _next = -1;
    }

    private void Read()
    {
        _next = 0;
        if (!_tokens.Read(m_input))
        {
            _long.Open(_tokens.Rest(m_input));
        }
    }
}

/// <summary>A text read again from its start: first the characters already read, then the rest of the reader.</summary>
internal sealed class PrefixedReader(char[] prefix, int length, TextReader rest) : TextReader
{
    private int _at;

    public override int Peek() => _at < length ? prefix[_at] : rest.Peek();

    public override int Read() => _at < length ? prefix[_at++] : rest.Read();

    public override int Read(char[] buffer, int index, int count)
    {
        if (_at == length)
        {
            return rest.Read(buffer, index, count);
        }

        var n = Math.Min(count, length - _at);
        Array.Copy(prefix, _at, buffer, index, n);
        _at += n;
        return n;
    }
}

/// <summary>
/// For a text over <see cref="StandardTokens.MaxLength"/>: Lucene's StandardTokenizer and the given filters read it,
/// and each of their tokens is copied to the tokenizer that stands in for them.
/// </summary>
internal sealed class LongText(AttributeSource owner, Func<Tokenizer, TokenStream> filters)
{
    private Tokenizer? _source;
    private TokenStream? _chain;

    public bool Active { get; private set; }

    public void Open(TextReader text)
    {
        _source ??= new StandardTokenizer(SearchAnalyzers.Version, TextReader.Null);
        _chain ??= filters(_source);
        _source.SetReader(text);
        _chain.Reset();
        Active = true;
    }

    public bool IncrementToken()
    {
        if (!_chain!.IncrementToken())
        {
            return false;
        }

        _chain.CopyTo(owner);
        return true;
    }

    public void End()
    {
        _chain!.End();
        _chain.CopyTo(owner);
        Close();
    }

    public void Close()
    {
        if (Active)
        {
            _chain!.Dispose();
            Active = false;
        }
    }
}

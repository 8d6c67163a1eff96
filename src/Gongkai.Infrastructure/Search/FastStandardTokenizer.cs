using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// A drop-in for <see cref="StandardTokenizer"/> (Lucene 4.8, maximum token length 255): the same tokens, found by
/// <see cref="StandardTokens"/>.
/// </summary>
internal sealed class FastStandardTokenizer(TextReader input) : PlainTextTokenizer(input, source => source)
{
    private int _next;

    protected override bool NextToken()
    {
        if (_next == Tokens.Count)
        {
            return false;
        }

        var t = _next++;
        var start = Tokens.Start[t];
        var length = Tokens.TokenLength[t];
        Term.CopyBuffer(Tokens.Text, start, length);
        Increment.PositionIncrement = Tokens.Increment[t];
        Offset.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
        TokenType.Type = Tokens.Type[t];
        return true;
    }

    protected override void EndTokens()
    {
        var final = CorrectOffset(Tokens.Length);
        Offset.SetOffset(final, final);
        Increment.PositionIncrement += Tokens.TrailingSkipped;
    }

    protected override void Restart() => _next = 0;
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

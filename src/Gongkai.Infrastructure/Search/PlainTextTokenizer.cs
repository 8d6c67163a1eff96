using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// What the index's own tokenizers share: the text is read once, on the first token or at the end, into
/// <see cref="StandardTokens"/>; a text too long for that is handed whole to Lucene's classes (<see cref="LongText"/>),
/// whose tokens are copied through; otherwise the subclass writes its tokens from <see cref="Tokens"/>.
/// </summary>
internal abstract class PlainTextTokenizer : Tokenizer
{
    private readonly LongText _long;
    private bool _read;

    /// <param name="longTextChain">The Lucene filters that stand in for the subclass on a text too long to read at once.</param>
    protected PlainTextTokenizer(TextReader input, Func<Tokenizer, TokenStream> longTextChain) : base(input)
    {
        Term = AddAttribute<ICharTermAttribute>();
        Offset = AddAttribute<IOffsetAttribute>();
        Increment = AddAttribute<IPositionIncrementAttribute>();
        TokenType = AddAttribute<ITypeAttribute>();
        _long = new LongText(this, longTextChain);
    }

    protected StandardTokens Tokens { get; } = new();
    protected ICharTermAttribute Term { get; }
    protected IOffsetAttribute Offset { get; }
    protected IPositionIncrementAttribute Increment { get; }
    protected ITypeAttribute TokenType { get; }

    public sealed override bool IncrementToken()
    {
        ClearAttributes();
        ReadOnce();
        return _long.Active ? _long.IncrementToken() : NextToken();
    }

    public sealed override void End()
    {
        base.End();
        ReadOnce();
        if (_long.Active)
        {
            _long.End();
            return;
        }

        EndTokens();
    }

    public sealed override void Reset()
    {
        base.Reset();
        _long.Close();
        _read = false;
        Restart();
    }

    /// <summary>Writes the next token into the attributes; false after the last.</summary>
    protected abstract bool NextToken();

    /// <summary>Sets the final offset and position increment (the text was read as <see cref="Tokens"/>).</summary>
    protected abstract void EndTokens();

    /// <summary>Called once the text has been read as <see cref="Tokens"/>.</summary>
    protected virtual void TokensRead()
    {
    }

    /// <summary>Forgets the last text's state, before the next is read.</summary>
    protected abstract void Restart();

    private void ReadOnce()
    {
        if (_read)
        {
            return;
        }

        _read = true;
        if (Tokens.Read(m_input))
        {
            TokensRead();
        }
        else
        {
            _long.Open(Tokens.Rest(m_input));
        }
    }
}

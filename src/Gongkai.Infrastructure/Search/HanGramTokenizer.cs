using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// StandardTokenizer followed by <see cref="HanGramFilter"/> in one step: the 3- and 4-grams of every run of Han
/// characters that are adjacent in the text and in position, each at its first character's position, written when
/// the run ends, from the tokens of <see cref="StandardTokens"/>. The analyzer it serves has no char filter.
/// </summary>
internal sealed class HanGramTokenizer : Tokenizer
{
    private const string GramType = "<GRAM>";

    private readonly StandardTokens _tokens = new();
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly ITypeAttribute _type;
    private readonly LongText _long;
    private bool _read;

    // The next token to read and its position; the run being written: its first token, length, position, next gram.
    private int _next, _position, _emitted, _run, _runLength, _runPosition, _gram, _size;

    public HanGramTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _long = new LongText(this, source => new HanGramFilter(source));
        Clear();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (!_read)
        {
            Read();
        }

        if (_long.Active)
        {
            return _long.IncrementToken();
        }

        while (true)
        {
            if (_gram + _size <= _runLength)
            {
                Write();
                (_gram, _size) = _size == 3 ? (_gram, 4) : (_gram + 1, 3);
                return true;
            }

            if (!NextRun())
            {
                return false;
            }
        }
    }

    public override void End()
    {
        base.End();
        if (!_read)
        {
            Read();
        }

        if (_long.Active)
        {
            _long.End();
            return;
        }

        _offset.SetOffset(_tokens.Length, _tokens.Length);
        _increment.PositionIncrement += _tokens.TrailingSkipped;
    }

    public override void Reset()
    {
        base.Reset();
        _long.Close();
        Clear();
    }

    private void Read()
    {
        _read = true;
        if (!_tokens.Read(m_input))
        {
            _long.Open(_tokens.Rest(m_input));
        }
    }

    private bool IsHan(int t) => _tokens.TokenLength[t] == 1 && HanGramFilter.IsHan(_tokens.Text[_tokens.Start[t]]);

    /// <summary>Finds the next run of adjacent Han characters; false at the end of the text.</summary>
    private bool NextRun()
    {
        var count = _tokens.Count;
        while (_next < count)
        {
            var t = _next++;
            _position += _tokens.Increment[t];
            if (!IsHan(t))
            {
                continue;
            }

            (_run, _runLength, _runPosition) = (t, 1, _position);
            while (_next < count && IsHan(_next) && _tokens.Increment[_next] == 1
                && _tokens.Start[_next] == _tokens.Start[_next - 1] + 1)
            {
                _position++;
                _next++;
                _runLength++;
            }

            (_gram, _size) = (0, 3);
            return true;
        }

        return false;
    }

    private void Write()
    {
        var start = _tokens.Start[_run + _gram];
        _term.CopyBuffer(_tokens.Text, start, _size);
        _offset.SetOffset(start, start + _size);
        var position = _runPosition + _gram;
        _increment.PositionIncrement = position - _emitted;
        _type.Type = GramType;
        _emitted = position;
    }

    private void Clear()
    {
        _read = false;
        (_next, _position, _emitted) = (0, -1, -1);
        (_run, _runLength, _runPosition, _gram, _size) = (0, 0, -1, 0, 3);
    }
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// StandardTokenizer followed by <see cref="HanGramFilter"/> in one step: the 3- and 4-grams of every run of Han
/// characters that are adjacent in the text and in position, each at its first character's position, written when
/// the run ends, from the tokens of <see cref="StandardTokens"/>. The analyzer it serves has no char filter.
/// </summary>
internal sealed class HanGramTokenizer : PlainTextTokenizer
{
    private const string GramType = "<GRAM>";

    // The next token to read and its position; the run being written: its first token, length, position, next gram.
    private int _next, _position, _emitted, _run, _runLength, _runPosition, _gram, _size;

    public HanGramTokenizer(TextReader input) : base(input, source => new HanGramFilter(source))
    {
        Restart();
    }

    protected override bool NextToken()
    {
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

    protected override void EndTokens()
    {
        Offset.SetOffset(Tokens.Length, Tokens.Length);
        Increment.PositionIncrement += Tokens.TrailingSkipped;
    }

    private bool IsHan(int t) => Tokens.TokenLength[t] == 1 && HanGramFilter.IsHan(Tokens.Text[Tokens.Start[t]]);

    /// <summary>Finds the next run of adjacent Han characters; false at the end of the text.</summary>
    private bool NextRun()
    {
        var count = Tokens.Count;
        while (_next < count)
        {
            var t = _next++;
            _position += Tokens.Increment[t];
            if (!IsHan(t))
            {
                continue;
            }

            (_run, _runLength, _runPosition) = (t, 1, _position);
            while (_next < count && IsHan(_next) && Tokens.Increment[_next] == 1
                && Tokens.Start[_next] == Tokens.Start[_next - 1] + 1)
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
        var start = Tokens.Start[_run + _gram];
        Term.CopyBuffer(Tokens.Text, start, _size);
        Offset.SetOffset(start, start + _size);
        var position = _runPosition + _gram;
        Increment.PositionIncrement = position - _emitted;
        TokenType.Type = GramType;
        _emitted = position;
    }

    protected override void Restart()
    {
        (_next, _position, _emitted) = (0, -1, -1);
        (_run, _runLength, _runPosition, _gram, _size) = (0, 0, -1, 0, 3);
    }
}

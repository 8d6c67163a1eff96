using System.Runtime.CompilerServices;
using Gongkai.Core.Publications;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// Applies the year, type, category and issuer filters while collecting, passes the documents that pass them all to
/// <paramref name="inner"/> (which ranks them), and counts each dimension's values over the documents that pass every
/// other filter ("drill sideways"): one pass gives the results and the counts a filter link would lead to.
/// </summary>
/// <remarks>
/// With a <paramref name="budget"/>, each segment stops after its share of that many matches (its share of all
/// documents): the rest of the segment is not read, and its counts are scaled up by the share of the segment that was
/// (<see cref="Bounded"/>, <see cref="Estimate"/>). Matches are spread over a segment's documents the way documents
/// were added, so the scaled counts are estimates of the whole.
/// </remarks>
internal sealed class FacetingCollector(ICollector inner, SearchQuery query, int budget = int.MaxValue) : ICollector
{
    private const int Dimensions = 4;
    private const int YearDim = 0, TypeDim = 1, CategoryDim = 2, IssuerDim = 3;
    private static readonly string[] Fields = [SearchFields.Year, SearchFields.Type, SearchFields.Category, SearchFields.Issuer];

    private readonly Dictionary<int, int> _years = [];
    private readonly Dictionary<string, int>[] _values = [[], [], [], []];
    private readonly string?[] _wanted = [null, query.Type?.ToString(), query.Category, query.Issuer];

    private readonly SortedDocValues?[] _sorted = new SortedDocValues?[Dimensions];
    private readonly int[] _wantedOrd = new int[Dimensions];
    private readonly int[][] _ordCounts = new int[Dimensions][];
    private SegmentValues _segment = SegmentValues.Empty;
    private int[] _yearCounts = [];
    private int _segmentBudget = int.MaxValue, _seen, _passed, _maxDoc;
    private double _scale = 1, _estimate;

    /// <summary>Some segment stopped at its share of the budget: <see cref="Estimate"/> and the facet counts are estimates.</summary>
    public bool Bounded { get; private set; }

    /// <summary>The documents that passed every filter: exact unless <see cref="Bounded"/>, then scaled up.</summary>
    public int Estimate
    {
        get
        {
            FlushSegment();
            return (int)Math.Min(int.MaxValue, Math.Round(_estimate));
        }
    }

    /// <summary>
    /// A segment's year and type, category and issuer ordinals as arrays, read once per segment: reading doc values hit
    /// by hit cost about a microsecond a hit, which at a million documents was most of the time of a common word.
    /// </summary>
    private sealed class SegmentValues
    {
        public static readonly SegmentValues Empty = new() { Years = [], Ords = [[], [], [], []] };

        public required int[] Years { get; init; }
        public int MinYear { get; init; }
        public int MaxYear { get; init; }
        public required int[][] Ords { get; init; }
    }

    // Keyed by the segment's core, which outlives reopening for new deletions and goes away with the segment.
    private static readonly ConditionalWeakTable<object, SegmentValues> Cache = new();

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        inner.SetNextReader(context);
        var reader = context.AtomicReader;
        for (var d = TypeDim; d < Dimensions; d++)
        {
            var values = reader.GetSortedDocValues(Fields[d]);
            _sorted[d] = values;
            _ordCounts[d] = new int[values?.ValueCount ?? 0];
            // A wanted value missing from this segment: nothing here passes that filter (-2 matches no document).
            _wantedOrd[d] = _wanted[d] is not { } wanted ? -1 : values?.LookupTerm(new BytesRef(wanted)) is >= 0 and var ord ? ord : -2;
        }

        _segment = Cache.GetValue(reader.CoreCacheKey, _ => Read(reader, _sorted));
        _yearCounts = new int[_segment.MaxYear - _segment.MinYear + 1];
        _maxDoc = reader.MaxDoc;
        var all = ReaderUtil.GetTopLevelContext(context).Reader.MaxDoc;
        _segmentBudget = budget == int.MaxValue || all == 0 ? int.MaxValue : Math.Max(1, (int)Math.Ceiling((double)budget * _maxDoc / all));
        (_seen, _passed, _scale) = (0, 0, 1);
    }

    private static SegmentValues Read(AtomicReader reader, SortedDocValues?[] sorted)
    {
        var n = reader.MaxDoc;
        var yearValues = reader.GetNumericDocValues(SearchFields.Year);
        var years = new int[n];
        int min = int.MaxValue, max = int.MinValue;
        for (var doc = 0; doc < n; doc++)
        {
            years[doc] = (int)(yearValues?.Get(doc) ?? 0);
            min = Math.Min(min, years[doc]);
            max = Math.Max(max, years[doc]);
        }

        var ords = new int[Dimensions][];
        ords[YearDim] = [];
        for (var d = TypeDim; d < Dimensions; d++)
        {
            ords[d] = new int[n];
            for (var doc = 0; doc < n; doc++)
            {
                ords[d][doc] = sorted[d]?.GetOrd(doc) ?? -1;
            }
        }

        return n == 0 ? SegmentValues.Empty : new SegmentValues { Years = years, MinYear = min, MaxYear = max, Ords = ords };
    }

    public void Collect(int doc)
    {
        Count(doc);
        if (++_seen >= _segmentBudget && doc + 1 < _maxDoc)
        {
            // The segment's share is read: what it found stands for the whole segment.
            _scale = _maxDoc / (double)(doc + 1);
            Bounded = true;
            throw new CollectionTerminatedException();
        }
    }

    private void Count(int doc)
    {
        var year = _segment.Years[doc];
        Span<int> ords = stackalloc int[Dimensions];
        Span<bool> passes = stackalloc bool[Dimensions];
        passes[YearDim] = query.Year is not { } wantedYear || year == wantedYear;
        var failures = passes[YearDim] ? 0 : 1;
        for (var d = TypeDim; d < Dimensions; d++)
        {
            ords[d] = _segment.Ords[d][doc];
            passes[d] = _wantedOrd[d] == -1 || ords[d] == _wantedOrd[d];
            failures += passes[d] ? 0 : 1;
        }

        if (failures == 0)
        {
            _passed++;
            inner.Collect(doc);
        }

        if (failures > 1)
        {
            return;
        }

        // Counted in a dimension when every other filter passes, whether or not its own does.
        for (var d = YearDim; d < Dimensions; d++)
        {
            if (failures == 0 || !passes[d])
            {
                if (d == YearDim)
                {
                    _yearCounts[year - _segment.MinYear]++;
                }
                else if (ords[d] >= 0)
                {
                    _ordCounts[d][ords[d]]++;
                }
            }
        }
    }

    /// <summary>The counts, most useful first; at most <paramref name="limit"/> categories and issuers.</summary>
    public SearchFacets Facets(int limit)
    {
        FlushSegment();
        var types = _values[TypeDim]
            .Select(v => (Ok: Enum.TryParse<PublicationType>(v.Key, out var t), Type: t, v.Value))
            .Where(v => v.Ok).OrderBy(v => v.Type).Select(v => new TypeCount(v.Type, v.Value)).ToList();
        return new SearchFacets(
            _years.OrderByDescending(y => y.Key).Select(y => new YearCount(y.Key, y.Value)).ToList(),
            types,
            Top(_values[CategoryDim], limit),
            Top(_values[IssuerDim], limit));
    }

    private static List<ValueCount> Top(Dictionary<string, int> values, int limit) =>
        values.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Take(limit).Select(v => new ValueCount(v.Key, v.Value)).ToList();

    /// <summary>
    /// Ordinals are per segment: turn this segment's counts into values before the next (scaled up when the segment
    /// was not read to its end).
    /// </summary>
    private void FlushSegment()
    {
        var scale = _scale;
        int Scaled(int n) => scale == 1 ? n : (int)Math.Round(n * scale);
        _estimate += _passed * scale;
        _passed = 0;
        _scale = 1;
        for (var i = 0; i < _yearCounts.Length; i++)
        {
            if (_yearCounts[i] > 0)
            {
                var year = _segment.MinYear + i;
                _years[year] = _years.GetValueOrDefault(year) + Scaled(_yearCounts[i]);
                _yearCounts[i] = 0;
            }
        }

        var term = new BytesRef();
        for (var d = TypeDim; d < Dimensions; d++)
        {
            if (_sorted[d] is not { } values || _ordCounts[d] is not { } counts)
            {
                continue;
            }

            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, term);
                    var key = term.Utf8ToString();
                    _values[d][key] = _values[d].GetValueOrDefault(key) + Scaled(counts[ord]);
                    counts[ord] = 0;
                }
            }
        }
    }
}

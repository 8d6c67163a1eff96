namespace Gongkai.Core.Requests.SameInformation;

/// <summary>
/// How alike two requests must be to ask for the same information, and how many applicants make a group. The
/// defaults were tuned on bench/data/same-information.tsv (bench/README.md, "Requests for the same information").
/// </summary>
public sealed record SameInformationOptions
{
    /// <summary>
    /// Weighted Jaccard similarity (0–1) of two requests' normalized texts at which they ask for the same information.
    /// Words that many requests of the agency share (征收, 补偿, 方案) weigh less than names, places and numbers.
    /// </summary>
    public double Threshold { get; init; } = 0.45;

    /// <summary>Distinct applicants a group needs. Art. 44 says 多个申请人, so at least 2; a product may ask for 3.</summary>
    public int MinimumApplicants { get; init; } = 2;

    /// <summary>MinHash functions per request; more finds more candidate pairs at more cost.</summary>
    public int HashCount { get; init; } = 128;

    /// <summary>
    /// LSH bands; <see cref="HashCount"/> must be a multiple. More bands (fewer rows each) find less alike pairs as
    /// candidates: with r rows a pair of Jaccard J becomes a candidate with probability 1 − (1 − Jʳ)^bands.
    /// </summary>
    public int BandCount { get; init; } = 32;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Threshold, 0.0, nameof(Threshold));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Threshold, 1.0, nameof(Threshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumApplicants, 2, nameof(MinimumApplicants));
        ArgumentOutOfRangeException.ThrowIfLessThan(BandCount, 1, nameof(BandCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(HashCount, BandCount, nameof(HashCount));
        if (HashCount % BandCount != 0)
        {
            throw new ArgumentException($"HashCount ({HashCount}) must be a multiple of BandCount ({BandCount}).", nameof(HashCount));
        }
    }
}

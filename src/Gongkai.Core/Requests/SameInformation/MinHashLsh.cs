namespace Gongkai.Core.Requests.SameInformation;

/// <summary>
/// Candidate pairs without comparing all pairs: MinHash signatures of each text's informative shingles, cut into
/// bands; two texts that agree on every row of some band share a bucket and become a candidate. The hash functions
/// come from a fixed seed, so the same requests give the same candidates in every run and on every machine.
/// </summary>
internal static class MinHashLsh
{
    private const ulong Seed = 0x9E3779B97F4A7C15UL;

    // A shingle that a hundredth of the agency's texts share (部门预算, 征收补偿) is left out of the signature: it
    // would put every request of its kind in one bucket, and the similarity weighs it little anyway.
    private const int MinimumCommon = 20;

    /// <summary>Calls <paramref name="pair"/> once for each candidate pair (a &lt; b) in a deterministic order.</summary>
    public static void Candidates(SimilarityIndex index, SameInformationOptions options, Action<int, int> pair)
    {
        var count = index.Texts.Count;
        var rows = options.HashCount / options.BandCount;
        var (multipliers, addends) = Coefficients(options.HashCount);
        var common = Math.Max(MinimumCommon, count / 100);
        var signature = new ulong[options.HashCount];
        var keys = new ulong[options.BandCount][];
        for (var band = 0; band < options.BandCount; band++)
        {
            keys[band] = new ulong[count];
        }

        var informative = new List<ulong>();
        for (var n = 0; n < count; n++)
        {
            Informative(index, n, common, informative);
            Array.Fill(signature, ulong.MaxValue);
            foreach (var x in informative)
            {
                for (var k = 0; k < signature.Length; k++)
                {
                    var h = (multipliers[k] * x) + addends[k];
                    if (h < signature[k])
                    {
                        signature[k] = h;
                    }
                }
            }

            for (var band = 0; band < options.BandCount; band++)
            {
                var key = (ulong)band * 0xD6E8FEB86659FD93UL;
                for (var r = 0; r < rows; r++)
                {
                    key = Mix(key ^ signature[(band * rows) + r]);
                }

                keys[band][n] = informative.Count == 0 ? Mix((ulong)n + 1) : key;
            }
        }

        // Each band's nodes sorted by key: a run of equal keys is a bucket. For every node the later members of its
        // buckets are candidates; a stamp per node keeps a pair that shares several buckets from being seen twice.
        var bucketOf = new int[options.BandCount][];
        var bucketStart = new List<int>[options.BandCount];
        var orders = new int[options.BandCount][];
        for (var band = 0; band < options.BandCount; band++)
        {
            var bandKeys = keys[band];
            var order = Enumerable.Range(0, count).ToArray();
            Array.Sort(order, (x, y) => bandKeys[x] != bandKeys[y] ? bandKeys[x].CompareTo(bandKeys[y]) : x.CompareTo(y));
            orders[band] = order;
            bucketOf[band] = new int[count];
            bucketStart[band] = [];
            for (var i = 0; i < count; i++)
            {
                if (i == 0 || bandKeys[order[i]] != bandKeys[order[i - 1]])
                {
                    bucketStart[band].Add(i);
                }

                bucketOf[band][order[i]] = bucketStart[band].Count - 1;
            }

            bucketStart[band].Add(count);
        }

        var stamp = new int[count];
        Array.Fill(stamp, -1);
        var found = new List<int>();
        for (var a = 0; a < count; a++)
        {
            found.Clear();
            for (var band = 0; band < options.BandCount; band++)
            {
                var bucket = bucketOf[band][a];
                var starts = bucketStart[band];
                for (var i = starts[bucket]; i < starts[bucket + 1]; i++)
                {
                    var b = orders[band][i];
                    if (b > a && stamp[b] != a)
                    {
                        stamp[b] = a;
                        found.Add(b);
                    }
                }
            }

            found.Sort();
            foreach (var b in found)
            {
                pair(a, b);
            }
        }
    }

    private static void Informative(SimilarityIndex index, int node, int common, List<ulong> into)
    {
        into.Clear();
        var shingles = index.Shingles(node);
        for (var k = 0; k < shingles.Length; k++)
        {
            if (!index.IsGeneric(node, k) && index.DocumentFrequency[shingles[k]] <= common)
            {
                into.Add(index.Hash(shingles[k]));
            }
        }

        // A text made only of common words (申请公开2024年部门预算) is signed by all of them, so that it still meets
        // the other texts worded the same way.
        if (into.Count == 0)
        {
            into.AddRange(shingles.Select(index.Hash));
        }
    }

    private static (ulong[] Multipliers, ulong[] Addends) Coefficients(int count)
    {
        var state = Seed;
        var multipliers = new ulong[count];
        var addends = new ulong[count];
        for (var k = 0; k < count; k++)
        {
            multipliers[k] = Next(ref state) | 1;
            addends[k] = Next(ref state);
        }

        return (multipliers, addends);
    }

    /// <summary>SplitMix64: a fixed, well-mixed sequence from the seed.</summary>
    private static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

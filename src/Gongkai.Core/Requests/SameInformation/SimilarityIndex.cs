namespace Gongkai.Core.Requests.SameInformation;

/// <summary>
/// One agency's distinct request texts, their weighted shingles, and the pairs that read alike. Identical normalized
/// texts are one node (a popular request asked 500 times in one wording costs one comparison, not 125,000).
/// </summary>
internal sealed class SimilarityIndex
{
    // A bigram of words every application of its kind uses (征收补偿, 部门预算) weighs this much of a name's or a
    // number's bigram, before the agency's own frequencies lower it further.
    private const float GenericFactor = 0.3f;

    // What the applicant writes in 描述 is as often their own story (本人系…村民) as the information, so it counts half.
    private const float DescriptionFactor = 0.5f;

    private readonly int[][] shingles;
    private readonly float[][] weights;
    private readonly float[] totals;
    private readonly ulong[] hashes;
    private readonly bool[][] generic;

    public SimilarityIndex(IReadOnlyList<NormalizedText> texts)
    {
        Texts = texts;
        var ids = new Dictionary<ulong, int>();
        var hashList = new List<ulong>();
        var df = new List<int>();
        var raw = new (int[] Ids, float[] Factors)[texts.Count];
        for (var n = 0; n < texts.Count; n++)
        {
            var own = new Dictionary<int, float>();
            void Add(ulong hash, float factor)
            {
                if (!ids.TryGetValue(hash, out var id))
                {
                    id = ids[hash] = hashList.Count;
                    hashList.Add(hash);
                    df.Add(0);
                }

                if (!own.TryGetValue(id, out var existing))
                {
                    df[id]++;
                    own[id] = factor;
                }
                else if (factor > existing)
                {
                    own[id] = factor;
                }
            }

            Shingle(texts[n].MainUnits, texts[n].MainGeneric, 1f, Add);
            Shingle(texts[n].DescriptionUnits, texts[n].DescriptionGeneric, DescriptionFactor, Add);
            var sorted = own.Keys.Order().ToArray();
            raw[n] = (sorted, [.. sorted.Select(id => own[id])]);
        }

        // Inverse document frequency over the agency's distinct texts: a village named in five requests says more
        // than 征收 named in five hundred. Smoothed so that in a tiny set every shingle still weighs something.
        var count = texts.Count;
        var idf = df.Select(d => (float)Math.Log(1.0 + (double)count / d)).ToArray();
        shingles = new int[count][];
        weights = new float[count][];
        totals = new float[count];
        generic = new bool[count][];
        for (var n = 0; n < count; n++)
        {
            shingles[n] = raw[n].Ids;
            weights[n] = [.. raw[n].Ids.Select((id, k) => raw[n].Factors[k] * idf[id])];
            totals[n] = weights[n].Sum();
            generic[n] = [.. raw[n].Factors.Select(f => f is < 1f and not DescriptionFactor)];
        }

        hashes = [.. hashList];
        DocumentFrequency = [.. df];
    }

    public IReadOnlyList<NormalizedText> Texts { get; }

    public int[] DocumentFrequency { get; }

    public int[] Shingles(int node) => shingles[node];

    public ulong Hash(int shingle) => hashes[shingle];

    /// <summary>Whether the node's k-th shingle is a bigram of generic words (征收补偿) rather than a name or number.</summary>
    public bool IsGeneric(int node, int k) => generic[node][k];

    /// <summary>
    /// Weighted Jaccard (Ruzicka) similarity Σmin/Σmax of the two texts' shingle weights: 1 for the same words,
    /// 0 for none in common, and a shared place name counts more than a shared 征收.
    /// </summary>
    public double Similarity(int a, int b)
    {
        var sa = shingles[a];
        var sb = shingles[b];
        var wa = weights[a];
        var wb = weights[b];
        double min = 0;
        for (int i = 0, j = 0; i < sa.Length && j < sb.Length;)
        {
            if (sa[i] == sb[j])
            {
                min += Math.Min(wa[i], wb[j]);
                i++;
                j++;
            }
            else if (sa[i] < sb[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        // Σmax over the union: everything of both, less the smaller weight of each shingle they share.
        var union = totals[a] + totals[b] - min;
        return union <= 0 ? 0 : min / union;
    }

    /// <summary>
    /// Facts that two applicants would not get wrong in the same way and that tell two pieces of information apart,
    /// however alike the rest of the words: different years (2023年 and 2024年 budgets), different 文号, different
    /// villages, 预算 against 决算. Returns true when a cited 文号 matches, which decides the pair by itself.
    /// </summary>
    public (bool Different, bool SameDocument) Facts(int a, int b)
    {
        var x = Texts[a];
        var y = Texts[b];
        if (x.DocumentNumbers.Length > 0 && y.DocumentNumbers.Length > 0)
        {
            return Shares(x.DocumentNumbers, y.DocumentNumbers) ? (false, true) : (true, false);
        }

        var different = Disjoint(x.Years, y.Years)
            || Disjoint(x.Places, y.Places)
            || (x.Companies.Length > 0 && y.Companies.Length > 0 && !AnyAlike(x.Companies, y.Companies))
            || (x.Kinds != 0 && y.Kinds != 0 && (x.Kinds & y.Kinds) == 0);
        return (different, false);
    }

    /// <summary>One name ends the other: the longer one only adds the city or the words before it.</summary>
    private static bool Alike(string c, string d) => c.EndsWith(d, StringComparison.Ordinal) || d.EndsWith(c, StringComparison.Ordinal);

    private static bool AnyAlike(string[] x, string[] y)
    {
        foreach (var c in x)
        {
            foreach (var d in y)
            {
                if (Alike(c, d))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Disjoint<T>(T[] x, T[] y) where T : IEquatable<T> => x.Length > 0 && y.Length > 0 && !Shares(x, y);

    // The arrays hold a handful of items each: loops, not sets, on a path taken a million times.
    private static bool Shares<T>(T[] x, T[] y) where T : IEquatable<T>
    {
        foreach (var a in x)
        {
            foreach (var b in y)
            {
                if (a.Equals(b))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void Shingle(string[] units, bool[] generic, float factor, Action<ulong, float> add)
    {
        if (units.Length == 1)
        {
            add(Fnv(units[0], ""), factor);
        }

        for (var i = 0; i + 1 < units.Length; i++)
        {
            add(Fnv(units[i], units[i + 1]), generic[i] && generic[i + 1] ? factor * GenericFactor : factor);
        }
    }

    /// <summary>FNV-1a over both units: stable across processes and runs, unlike string.GetHashCode.</summary>
    private static ulong Fnv(string first, string second)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in first)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ 0x1F) * 1099511628211UL;
        foreach (var c in second)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}

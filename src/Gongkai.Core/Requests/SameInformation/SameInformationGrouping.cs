namespace Gongkai.Core.Requests.SameInformation;

/// <summary>
/// Finds the requests that several applicants sent one agency for the same information (Art. 44: 多个申请人就相同
/// 政府信息向同一行政机关提出公开申请), so that the office can consider publishing it instead of answering it again.
/// Pure and deterministic: the same requests give the same groups in the same order, whatever order they come in.
/// </summary>
public static class SameInformationGrouping
{
    /// <summary>
    /// Groups of at least <see cref="SameInformationOptions.MinimumApplicants"/> distinct applicants, never across
    /// agencies; ordered by agency, then first received date, then first request id. A request is in at most one group.
    /// </summary>
    public static IReadOnlyList<SameInformationGroup> Find(IEnumerable<SameInformationText> requests, SameInformationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(requests);
        options ??= new SameInformationOptions();
        options.Validate();
        var groups = new List<SameInformationGroup>();
        var sorted = requests.OrderBy(r => r.AgencyId).ThenBy(r => r.ReceivedOn).ThenBy(r => r.RequestId).ToArray();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start;
            while (end < sorted.Length && sorted[end].AgencyId == sorted[start].AgencyId)
            {
                end++;
            }

            groups.AddRange(FindInAgency(sorted[start..end], options));
            start = end;
        }

        return groups;
    }

    /// <summary>The groups of one agency; <paramref name="requests"/> are in received order.</summary>
    private static List<SameInformationGroup> FindInAgency(SameInformationText[] requests, SameInformationOptions options)
    {
        var nodeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<NormalizedText>();
        var members = new List<List<int>>();
        var cache = new Dictionary<(string, string?, string?), NormalizedText>();
        for (var r = 0; r < requests.Length; r++)
        {
            var request = requests[r];
            var key = (request.Title, request.DocumentNumber, request.Description);
            if (!cache.TryGetValue(key, out var text))
            {
                text = cache[key] = RequestTextNormalizer.Normalize(request.Title, request.DocumentNumber, request.Description);
            }

            if (!nodeOf.TryGetValue(text.Key, out var node))
            {
                node = nodeOf[text.Key] = texts.Count;
                texts.Add(text);
                members.Add([]);
            }

            members[node].Add(r);
        }

        var index = new SimilarityIndex(texts);
        var edges = new List<(int Other, float Similarity, bool ByDocument)>[texts.Count];
        for (var n = 0; n < texts.Count; n++)
        {
            edges[n] = [];
        }

        void Consider(int a, int b)
        {
            var (different, sameDocument) = index.Facts(a, b);
            if (different)
            {
                return;
            }

            var similarity = sameDocument ? 1.0 : index.Similarity(a, b);
            if (similarity >= options.Threshold)
            {
                edges[a].Add((b, (float)similarity, sameDocument));
                edges[b].Add((a, (float)similarity, sameDocument));
            }
        }

        MinHashLsh.Candidates(index, options, Consider);
        DocumentPairs(texts, edges, Consider);
        return Stars(requests, members, edges, options);
    }

    /// <summary>
    /// Texts citing one 文号 are compared even when their words are too different for LSH to pair them
    /// (利政发〔2024〕12号 alone against the document's full title).
    /// </summary>
    private static void DocumentPairs(List<NormalizedText> texts, List<(int Other, float Similarity, bool ByDocument)>[] edges, Action<int, int> consider)
    {
        var byNumber = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var n = 0; n < texts.Count; n++)
        {
            foreach (var number in texts[n].DocumentNumbers)
            {
                if (!byNumber.TryGetValue(number, out var list))
                {
                    list = byNumber[number] = [];
                }

                list.Add(n);
            }
        }

        foreach (var list in byNumber.Values.Where(l => l.Count > 1))
        {
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (!edges[list[i]].Exists(e => e.Other == list[j]))
                    {
                        consider(list[i], list[j]);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Star clustering over the similar pairs. Union-find would chain: A~B and B~C put A and C together however
    /// unlike they are, and a run of gradually reworded requests becomes one group about nothing in particular.
    /// Instead the text most alike to the most requests becomes a centre and takes the still free texts similar to
    /// it, then the next centre, and so on. Every member is then similar to the representative the office reads —
    /// what it would publish — and the cost stays linear in the pairs (average-link would be quadratic in the
    /// texts and still let a member drift from the representative).
    /// </summary>
    private static List<SameInformationGroup> Stars(
        SameInformationText[] requests, List<List<int>> members, List<(int Other, float Similarity, bool ByDocument)>[] edges, SameInformationOptions options)
    {
        var count = members.Count;
        var score = new double[count];
        for (var n = 0; n < count; n++)
        {
            score[n] = members[n].Count + edges[n].Sum(e => e.Similarity * members[e.Other].Count);
        }

        // Ties go to the earlier text (nodes are numbered in received order), so the result never depends on sort luck.
        var order = Enumerable.Range(0, count).OrderByDescending(n => score[n]).ThenBy(n => n).ToArray();
        var taken = new bool[count];
        var groups = new List<SameInformationGroup>();
        foreach (var centre in order)
        {
            if (taken[centre])
            {
                continue;
            }

            taken[centre] = true;
            var star = edges[centre].Where(e => !taken[e.Other]).OrderBy(e => e.Other).ToList();
            var all = members[centre].Select(r => (Request: r, Similarity: 1.0, ByDocument: false))
                .Concat(star.SelectMany(e => members[e.Other].Select(r => (Request: r, Similarity: (double)e.Similarity, e.ByDocument))))
                .OrderBy(m => m.Request)
                .ToList();
            var applicants = all.Select(m => requests[m.Request].ApplicantKey).Distinct(StringComparer.Ordinal).Count();
            if (applicants < options.MinimumApplicants)
            {
                // Its neighbours stay free: they may still join a centre that other applicants asked alike.
                continue;
            }

            foreach (var e in star)
            {
                taken[e.Other] = true;
            }

            var representative = members[centre][0];
            var others = all.Where(m => m.Request != representative).ToList();
            groups.Add(new SameInformationGroup(
                requests[representative].AgencyId,
                [.. all.Select(m => requests[m.Request].RequestId)],
                applicants,
                requests[representative].RequestId,
                requests[representative].Title,
                requests[all[0].Request].ReceivedOn,
                requests[all[^1].Request].ReceivedOn,
                new SameInformationSimilarity(
                    Math.Round(others.Min(m => m.Similarity), 3),
                    Math.Round(others.Average(m => m.Similarity), 3),
                    others.Count(m => m.ByDocument))));
        }

        return [.. groups.OrderBy(g => g.FirstReceivedOn).ThenBy(g => g.RequestIds[0])];
    }
}

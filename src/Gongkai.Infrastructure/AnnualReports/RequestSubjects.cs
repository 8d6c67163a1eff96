using Gongkai.Infrastructure.Language;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>
/// The subjects a year's requests ask about most, for the report's section 二: the nouns of the requests' titles
/// (jieba's tagger), each counted once per request, words every request has (信息, 文件, 年度…) left out.
/// </summary>
public static class RequestSubjects
{
    /// <summary>At most this many titles are read (the most recent): enough for a ranking, bounded for a province.</summary>
    public const int MaxTitles = 5000;

    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "信息", "政府", "政府信息", "文件", "情况", "年度", "公开", "申请", "资料", "材料", "内容", "相关", "有关", "全部", "具体",
        "依据", "时间", "名单", "记录", "工作", "单位", "部门", "机关", "人民政府", "本人", "我", "要求", "复印件", "原件", "证明",
    };

    private static readonly HashSet<string> Nouns = new(StringComparer.Ordinal) { "n", "nz", "vn", "nt", "ns", "nl", "ng" };

    /// <summary>Up to <paramref name="count"/> subjects asked about by at least two requests, most asked first.</summary>
    public static IReadOnlyList<(string Subject, int Count)> Top(IEnumerable<string> titles, int count = 3)
    {
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var title in titles.Take(MaxTitles))
        {
            var words = ChineseTagger.Tag(title)
                .Where(t => Nouns.Contains(t.Flag) && t.Word.Length >= 2 && !Generic.Contains(t.Word) && !t.Word.Any(char.IsDigit))
                .Select(t => t.Word).ToHashSet(StringComparer.Ordinal);
            foreach (var word in words)
            {
                tally[word] = tally.GetValueOrDefault(word) + 1;
            }
        }

        return tally.Where(t => t.Value >= 2).OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(count).Select(t => (t.Key, t.Value)).ToList();
    }
}

using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace Gongkai.Infrastructure.Language;

/// <summary>
/// jieba's part-of-speech tagger, loaded on first use and shared by the process (its model is about 80 MB and takes
/// two seconds to load): persons' names in letters (<see cref="Interaction.PersonNames"/>), the subjects requests ask
/// about (<see cref="AnnualReports.RequestSubjects"/>).
/// </summary>
public static class ChineseTagger
{
    private static readonly Lazy<PosSegmenter> Segmenter = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        return new PosSegmenter();
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The words of <paramref name="text"/> with their tags (nr a person, ns a place, n a noun…).</summary>
    public static IEnumerable<(string Word, string Flag)> Tag(string text) => Segmenter.Value.Cut(text).Select(p => (p.Word, p.Flag));
}

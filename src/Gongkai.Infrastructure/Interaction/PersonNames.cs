using Gongkai.Infrastructure.Language;

namespace Gongkai.Infrastructure.Interaction;

/// <summary>
/// Finds persons' names in Chinese text with jieba's part-of-speech tagger (the <c>nr</c> tag), for the copy of a
/// letter the office publishes (<see cref="ChineseTagger"/>).
/// </summary>
public sealed class PersonNames
{
    // Common single-character family names: jieba sometimes tags only the given name (张/秀英).
    private const string FamilyNames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    // Words tagged as names that are places or groups: 幸福村, 三组, 和平里.
    private static readonly string[] NotPersonEndings = ["村", "镇", "乡", "组", "区", "县", "市", "省", "路", "街", "巷", "里", "园", "苑", "局", "委", "办", "站", "所", "院", "校", "厂", "店", "湖", "山", "河", "桥"];

    /// <summary>The distinct names of persons in <paramref name="text"/>, as written there.</summary>
    public IReadOnlyList<string> Find(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = ChineseTagger.Tag(text).ToList();
        var names = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var (word, flag) = (tokens[i].Word, tokens[i].Flag);
            if (flag != "nr" || NotPersonEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal)) || !word.All(IsHan))
            {
                continue;
            }

            if (word.Length is 2 or 3 && i > 0 && tokens[i - 1].Word is { Length: 1 } family && FamilyNames.Contains(family, StringComparison.Ordinal)
                && !FamilyNames.Contains(word[0], StringComparison.Ordinal))
            {
                word = family + word;
            }

            if (word.Length is >= 2 and <= 4)
            {
                names.Add(word);
            }
        }

        return names.Distinct().ToList();
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Core.Requests.SameInformation;

/// <summary>
/// A request's text reduced to what tells one piece of information from another. Units are single Chinese characters
/// and whole runs of Latin letters or digits ("2024", "g15"), so a year or a number is one unit, not four.
/// </summary>
internal sealed record NormalizedText(
    string Key,
    string[] MainUnits,
    bool[] MainGeneric,
    string[] DescriptionUnits,
    bool[] DescriptionGeneric,
    int[] Years,
    string[] DocumentNumbers,
    string[] Places,
    string[] Companies,
    int Kinds);

/// <summary>
/// Makes two applicants' wordings of one need compare equal: full-width and half-width, 〔2024〕 and [2024],
/// 二〇二四年 and 2024, and drops the boilerplate every application carries (申请公开…的政府信息, the regulation's
/// article) because words that every request shares say nothing about which information it asks for.
/// </summary>
internal static partial class RequestTextNormalizer
{
    // Longest first, so 申请公开 goes before 公开. Tuned on bench/data/same-information.tsv.
    private static readonly string[] Boilerplate = [.. new[]
    {
        "现申请公开", "特申请公开", "依申请公开", "申请公开", "请求公开", "要求公开", "请予公开", "予以公开", "申请获取", "申请提供",
        "申请查阅", "本人想了解", "我想了解", "想了解一下", "想了解", "请求提供", "请提供", "提供", "本人申请", "我申请",
        "申请人", "本人", "政府信息", "相关信息", "有关信息", "信息", "复印件", "复制件", "扫描件", "电子版", "纸质版", "原件",
        "全文", "文件", "关于", "有关", "相关", "涉及", "具体", "烦请", "贵单位", "贵局", "贵机关", "贵委", "贵府", "你单位",
        "你局", "谢谢", "一份", "内容", "以及", "公开", "请", "的", "等",
    }.OrderByDescending(p => p.Length)];

    // One pass over the text instead of one per phrase; alternation in Boilerplate's order keeps the longest first.
    private static readonly Regex BoilerplatePattern = new(string.Join('|', Boilerplate.Select(Regex.Escape)), RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // Words every request of a kind shares: their bigrams weigh less even before the agency's own statistics do.
    private static readonly string[] Generic =
    [
        "征收", "补偿", "安置", "方案", "决定", "批复", "规划", "许可证", "许可", "建设", "工程", "项目", "用地", "土地",
        "房屋", "国有", "集体", "预算", "决算", "部门", "单位", "财政", "经费", "三公", "报告", "评估", "审批", "审查", "意见",
        "通知", "实施", "公告", "环评", "处罚", "行政", "调查", "登记", "会议", "纪要", "招标", "投标", "中标", "合同", "结果",
        "名单", "标准", "费用", "资金", "使用", "情况", "明细", "清单", "面积", "范围", "答复", "信访", "事项", "办理", "记录",
        "依据", "证明", "批准", "立项", "可研", "设计", "施工", "验收", "备案", "拆除", "书", "表", "年度", "工作",
    ];

    private static readonly Regex GenericPattern = new(string.Join('|', Generic.OrderByDescending(w => w.Length).Select(Regex.Escape)), RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // Different names for one thing in applications; the right side is what the rest of the pipeline sees.
    private static readonly (string From, string To)[] Synonyms =
    [
        ("环境影响评价", "环评"), ("环境影响报告", "环评报告"), ("环境影响", "环评"), ("批准文件", "批复"), ("批文", "批复"),
        ("拆迁", "征收"), ("招标投标", "招投标"), ("可行性研究", "可研"), ("决定书", "决定"), ("行政处罚", "处罚"),
        ("建设工程规划许可证", "工程规划许可证"), ("国有土地上房屋", "房屋"), ("会议纪要", "纪要"),
        ("红线图", "勘测定界图"), ("勘测定界报告", "勘测定界图"), ("信访事项处理意见书", "信访答复"), ("信访答复意见", "信访答复"),
        ("因公出国境费", "三公经费"), ("公务接待费", "三公经费"), ("公务用车购置及运行维护费", "三公经费"), ("公务用车购置及运行费", "三公经费"),
        ("三公经费三公经费三公经费", "三公经费"), ("三公经费三公经费", "三公经费"), ("报告及说明", ""), ("公开表", ""),
    ];

    private static readonly string[] NotPlaces = ["城乡", "农村", "乡村", "乡镇", "城镇", "村镇", "本村", "该村", "全村", "各村", "全镇", "各镇", "本镇"];

    private static readonly string SynonymFirsts = new([.. Synonyms.Select(p => p.From[0]).Distinct()]);

    private const string ChineseDigits = "〇○零一二三四五六七八九";

    public static NormalizedText Normalize(string title, string? documentNumber, string? description)
    {
        var documents = new List<string>();
        var main = Compact(title, documents, bracketsRequired: true);
        if (!string.IsNullOrWhiteSpace(documentNumber))
        {
            main = main + " " + Compact(documentNumber, documents, bracketsRequired: false);
        }

        var extra = string.IsNullOrWhiteSpace(description) ? "" : Compact(description, documents, bracketsRequired: true);
        var (mainUnits, mainGeneric) = Units(main);
        var (extraUnits, extraGeneric) = Units(extra);
        var years = mainUnits.Concat(extraUnits).Where(IsYear).Select(u => int.Parse(u, CultureInfo.InvariantCulture)).Distinct().Order().ToArray();
        // 城乡规划 and 农村 are not places; the words before a real 村/镇/乡 name one.
        var places = Place().Matches(main.Replace(" ", "", StringComparison.Ordinal)).Select(m => m.Value)
            .Where(p => !NotPlaces.Any(w => p.EndsWith(w, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var kinds = (main.Contains("预算", StringComparison.Ordinal) || extra.Contains("预算", StringComparison.Ordinal) ? 1 : 0)
            | (main.Contains("决算", StringComparison.Ordinal) || extra.Contains("决算", StringComparison.Ordinal) ? 2 : 0);
        // A company is named by what precedes 有限公司; 对江州恒通环保科技 and 恒通环保科技 name one company.
        var companies = Company().Matches(main.Replace(" ", "", StringComparison.Ordinal)).Select(m => m.Groups["name"].Value)
            .Select(n => n[Math.Max(0, n.Length - 10)..]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new NormalizedText(
            string.Join(' ', mainUnits) + "\u0001" + string.Join(' ', extraUnits),
            mainUnits, mainGeneric, extraUnits, extraGeneric, years,
            [.. documents.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], places, companies, kinds);
    }

    /// <summary>The text as comparable characters: one pass of each rewrite, no punctuation, no boilerplate.</summary>
    internal static string Compact(string text, List<string> documents, bool bracketsRequired)
    {
        var s = NeedsCompatibilityForms(text) ? text.Normalize(NormalizationForm.FormKC) : text;
        s = s.ToLowerInvariant();
        s = !s.Contains('年', StringComparison.Ordinal) ? s : ChineseYear().Replace(s, m => string.Concat(m.Value.Select(c => ChineseDigits.IndexOf(c) is var i and >= 0 ? (char)('0' + Math.Max(0, i - 2)) : c)));
        s = (bracketsRequired ? BracketedDocument() : AnyDocument()).Replace(s, m =>
        {
            var prefix = m.Groups["p"].Value;
            var year = m.Groups["y"].Value;
            var number = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            // The issuer's last two characters: 利政发 and 政发 (the place dropped) are one series, 利府办 another.
            documents.Add($"{prefix[Math.Max(0, prefix.Length - 2)..]}-{year}-{number}");
            return $"{prefix} {year} {number}号";
        });
        s = StripPunctuation(s);
        if (s.AsSpan().IndexOfAny(SynonymFirsts) >= 0)
        {
            foreach (var (from, to) in Synonyms)
            {
                s = s.Replace(from, to, StringComparison.Ordinal);
            }
        }

        s = !s.Contains("条例", StringComparison.Ordinal) ? s : Regulation().Replace(s, "");
        s = BoilerplatePattern.Replace(s, "");

        s = Year().Replace(s, "$1 ");
        s = s.AsSpan().IndexOfAny("期批段线季") < 0 ? s : SmallNumeral().Replace(s, m => Numeral(m.Groups["n"].Value).ToString(CultureInfo.InvariantCulture) + m.Groups["u"].Value);
        return s.Trim();
    }

    /// <summary>Drops everything but letters and digits; a space stays only where it keeps two numbers apart.</summary>
    private static string StripPunctuation(string s)
    {
        var builder = new StringBuilder(s.Length);
        var gap = false;
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in s.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune))
            {
                gap = true;
                continue;
            }

            if (gap && builder.Length > 0 && IsAsciiAlnum(builder[^1]) && rune.IsAscii)
            {
                builder.Append(' ');
            }

            builder.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            gap = false;
        }

        return builder.ToString();
    }

    private static (string[] Units, bool[] Generic) Units(string compact)
    {
        var generic = new bool[compact.Length];
        foreach (var match in GenericPattern.EnumerateMatches(compact))
        {
            Array.Fill(generic, true, match.Index, match.Length);
        }

        var units = new List<string>();
        var flags = new List<bool>();
        for (var i = 0; i < compact.Length;)
        {
            var start = i;
            if (IsAsciiAlnum(compact[i]))
            {
                while (i < compact.Length && IsAsciiAlnum(compact[i]))
                {
                    i++;
                }
            }
            else if (compact[i] == ' ')
            {
                i++;
                continue;
            }
            else
            {
                i += char.IsHighSurrogate(compact[i]) && i + 1 < compact.Length ? 2 : 1;
            }

            units.Add(compact[start..i]);
            flags.Add(generic[start]);
        }

        return ([.. units], [.. flags]);
    }

    /// <summary>
    /// NFKC through ICU costs more than the rest of the normalizing; most texts are Chinese characters, ASCII and
    /// CJK punctuation, which it leaves alone (the ideographic space becomes a space, dropped anyway). Full-width
    /// forms (FF00–FFEF), circled numbers (2460–24FF, 3200–33FF) and compatibility ideographs (F900–FAFF) need it.
    /// </summary>
    private static bool NeedsCompatibilityForms(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u00A0' and < '\u3000') or (>= '\u3100' and < '\u3400') or >= '\uF900')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsciiAlnum(char c) => char.IsAsciiLetterOrDigit(c);

    private static bool IsYear(string unit) => unit.Length == 4 && unit[0] is '1' or '2' && unit.All(char.IsAsciiDigit)
        && int.Parse(unit, CultureInfo.InvariantCulture) is >= 1949 and <= 2099;

    private static int Numeral(string text)
    {
        const string digits = "零一二三四五六七八九";
        if (text.Length == 1)
        {
            return text[0] == '十' ? 10 : digits.IndexOf(text[0], StringComparison.Ordinal);
        }

        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return digits.IndexOf(text[0], StringComparison.Ordinal) * 10 + digits.IndexOf(text[1], StringComparison.Ordinal);
        }

        var tens = ten == 0 ? 1 : digits.IndexOf(text[0], StringComparison.Ordinal);
        var ones = ten == text.Length - 1 ? 0 : digits.IndexOf(text[^1], StringComparison.Ordinal);
        return tens * 10 + ones;
    }

    [GeneratedRegex("[〇○零一二三四五六七八九0-9]{4}(?=年)", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseYear();

    [GeneratedRegex(@"(?<p>[\u4e00-\u9fff]{1,12})\s*[〔\[(【（［{]\s*(?<y>(?:19|20)\d\d)\s*[〕\])】）］}]\s*第?\s*(?<n>\d{1,5})\s*号", RegexOptions.CultureInvariant)]
    private static partial Regex BracketedDocument();

    [GeneratedRegex(@"(?<p>[\u4e00-\u9fff]{1,12})\s*[〔\[(【（［{]?\s*(?<y>(?:19|20)\d\d)\s*[〕\])】）］}]?\s*[年\-]?\s*第?\s*(?<n>\d{1,5})\s*号?", RegexOptions.CultureInvariant)]
    private static partial Regex AnyDocument();

    [GeneratedRegex("(依据|根据|按照|依照)?(中华人民共和国)?政府信息公开条例(第[一二三四五六七八九十]+条)?(第[一二三四五六七八九十]+款)?(之|的)?(有关)?(规定)?", RegexOptions.CultureInvariant)]
    private static partial Regex Regulation();

    [GeneratedRegex("((?:19|20)[0-9]{2})年度?", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    [GeneratedRegex("(?<![一二三四五六七八九十])(?<n>[一二三四五六七八九十]{1,3})(?<u>期|批次|批|标段|号线|季度)", RegexOptions.CultureInvariant)]
    private static partial Regex SmallNumeral();

    [GeneratedRegex(@"(?<name>[\u4e00-\u9fffa-z0-9]{2,})(股份有限公司|有限责任公司|有限公司|集团公司|公司)", RegexOptions.CultureInvariant)]
    private static partial Regex Company();

    [GeneratedRegex(@"[\u4e00-\u9fff]{2}(村|社区|街道|镇|乡)", RegexOptions.CultureInvariant)]
    private static partial Regex Place();
}

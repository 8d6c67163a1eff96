using System.Globalization;
using System.Text;

namespace Gongkai.Core.Checker;

/// <summary>
/// Text as published reports print it, made comparable: full-width digits, letters and brackets become half-width
/// and Kangxi radicals their ordinary characters (Unicode NFKC), the Traditional forms of the labels' characters
/// become Simplified, quotation marks and markup (Markdown #, *) are dropped.
/// </summary>
public static class ReportText
{
    private static readonly Dictionary<char, char> Simplified = new()
    {
        ['請'] = '请',
        ['開'] = '开',
        ['數'] = '数',
        ['處'] = '处',
        ['機'] = '机',
        ['關'] = '关',
        ['議'] = '议',
        ['訟'] = '讼',
        ['維'] = '维',
        ['結'] = '结',
        ['資'] = '资',
        ['訊'] = '讯',
        ['轉'] = '转',
        ['繼'] = '继',
        ['續'] = '续',
        ['辦'] = '办',
        ['總'] = '总',
        ['計'] = '计',
        ['們'] = '们',
        ['報'] = '报',
        ['國'] = '国',
        ['審'] = '审',
        ['復'] = '复',
        ['訴'] = '诉',
        ['聯'] = '联',
        ['業'] = '业',
        ['務'] = '务',
        ['術'] = '术',
        ['會'] = '会',
        ['組'] = '组',
        ['織'] = '织',
        ['類'] = '类',
        ['護'] = '护',
        ['權'] = '权',
        ['益'] = '益',
        ['內'] = '内',
        ['執'] = '执',
        ['調'] = '调',
        ['查'] = '查',
        ['詢'] = '询',
        ['項'] = '项',
        ['規'] = '规',
        ['範'] = '范',
        ['許'] = '许',
        ['罰'] = '罚',
        ['費'] = '费',
        ['統'] = '统',
        ['購'] = '购',
        ['產'] = '产',
        ['現'] = '现',
        ['製'] = '制',
        ['補'] = '补',
        ['確'] = '确',
        ['複'] = '复',
        ['應'] = '应',
        ['當'] = '当',
        ['與'] = '与',
        ['為'] = '为',
        ['這'] = '这',
        ['個'] = '个',
        ['錄'] = '录',
        ['況'] = '况',
        ['題'] = '题',
        ['進'] = '进',
        ['們'] = '们',
        ['學'] = '学',
        ['獲'] = '获',
        ['駁'] = '驳',
        ['糾'] = '纠',
        ['狀'] = '状',
        ['經'] = '经',
        ['訪'] = '访',
        // CJK Radicals Supplement forms PDF text extraction returns for ordinary characters (NFKC leaves them).
        ['⺠'] = '民',
        ['⻅'] = '见',
        ['⻓'] = '长',
        ['⻔'] = '门',
        ['⻢'] = '马',
        ['⻛'] = '风',
        ['⻚'] = '页',
        ['⻆'] = '角',
        ['⻄'] = '西',
        ['⻝'] = '食',
        ['⻜'] = '飞',
        ['⻋'] = '车',
        ['⻓'] = '长',
        ['⻘'] = '青',
        ['⻬'] = '齐',
        ['⻰'] = '龙',
        ['舉'] = '举',
        ['責'] = '责',
        ['負'] = '负',
        ['檔'] = '档',
        ['據'] = '据',
        ['設'] = '设',
        ['體'] = '体',
        ['單'] = '单',
        ['兩'] = '两',
        ['麗'] = '丽',
        ['減'] = '减',
        ['動'] = '动',
        ['區'] = '区',
        ['發'] = '发',
        ['號'] = '号',
        ['後'] = '后',
        ['員'] = '员',
        ['對'] = '对',
        ['屬'] = '属',
        ['廢'] = '废',
        ['強'] = '强',
        ['擇'] = '择',
        ['無'] = '无',
        ['時'] = '时',
        ['條'] = '条',
        ['來'] = '来',
        ['構'] = '构',
        ['標'] = '标',
        ['瀏'] = '浏',
        ['穩'] = '稳',
        ['係'] = '系',
        ['納'] = '纳',
        ['編'] = '编',
        ['繳'] = '缴',
        ['覽'] = '览',
        ['認'] = '认',
        ['試'] = '试',
        ['誤'] = '误',
        ['讀'] = '读',
        ['過'] = '过',
        ['還'] = '还',
        ['選'] = '选',
        ['採'] = '采',
        ['錯'] = '错',
        ['問'] = '问',
        ['間'] = '间',
        ['頁'] = '页',
        ['順'] = '顺',
        ['額'] = '额',
        ['萬'] = '万',
        ['決'] = '决',
        ['於'] = '于',
        ['縣'] = '县',
        ['鄉'] = '乡',
        ['鎮'] = '镇',
        ['門'] = '门',
        ['戶'] = '户',
        ['網'] = '网',
        ['説'] = '说',
        ['說'] = '说',
        ['級'] = '级',
        ['層'] = '层',
        ['實'] = '实',
        ['證'] = '证',
        ['書'] = '书',
        ['聽'] = '听',
        ['徑'] = '径',
        ['幣'] = '币',
        ['億'] = '亿',
        ['圖'] = '图',
        ['閱'] = '阅',
        ['陸'] = '陆',
        ['歸'] = '归',
        ['預'] = '预',
        ['衛'] = '卫',
        ['環'] = '环',
        ['專'] = '专',
        ['導'] = '导',
        ['質'] = '质',
        ['佈'] = '布',
        ['僅'] = '仅',
        ['參'] = '参',
        ['將'] = '将',
        ['頭'] = '头',
        ['勞'] = '劳',
        ['稅'] = '税',
        ['義'] = '义',
        ['紀'] = '纪',
        ['監'] = '监',
        ['懲'] = '惩',
        ['聞'] = '闻',
        ['訂'] = '订',
        ['準'] = '准',
        ['點'] = '点',
        ['辭'] = '辞',
        ['濟'] = '济',
        ['裡'] = '里',
        ['裏'] = '里',
        ['線'] = '线',
        ['從'] = '从',
        ['雙'] = '双',
        ['壓'] = '压',
        ['鄰'] = '邻',
        ['燈'] = '灯',
        ['壯'] = '壮',
        ['態'] = '态',
        ['營'] = '营',
        ['慶'] = '庆',
        ['廣'] = '广',
        ['東'] = '东',
        ['蘇'] = '苏',
        ['遼'] = '辽',
        ['黃'] = '黄',
        ['藥'] = '药',
        ['醫'] = '医',
        ['養'] = '养',
        ['險'] = '险',
        ['傳'] = '传',
        ['遞'] = '递',
        ['顯'] = '显',
        ['驗'] = '验',
        ['庫'] = '库',
        ['殘'] = '残',
        ['災'] = '灾',
        ['貧'] = '贫',
        ['幹'] = '干',
        ['餘'] = '余',
        ['衝'] = '冲',
    };

    /// <summary>
    /// <see cref="Normalize(string)"/> with, for each character of the result, the index of the character of
    /// <paramref name="text"/> it came from: what a finding quotes is given back as printed.
    /// </summary>
    public static string Normalize(string text, out int[] origins)
    {
        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            var piece = Normalize(text.Substring(i, length));
            builder.Append(piece);
            map.AddRange(Enumerable.Repeat(i, piece.Length));
            i += length - 1;
        }

        origins = [.. map];
        return builder.ToString();
    }

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            switch (ch)
            {
                case '“' or '”' or '‘' or '’' or '"' or '「' or '」' or '*' or '#' or '\u00A0' or '\u3000':
                    if (ch is '\u00A0' or '\u3000')
                    {
                        builder.Append(' ');
                    }

                    break;
                case '〔' or '［' or '【':
                    builder.Append('[');
                    break;
                case '〕' or '］' or '】':
                    builder.Append(']');
                    break;
                case '．':
                    builder.Append('.');
                    break;
                default:
                    builder.Append(Simplified.GetValueOrDefault(ch, ch));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The normalized text without any whitespace (labels split by stray spaces compare equal).</summary>
    public static string Compact(string text) => WithoutWhiteSpace(Normalize(text));

    internal static string WithoutWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.Length == text.Length ? text : builder.ToString();
    }

    /// <summary>A Chinese or Arabic numeral as a number (一百二十三, 两, 十五, 1,234); null when it is not one.</summary>
    public static int? Numeral(string text)
    {
        text = Normalize(text).Replace(",", "", StringComparison.Ordinal).Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var arabic))
        {
            return arabic;
        }

        const string digits = "零一二三四五六七八九";
        var total = 0;
        var current = 0;
        foreach (var ch in text)
        {
            var d = ch == '两' ? 2 : ch == '〇' ? 0 : digits.IndexOf(ch, StringComparison.Ordinal);
            if (d >= 0)
            {
                current = d;
            }
            else if (ch is '十' or '百' or '千' or '万')
            {
                var unit = ch switch { '十' => 10, '百' => 100, '千' => 1000, _ => 10000 };
                total += (current == 0 ? 1 : current) * unit;
                current = 0;
            }
            else
            {
                return null;
            }
        }

        return text.Length == 0 ? null : total + current;
    }
}

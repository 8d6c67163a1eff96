using System.Globalization;
using System.Text;

/// <summary>One labelled request of bench/data/same-information.tsv; an empty label belongs to no group.</summary>
internal sealed record LabelledRequest(string Label, int Agency, string Applicant, string Title, string Number, string Description);

/// <summary>
/// Writes requests as applicants word them: a piece of information (a topic) asked by several applicants in their own
/// words, with and without its 文号, in full-width or half-width, with typos and boilerplate; beside it siblings that
/// differ only in the year, the village, the batch, the 文号, or 预算 against 决算 (hard negatives). Deterministic for
/// a seed. Every wording names everything that tells a topic from its siblings, or its 文号, so the labels are right.
/// </summary>
internal static class SameInformationSet
{
    private static readonly string[] Towns = ["河口镇", "白沙镇", "青山镇", "石桥镇", "龙潭乡", "城东街道", "城西街道", "黄岗镇", "柳林镇", "双溪乡"];
    private static readonly string[] VillageHeads = ["东湖", "西湖", "新民", "红星", "杨柳", "石门", "桃源", "长岭", "黄泥", "双河", "高桥", "永安", "大塘", "白马", "胜利", "南岗", "北坪", "上游", "下庄", "金竹", "茶园", "新塘", "枫树", "油坊", "沙湾", "塘口", "龙井", "马头", "青林", "鹿溪"];
    private static readonly string[] Depts = ["区教育局", "区卫生健康局", "区民政局", "区交通运输局", "区水利局", "区农业农村局", "区人力资源和社会保障局", "区城市管理局", "区文化和旅游局", "区应急管理局"];
    private static readonly string[] CompanyHeads = ["华瑞", "恒通", "鑫达", "宏远", "绿源", "金川", "永盛", "天宇", "盛兴", "中科", "荣昌", "佳禾"];
    private static readonly string[] Industries = ["化工有限公司", "混凝土有限公司", "建材有限公司", "新能源科技有限公司", "食品有限公司", "环保科技有限公司", "再生资源有限公司", "印染有限公司"];
    private static readonly string[] EnvProjects = ["年产5万吨锂电池正极材料项目", "污水处理站提标改造工程", "年产30万立方米商品混凝土搅拌站项目", "危险废物暂存库建设项目", "生物质热电联产项目", "年产2万吨再生塑料颗粒项目", "10万吨级码头扩建工程"];
    private static readonly string[] Projects = ["城东片区棚户区改造项目", "老城区河街片区改造项目", "火车站片区旧城改造项目", "第二人民医院新院区建设项目", "中心城区污水管网改造工程", "滨江公园提升改造工程", "城北垃圾焚烧发电厂项目", "实验中学扩建项目", "高铁站站前广场项目", "农贸市场升级改造项目", "体育中心建设项目", "工业园区标准厂房项目"];
    private static readonly string[] Roads = ["滨江大道", "人民路", "解放路", "建设路", "中山路", "沿河路", "工业大道", "学府路", "朝阳路", "环城南路"];
    private static readonly string[] Estates = ["江湾一号", "翡翠湾", "滨江府", "城市花园", "天悦府", "锦绣华庭", "书香名邸", "御景湾"];
    private static readonly string[] Developers = ["临江置业有限公司", "江州城投房地产开发有限公司", "华润置地（江州）有限公司", "江州万达房地产有限公司"];
    private static readonly string[] Matters = ["宅基地审批", "征地补偿款分配", "养殖场污染", "村集体资产处置", "低保评定"];

    private static readonly string[] Prefixes = ["", "", "", "申请公开", "请求公开", "我想了解", "依据《政府信息公开条例》，申请公开", "根据《中华人民共和国政府信息公开条例》第二十七条的规定，申请公开", "请提供", "本人申请获取", "要求公开", "现申请公开贵单位"];
    private static readonly string[] Suffixes = ["", "", "", "的政府信息", "（复印件）", "全文", "相关文件", "的具体内容", "等相关信息", "及附件", "，谢谢"];
    private static readonly string[] Brackets = ["〔〕", "〔〕", "〔〕", "[]", "()", "（）", "【】", "［］"];
    private static readonly Dictionary<char, char> Typos = new() { ['征'] = '正', ['偿'] = '尝', ['复'] = '覆', ['划'] = '画', ['案'] = '按', ['置'] = '制', ['罚'] = '伐', ['批'] = '披', ['标'] = '表', ['定'] = '订', ['决'] = '绝' };

    private sealed record Topic(int Kind, int Agency, string A, string B, int Year, int N, string DocPrefix, int Doc)
    {
        // What tells two topics apart in every wording: the wordings of kinds 3, 4 and 8 name no year, and a batch
        // approval (2) is one document whichever village an applicant names beside it.
        public string Identity => Kind switch
        {
            2 => FormattableString.Invariant($"{Kind}|{Agency}|{Year}|{N}"),
            3 or 4 or 8 => FormattableString.Invariant($"{Kind}|{Agency}|{A}|{B}|{N}"),
            _ => FormattableString.Invariant($"{Kind}|{Agency}|{A}|{B}|{Year}|{N}"),
        };
    }

    /// <summary>
    /// <paramref name="families"/> families per district; each family is a topic and a few hard-negative siblings.
    /// <paramref name="oneAgency"/> puts everything in agency 1 (the speed run) and draws names from a larger pool.
    /// </summary>
    public static List<LabelledRequest> Generate(int seed, int families, bool oneAgency)
    {
        var random = new Random(seed);
        var rows = new List<(LabelledRequest Row, double Order)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var documents = new HashSet<string>(StringComparer.Ordinal);
        var applicants = 0;
        var label = 0;
        foreach (var district in oneAgency ? new[] { 0 } : [0, 10])
        {
            for (var f = 0; f < families; f++)
            {
                var kind = random.Next(12);
                var baseTopic = NewTopic(kind, district, random, oneAgency);
                baseTopic = oneAgency ? baseTopic with { Agency = 1 } : baseTopic;
                var family = new List<Topic> { baseTopic };
                for (var s = random.Next(0, 3); s > 0; s--)
                {
                    family.Add(Sibling(baseTopic, random, oneAgency));
                }

                foreach (var candidate in family)
                {
                    if (!seen.Add(candidate.Identity))
                    {
                        continue;
                    }

                    // Two topics never share a 文号: that would make different information the same.
                    var topic = candidate;
                    while (topic.Doc > 0 && !documents.Add(FormattableString.Invariant($"{topic.DocPrefix}|{topic.Year}|{topic.Doc}")))
                    {
                        topic = topic with { Doc = topic.Doc + 1 };
                    }

                    // Most information is asked once; some by a few applicants; a few by many.
                    var asks = random.NextDouble() switch { < 0.35 => 1, < 0.80 => random.Next(2, 5), < 0.95 => random.Next(5, 9), _ => random.Next(9, 16) };
                    var who = new List<string>();
                    for (var a = 0; a < asks; a++)
                    {
                        who.Add(a > 0 && random.NextDouble() < 0.12 ? who[random.Next(who.Count)] : string.Create(CultureInfo.InvariantCulture, $"P{++applicants:D6}"));
                    }

                    var groupLabel = who.Distinct().Count() >= 2 ? string.Create(CultureInfo.InvariantCulture, $"G{++label:D5}") : "";
                    foreach (var applicant in who)
                    {
                        var (title, number, description) = Word(topic, random);
                        rows.Add((new LabelledRequest(groupLabel, topic.Agency, applicant, title, number, description), random.NextDouble()));
                    }
                }
            }
        }

        return [.. rows.OrderBy(r => r.Order).Select(r => r.Row)];
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Village(Random random, bool large) =>
        (large ? Pick(random, VillageHeads)[..1] + Pick(random, VillageHeads)[1..] : Pick(random, VillageHeads)) + "村";

    private static string Company(Random random) => "江州" + Pick(random, CompanyHeads) + Pick(random, Industries);

    // Kinds: 0 集体土地征收补偿安置方案, 1 国有土地房屋征收, 2 建设用地批复, 3 规划许可证, 4 环评批复, 5 部门预算/决算,
    // 6 三公经费, 7 行政处罚, 8 招投标, 9 立项批复, 10 信访答复, 11 勘测定界图.
    private static Topic NewTopic(int kind, int district, Random random, bool large)
    {
        var year = random.Next(2019, 2026);
        var doc = random.Next(1, 220);
        var place = district == 0 ? "临" : "江北";
        // Only kinds that carry a 文号 get one; a number without its issuer is no 文号.
        doc = kind is 0 or 1 or 2 or 4 or 7 or 9 ? doc : 0;
        return kind switch
        {
            0 => new(kind, district + 2, Pick(random, Towns), Village(random, large), year, 0, place + "自然资征", doc),
            1 => new(kind, district + 1, random.Next(3) == 0 ? $"{Pick(random, Roads)}（{Pick(random, Roads)}至{Pick(random, Roads)}段）拓宽改造工程" : Pick(random, Projects), "", year, 0, place + "政征决", doc),
            2 => new(kind, district + 2, Village(random, large), "", year, random.Next(1, 9), "江政土", doc),
            3 => new(kind, district + 2, Pick(random, Estates), Pick(random, Developers), year, random.Next(1, 4), "", 0),
            4 => new(kind, district + 5, Company(random), Pick(random, EnvProjects), year, 0, place + "环审", doc),
            5 => new(kind, district + 4, Pick(random, Depts), random.Next(2) == 0 ? "预算" : "决算", year, 0, "", 0),
            6 => new(kind, district + 4, Pick(random, Depts), "", year, 0, "", 0),
            7 => new(kind, district + 7, Company(random), "", year, 0, place + "市监罚", doc),
            8 => new(kind, district + 3, Pick(random, Projects), "", year, random.Next(1, 5), "", 0),
            9 => new(kind, district + 6, Pick(random, Projects), "", year, 0, place + "发改审批", doc),
            10 => new(kind, district + 1, Village(random, large), Pick(random, Matters), year, random.Next(1, 13), "", 0),
            _ => new(kind, district + 2, Pick(random, Towns), Village(random, large), year, 0, "", 0),
        };
    }

    /// <summary>The same kind of information differing in one fact an applicant always states.</summary>
    private static Topic Sibling(Topic t, Random random, bool large) => random.Next(3) switch
    {
        0 => t with { Year = t.Year == 2025 ? 2024 : t.Year + 1, Doc = t.Doc + random.Next(1, 30) },
        1 when t.Kind is 0 or 11 => t with { B = Village(random, large), Doc = t.Doc + 1 },
        1 when t.Kind is 2 or 3 or 8 => t with { N = t.N % 8 + 1, Doc = t.Doc + 1 },
        1 when t.Kind == 5 => t with { B = t.B == "预算" ? "决算" : "预算" },
        1 when t.Kind is 4 or 7 => t with { A = Company(random), Doc = t.Doc + 2 },
        1 when t.Kind == 10 => t with { B = Pick(random, Matters) },
        _ => t with { Doc = t.Doc + random.Next(1, 9), Year = t.Kind is 5 or 6 or 10 or 8 ? (t.Year == 2019 ? 2020 : t.Year - 1) : t.Year, A = t.Kind is 1 or 9 ? Pick(random, Projects) : t.A },
    };

    private static (string Title, string Number, string Description) Word(Topic t, Random random)
    {
        var y = random.Next(10) == 0 ? ChineseYear(t.Year) : t.Year.ToString(CultureInfo.InvariantCulture) + (random.Next(3) == 0 ? "年度" : "年");
        var n = random.Next(3) == 0 ? t.N.ToString(CultureInfo.InvariantCulture) : Numeral(t.N);
        var b = Pick(random, Brackets);
        var doc = t.Doc == 0 || t.DocPrefix.Length == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{t.DocPrefix}{b[0]}{t.Year}{b[1]}{t.Doc}号");
        var v = t.B;
        var ym = y.Replace("年度", "年", StringComparison.Ordinal);
        var titles = t.Kind switch
        {
            0 => new[] { $"{t.A}{v}{y}集体土地征收补偿安置方案", $"{v}{y}土地征收补偿安置方案", $"{y}{v}征地补偿安置方案", $"{v}被征收土地的补偿标准和安置方案（{y}）", $"关于{t.A}{v}征收土地补偿安置方案的公告（{y}）", $"{doc}征收土地补偿安置方案公告" },
            1 => [$"{t.A}国有土地上房屋征收补偿方案", $"{t.A}房屋征收决定及补偿方案", $"{t.A}拆迁补偿安置方案", $"{doc}房屋征收决定", $"区政府作出的{t.A}征收决定书（{doc}）"],
            2 => [$"江州省人民政府关于{(t.Agency > 10 ? "江北区" : "临江区")}{y}第{n}批次城镇建设用地的批复", $"{y}第{n}批次建设用地征收批复（涉及{t.A}）", $"{t.A}所在{y}第{n}批次城市建设用地批准文件", $"省政府建设用地批复（{doc}）", $"{t.A}{y}第{n}批次农用地转用和土地征收批复"],
            3 => [$"{t.A}{Numeral(t.N)}期建设工程规划许可证", $"{t.A}{Numeral(t.N)}期项目规划许可证及附图", $"{v}开发的{t.A}{t.N}期工程规划许可", $"{t.A}（{Numeral(t.N)}期）规划许可证和总平面图"],
            4 => [$"{t.A}{v}环境影响报告书的批复", $"{t.A}{v}环评批复", $"关于{t.A}{v}环境影响评价文件的审批意见", $"{doc}环评批复文件", $"{t.A}{v}环评报告及批复（{doc}）"],
            5 => [$"{t.A}{y}部门{v}", $"{y}{t.A}部门{v}公开表", $"{t.A}{y}{v}报告及说明", $"{(t.Agency > 10 ? "江北区" : "临江区")}{t.A[1..]}{y}{v}（含基本支出、项目支出明细）"],
            6 => [$"{t.A}{y}三公经费支出情况", $"{y}{t.A}“三公”经费使用明细", $"{t.A}{y}因公出国（境）费、公务接待费、公务用车购置及运行维护费支出明细", $"{t.A}{y}三公经费"],
            7 => [$"{y}对{t.A}作出的行政处罚决定书", $"{t.A}行政处罚决定书（{doc}）", $"{doc}行政处罚决定书", $"{t.A}{y}被罚款的处罚决定书", $"贵局{y}对{t.A}违法行为的处罚决定"],
            8 => [$"{t.A}第{n}标段施工招标文件及中标结果", $"{t.A}{t.N}标段中标通知书和施工合同", $"{t.A}第{n}标段招投标情况（招标公告、评标报告、中标结果）", $"{t.A}施工第{n}标段中标单位及中标价"],
            9 => [$"{t.A}立项批复", $"{t.A}项目建议书的批复（立项）", $"{doc}立项批复文件", $"{t.A}的项目审批文件（立项）", $"发改局关于{t.A}立项的批复{doc}"],
            10 => [$"{ym}{t.N}月对{t.A}村民反映{v}问题的信访答复意见", $"关于{t.A}{v}问题信访事项处理意见书（{ym}{t.N}月）", $"{t.A}{v}信访答复（{ym}{t.N}月）"],
            _ => [$"{t.A}{v}{y}征地勘测定界图", $"{t.A}{v}征收土地的红线图（{y}）", $"{y}{v}被征地块勘测定界报告及界址点坐标"],
        };
        // The project kinds name no year; a sibling of another year always cites its 文号, which carries the year.
        var pool = titles.Where(x => doc.Length > 0 || !x.Contains("号", StringComparison.Ordinal) || t.Kind == 3).ToArray();
        var title = Pick(random, pool);
        if (t.Kind is 1 or 9 && !title.Contains(doc, StringComparison.Ordinal))
        {
            title += random.Next(2) == 0 ? $"（{doc}）" : "";
        }

        var number = doc.Length > 0 && !title.Contains(doc, StringComparison.Ordinal) && random.Next(3) == 0 ? doc : "";
        if (t.Kind is 1 or 9 && !title.Contains(doc, StringComparison.Ordinal) && number.Length == 0)
        {
            number = doc;
        }

        title = Pick(random, Prefixes) + title + Pick(random, Suffixes);
        title = Noise(title, random);
        var description = random.Next(10) switch
        {
            0 => t.Kind is 0 or 2 or 11 ? $"本人系{t.A}{t.B}村民，承包地在征收范围内，需了解补偿标准。" : "用于了解相关情况。",
            1 => "为维护本人合法权益，用于行政复议。",
            2 when doc.Length > 0 => $"文号为{doc}，请提供全文。",
            3 => "以纸质形式邮寄提供。",
            _ => "",
        };
        return (title, number, description);
    }

    private static string Noise(string text, Random random)
    {
        var chars = text.ToCharArray();
        if (random.Next(8) == 0)
        {
            var at = Enumerable.Range(0, chars.Length).Where(i => Typos.ContainsKey(chars[i])).ToList();
            if (at.Count > 0)
            {
                var i = Pick(random, at);
                chars[i] = Typos[chars[i]];
            }
        }

        if (random.Next(5) == 0)
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = char.IsAsciiLetterOrDigit(chars[i]) ? (char)(chars[i] - '!' + '！') : chars[i];
            }
        }

        var result = new string(chars);
        return random.Next(6) == 0 ? result.Replace("，", " ", StringComparison.Ordinal).Replace("（", "(", StringComparison.Ordinal).Replace("）", ")", StringComparison.Ordinal) : result;
    }

    private static string ChineseYear(int year) =>
        string.Concat(year.ToString(CultureInfo.InvariantCulture).Select(c => "〇一二三四五六七八九"[c - '0'])) + "年";

    private static string Numeral(int n) => n switch
    {
        < 10 => "〇一二三四五六七八九"[n].ToString(),
        10 => "十",
        < 20 => "十" + "〇一二三四五六七八九"[n - 10],
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    public static void Write(string path, IEnumerable<LabelledRequest> rows)
    {
        var text = new StringBuilder("group\tagency\tapplicant\ttitle\tnumber\tdescription\n");
        foreach (var r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Label}\t{r.Agency}\t{r.Applicant}\t{r.Title}\t{r.Number}\t{r.Description}\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    public static List<LabelledRequest> Read(string path) =>
        [.. File.ReadLines(path, Encoding.UTF8).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c =>
            new LabelledRequest(c[0], int.Parse(c[1], CultureInfo.InvariantCulture), c[2], c[3], c[4], c.Length > 5 ? c[5] : ""))];
}

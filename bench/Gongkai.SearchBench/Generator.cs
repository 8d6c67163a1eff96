using System.Globalization;
using System.Text;

namespace Gongkai.SearchBench;

/// <summary>One proactively disclosed document, as the generator makes it.</summary>
public sealed record GovDocument(
    int Id, string Title, string DocumentNumber, string Issuer, DateOnly Date, string Category, string DocumentType, string Body)
{
    /// <summary>The issuing agency as a number (district × agencies + agency), for the product's agency filter.</summary>
    public int AgencyId { get; init; }
}

/// <summary>How the generator spreads words over documents.</summary>
public enum WordDistribution
{
    /// <summary>
    /// As first published (kept so that those numbers can be reproduced): 14 topics equally likely, and one sentence in
    /// ten from another topic, so every probe word is in 25–50 % of all documents.
    /// </summary>
    Even,

    /// <summary>
    /// Closer to a real catalog: topics Zipf-distributed (the k-th most common written about 1/k as often), rarely a
    /// sentence from another topic, and 40 % routine documents (批复, 任免, 公示) about roads, communities, companies and
    /// people drawn Zipf-like from large generated name pools: a few words in many documents, most in few.
    /// </summary>
    Zipf,
}

/// <summary>
/// Makes realistic Chinese government documents from a seed. Document <c>i</c> depends only on the seed and
/// <c>i</c>, so a corpus can be generated in parallel and again on another run, identical.
/// </summary>
public static class Generator
{
    private static readonly string[] Districts = ["示例区", "临江区", "北湖区", "青山区"];

    // Agency suffix, document-number word, the topics it writes about.
    private static readonly (string Agency, string Word, int[] Topics)[] Agencies =
    [
        ("人民政府", "政发", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]),
        ("人民政府办公室", "政办发", [0, 1, 2, 4, 5, 6, 7, 11, 12, 13]),
        ("发展和改革局", "发改", [0, 1, 7, 12, 13]),
        ("教育局", "教发", [8, 6, 4]),
        ("民政局", "民发", [3, 11, 1]),
        ("财政局", "财预", [7, 0, 4]),
        ("人力资源和社会保障局", "人社发", [13, 9, 3]),
        ("住房和城乡建设局", "住建发", [2, 10, 5]),
        ("卫生健康委员会", "卫健发", [9, 11, 5]),
        ("应急管理局", "应急发", [5, 10]),
        ("医疗保障局", "医保发", [9, 3]),
        ("市场监督管理局", "市监发", [0, 5, 12]),
        ("司法局", "司发", [4, 6]),
        ("农业农村局", "农发", [1, 12]),
    ];

    // Topic: the name used in titles, its category, and sentences only documents on it use.
    private static readonly (string Name, string Category, string[] Sentences)[] Topics =
    [
        ("优化营商环境", "国民经济管理", [
            "持续优化营商环境，全面落实市场准入负面清单制度，破除各种形式的不合理限制和隐性壁垒。",
            "深化“放管服”改革，压减涉企审批事项，推行告知承诺制，进一步激发市场主体活力。",
            "建立健全营商环境评价机制，以市场主体满意度为导向，定期开展营商环境专项督查。",
            "落实惠企政策“免申即享”，对符合条件的中小微企业给予贷款贴息和租金减免。",
            "加强涉企收费监管，严禁向企业乱收费、乱罚款、乱摊派，切实减轻企业负担。",
        ]),
        ("推进乡村振兴", "农业、林业、水利", [
            "全面推进乡村振兴，巩固拓展脱贫攻坚成果，守住不发生规模性返贫的底线。",
            "加快发展乡村特色产业，培育农民专业合作社和家庭农场，促进农民持续增收。",
            "实施农村人居环境整治提升行动，推进农村厕所革命、生活垃圾和污水治理。",
            "加强高标准农田建设，稳定粮食播种面积，确保粮食安全和重要农产品有效供给。",
            "健全防止返贫动态监测和帮扶机制，对监测对象做到早发现、早干预、早帮扶。",
        ]),
        ("城镇老旧小区改造", "城乡建设、环境保护", [
            "统筹推进城镇老旧小区改造，重点改造2000年底前建成的住宅小区。",
            "老旧小区改造资金由财政补助、专项债券、居民出资和社会资本共同筹集。",
            "改造内容分为基础类、完善类和提升类，优先实施水电气路等基础设施改造。",
            "坚持居民自愿、先民主后集中，改造方案须经小区居民表决同意后实施。",
            "对加装电梯、增设停车位、完善无障碍设施等提升类项目给予适当补助。",
        ]),
        ("最低生活保障", "民政、扶贫、救灾", [
            "城乡最低生活保障标准按照当地居民上年度人均消费支出的一定比例确定并动态调整。",
            "对符合条件的低保对象做到应保尽保，对低保边缘家庭给予专项救助。",
            "低保申请由申请人向户籍所在地乡镇人民政府（街道办事处）提出，经入户调查、民主评议和公示后审批。",
            "建立低保对象定期复核制度，对家庭经济状况发生变化的及时调整救助金额。",
            "全面推行低保审批权限下放，实现最低生活保障“一网通办”。",
        ]),
        ("政府信息公开", "综合政务", [
            "坚持以公开为常态、不公开为例外，依法依规做好政府信息主动公开工作。",
            "公民、法人或者其他组织可以向行政机关申请获取相关政府信息，行政机关应当在收到申请之日起20个工作日内予以答复。",
            "申请人认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。",
            "各单位应当于每年1月31日前向本级政府信息公开工作主管部门提交上一年度政府信息公开工作年度报告。",
            "加强政策解读，对涉及群众切身利益的重要政策，同步做好解读和回应关切工作。",
            "健全政府信息公开属性源头认定机制，公文在拟制时即明确主动公开、依申请公开或者不予公开。",
        ]),
        ("安全生产", "公安、安全、司法", [
            "压实安全生产责任，严格落实党政同责、一岗双责、齐抓共管、失职追责。",
            "深入开展安全生产专项整治三年行动，对重大事故隐患实行挂牌督办。",
            "加强危险化学品、建筑施工、燃气、消防等重点行业领域安全监管。",
            "企业应当建立安全风险分级管控和隐患排查治理双重预防机制，定期开展应急演练。",
            "对检查中发现的问题建立台账，明确整改责任、整改措施和整改时限，实行闭环管理。",
        ]),
        ("行政复议", "公安、安全、司法", [
            "依法发挥行政复议化解行政争议的主渠道作用，推进行政复议体制改革。",
            "行政复议机关应当自受理申请之日起60日内作出行政复议决定。",
            "对行政复议决定不服的，申请人可以依照《中华人民共和国行政诉讼法》的规定向人民法院提起行政诉讼。",
            "加强行政复议案件审理，完善听证、调解等制度，提升复议决定的公信力。",
            "定期公开行政复议决定书，以案释法，规范行政执法行为。",
        ]),
        ("财政预算管理", "财政金融", [
            "坚持量入为出、收支平衡，科学编制财政预算，严格预算执行。",
            "除涉密信息外，部门预算、决算及“三公”经费预算、决算应当在批复后20日内向社会公开。",
            "全面实施预算绩效管理，将绩效评价结果作为安排预算的重要依据。",
            "严控一般性支出，坚持政府过紧日子，集中财力保障重点领域和民生支出。",
            "加强政府债务管理，防范化解地方政府隐性债务风险。",
        ]),
        ("义务教育学区划分", "教育", [
            "科学合理划定义务教育学区，确保适龄儿童少年就近免试入学。",
            "学区划分方案应当于每年招生前向社会公布，接受群众监督。",
            "推进集团化办学和学区制管理，促进学区内优质教育资源共享。",
            "严禁以各类考试、竞赛成绩作为入学依据，坚决遏制学区房炒作。",
            "对随迁子女入学实行积分入学和统筹安排相结合的办法。",
        ]),
        ("基本医疗保险", "卫生、体育", [
            "完善基本医疗保险制度，稳步提高城乡居民医保财政补助标准。",
            "推进医保支付方式改革，全面实行按病种付费。",
            "加强医保基金监管，严厉打击欺诈骗保行为，守护好群众的“救命钱”。",
            "推动异地就医直接结算，进一步方便参保群众办理医保报销。",
            "将符合条件的门诊慢特病纳入医保保障范围，减轻患者医疗费用负担。",
        ]),
        ("燃气安全隐患排查整治", "公安、安全、司法", [
            "全面排查城镇燃气管道老化、违规用气等安全隐患，建立隐患清单。",
            "推动餐饮等经营场所安装可燃气体报警装置，落实燃气安全主体责任。",
            "加快推进城市燃气管道等老化更新改造，消除重大安全隐患。",
        ]),
        ("养老服务体系建设", "民政、扶贫、救灾", [
            "健全居家社区机构相协调、医养康养相结合的养老服务体系。",
            "对经济困难的高龄、失能老年人给予养老服务补贴和护理补贴。",
            "推进街道综合养老服务中心和社区老年人日间照料中心建设。",
        ]),
        ("生态环境保护", "城乡建设、环境保护", [
            "深入打好污染防治攻坚战，持续改善空气、水和土壤环境质量。",
            "严格落实河长制、湖长制，加强重点流域水环境综合治理。",
            "推动绿色低碳发展，严控高耗能高排放项目盲目发展。",
        ]),
        ("稳就业促创业", "劳动、人事、监察", [
            "落实就业优先政策，对吸纳高校毕业生就业的企业给予一次性扩岗补助。",
            "加大创业担保贷款支持力度，个人创业担保贷款最高额度为30万元。",
            "开展职业技能培训，对取得职业资格证书的劳动者按规定给予培训补贴。",
        ]),
    ];

    private static readonly string[] General =
    [
        "为深入贯彻落实党中央、国务院决策部署，结合本区实际，制定本方案。",
        "各单位要提高思想认识，加强组织领导，确保各项任务落到实处。",
        "坚持以人民为中心的发展思想，着力解决群众急难愁盼问题。",
        "深化政务服务改革，推进政务服务事项“一网通办”“跨省通办”，提升政务服务标准化、规范化、便利化水平。",
        "各街道、各部门要明确责任分工，细化工作措施，按时报送工作进展情况。",
        "区政府将把本项工作纳入年度绩效考核，对工作不力的单位予以通报批评。",
        "加强宣传引导，充分利用政府网站、政务新媒体等渠道，营造良好的社会氛围。",
        "本文件由区司法局进行合法性审核，并经区政府常务会议审议通过。",
        "各部门要加强协调配合，形成工作合力，重大事项及时向区政府报告。",
        "严格落实中央八项规定精神，坚决反对形式主义、官僚主义。",
        "按照“谁主管、谁负责”的原则，落实属地管理责任和行业监管责任。",
        "强化资金保障，区财政每年安排专项资金予以支持，并加强资金使用监督。",
        "建立健全工作台账，实行清单化管理、项目化推进。",
        "本办法自发布之日起30日后施行，有效期5年。",
        "执行中遇到的问题，请及时向区政府办公室反映。",
    ];

    private static readonly string[] Headings = ["一、总体要求", "二、主要任务", "三、保障措施", "四、工作步骤", "五、组织实施", "六、附则"];

    private static readonly string[] Categories =
    [
        "综合政务", "国民经济管理", "财政金融", "城乡建设、环境保护", "农业、林业、水利", "教育", "卫生、体育",
        "民政、扶贫、救灾", "劳动、人事、监察", "公安、安全、司法",
    ];

    private static readonly string[] PlanKinds =
    [
        "实施方案", "工作方案", "管理办法", "实施细则", "三年行动计划（2024—2026年）", "工作要点", "暂行办法", "考核办法",
    ];

    public static GovDocument Make(int seed, int id, WordDistribution distribution = WordDistribution.Even) =>
        distribution == WordDistribution.Even ? MakeEven(seed, id) : MakeZipf(seed, id);

    private static GovDocument MakeEven(int seed, int id)
    {
        var random = new Random(unchecked((seed * 1_000_003) ^ (id * 7919) ^ 0x5bd1e995));
        var districtIndex = random.Next(Districts.Length);
        var district = Districts[districtIndex];
        var agencyIndex = random.Next(Agencies.Length);
        var (agency, word, topicIds) = Agencies[agencyIndex];
        var issuer = district + agency;
        var topicIndex = topicIds[random.Next(topicIds.Length)];
        var topic = Topics[topicIndex];
        var date = new DateOnly(2015, 1, 1).AddDays(random.Next(12 * 365 + 3));
        var number = string.Create(CultureInfo.InvariantCulture, $"{district[0]}{word}〔{date.Year}〕{random.Next(1, 200)}号");
        var typeRoll = random.Next(100);
        var documentType = typeRoll < 5 ? "规章" : typeRoll < 40 ? "行政规范性文件" : "其他";
        var category = random.Next(4) == 0 ? Categories[random.Next(Categories.Length)] : topic.Category;
        var title = random.Next(6) switch
        {
            0 or 1 => $"{issuer}关于印发《{district}{topic.Name}{PlanKinds[random.Next(PlanKinds.Length)]}》的通知",
            2 => $"{issuer}关于进一步做好{topic.Name}工作的通知",
            3 => $"{issuer}关于{topic.Name}的实施意见",
            4 => string.Create(CultureInfo.InvariantCulture, $"{issuer}关于{date.Year - 1}年度{topic.Name}工作情况的报告"),
            _ => $"关于《{district}{topic.Name}管理办法（征求意见稿）》公开征求意见的公告",
        };

        var length = random.Next(300, 3001);
        var body = new StringBuilder(length + 200);
        body.Append("各街道办事处、镇人民政府，区政府各委、办、局：\n");
        var heading = 0;
        while (body.Length < length)
        {
            if (heading < Headings.Length && random.Next(5) == 0)
            {
                body.Append('\n').Append(Headings[heading++]).Append('\n');
            }

            // Two sentences in three are on the document's topic, one in ten on another topic, the rest general.
            var roll = random.Next(30);
            var pool = roll < 20 ? topic.Sentences : roll < 23 ? Topics[random.Next(Topics.Length)].Sentences : General;
            body.Append(pool[random.Next(pool.Length)]);
        }

        if (body.Length > length)
        {
            body.Length = length;
        }

        return new GovDocument(id, title, number, issuer, date, category, documentType, body.ToString())
        {
            AgencyId = (districtIndex * Agencies.Length) + agencyIndex + 1,
        };
    }

    // Topics from the most to the least written about (indexes into Topics); weight 1/rank.
    private static readonly int[] Popularity = [4, 0, 5, 1, 7, 13, 12, 2, 11, 9, 3, 10, 6, 8];
    private static readonly double[] TopicWeight = Weights();

    // Characters for generated names. None occurs in a probe word, so a name never makes a false hit.
    private const string NameChars = "华兴丰泰和安康宁盛昌平永福德顺祥瑞明光东西南北中金银玉春秋云山河湖松柏桃李梅竹星月阳晨新红绿青蓝长远宏伟鸿嘉佳美秀丽文武龙凤";
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢";
    private static readonly string[] RoadKinds = ["路", "大道", "街", "巷"];
    private static readonly string[] CompanyKinds = ["建设工程有限公司", "科技有限公司", "物业服务有限公司", "环境工程有限公司", "商贸有限公司"];
    private static readonly string[] Posts = ["副局长", "办公室主任", "科长", "副主任", "主任科员", "街道办事处副主任"];
    private static readonly string[] Works = ["道路改造工程", "雨污分流改造工程", "绿化提升工程", "路灯更新工程", "排水管网修复工程"];

    private static double[] Weights()
    {
        var weights = new double[Topics.Length];
        for (var rank = 0; rank < Popularity.Length; rank++)
        {
            weights[Popularity[rank]] = 1.0 / (rank + 1);
        }

        return weights;
    }

    /// <summary>A rank in [0, n) with probability about proportional to 1/(rank+1): log-uniform.</summary>
    private static int ZipfRank(Random random, int n) => Math.Min(n - 1, (int)Math.Exp(random.NextDouble() * Math.Log(n + 1)) - 1);

    private static string Name(Random random, int length, int n)
    {
        // The rank picks the name, so that popular ranks give the same name every time.
        var rank = ZipfRank(random, n);
        Span<char> chars = stackalloc char[length];
        var x = (uint)rank * 2654435761u;
        for (var i = 0; i < length; i++)
        {
            chars[i] = NameChars[(int)(x % (uint)NameChars.Length)];
            x = (x / (uint)NameChars.Length) ^ ((uint)rank * 40503u) ^ (uint)(i * 97);
        }

        return new string(chars);
    }

    private static int WeightedTopic(Random random, int[] topicIds)
    {
        var total = topicIds.Sum(t => TopicWeight[t]);
        var roll = random.NextDouble() * total;
        foreach (var t in topicIds)
        {
            roll -= TopicWeight[t];
            if (roll < 0)
            {
                return t;
            }
        }

        return topicIds[^1];
    }

    private static GovDocument MakeZipf(int seed, int id)
    {
        var random = new Random(unchecked((seed * 1_000_003) ^ (id * 7919) ^ 0x2c1b3c6d));
        var districtIndex = random.Next(Districts.Length);
        var district = Districts[districtIndex];
        var agencyIndex = random.Next(Agencies.Length);
        var (agency, word, topicIds) = Agencies[agencyIndex];
        var issuer = district + agency;
        var topic = Topics[WeightedTopic(random, topicIds)];
        var date = new DateOnly(2015, 1, 1).AddDays(random.Next(12 * 365 + 3));
        var number = string.Create(CultureInfo.InvariantCulture, $"{district[0]}{word}〔{date.Year}〕{random.Next(1, 200)}号");
        var typeRoll = random.Next(100);
        var documentType = typeRoll < 3 ? "规章" : typeRoll < 25 ? "行政规范性文件" : "其他";
        var routine = random.Next(10) < 4;
        var category = routine ? Categories[random.Next(Categories.Length)] : random.Next(4) == 0 ? Categories[random.Next(Categories.Length)] : topic.Category;
        var road = district + Name(random, 2, 5_000) + RoadKinds[random.Next(RoadKinds.Length)];
        var company = Name(random, 2, 3_000) + CompanyKinds[random.Next(CompanyKinds.Length)];
        var community = Name(random, 2, 2_000) + "社区";
        var person = Surnames[random.Next(Surnames.Length)] + Name(random, random.Next(1, 3), 20_000);
        var work = Works[random.Next(Works.Length)];
        var title = routine
            ? random.Next(3) switch
            {
                0 => $"{issuer}关于{road}{work}项目的批复",
                1 => $"{issuer}关于{person}同志任职的通知",
                _ => $"{issuer}关于{community}{work}中标结果的公示",
            }
            : random.Next(6) switch
            {
                0 or 1 => $"{issuer}关于印发《{district}{topic.Name}{PlanKinds[random.Next(PlanKinds.Length)]}》的通知",
                2 => $"{issuer}关于进一步做好{topic.Name}工作的通知",
                3 => $"{issuer}关于{topic.Name}的实施意见",
                4 => string.Create(CultureInfo.InvariantCulture, $"{issuer}关于{date.Year - 1}年度{topic.Name}工作情况的报告"),
                _ => $"关于《{district}{topic.Name}管理办法（征求意见稿）》公开征求意见的公告",
            };

        var length = routine ? random.Next(150, 1201) : random.Next(300, 3001);
        var body = new StringBuilder(length + 200);
        body.Append(routine ? $"{road}沿线各单位、{community}居民委员会：\n" : "各街道办事处、镇人民政府，区政府各委、办、局：\n");
        var heading = 0;
        while (body.Length < length)
        {
            if (heading < Headings.Length && random.Next(5) == 0)
            {
                body.Append('\n').Append(Headings[heading++]).Append('\n');
            }

            var roll = random.Next(200);
            if (routine && roll < 120)
            {
                // Routine documents talk about their own road, company, community and people.
                body.Append(random.Next(4) switch
                {
                    0 => string.Create(CultureInfo.InvariantCulture, $"{road}{work}由{company}承建，总投资{random.Next(50, 5000)}万元，工期{random.Next(2, 24)}个月。"),
                    1 => $"{person}同志任{issuer}{Posts[random.Next(Posts.Length)]}，试用期一年。",
                    2 => string.Create(CultureInfo.InvariantCulture, $"{community}共有住户{random.Next(300, 5000)}户，施工期间请居民注意出行安全。"),
                    _ => $"经评审，确定{company}为{community}{work}的中标单位，现予公示。",
                });
                continue;
            }

            // Non-routine: seven sentences in ten on the topic, one in a hundred from another (popular topics more often).
            var pool = routine ? (roll < 122 ? Topics[WeightedTopic(random, Popularity)].Sentences : General)
                : roll < 140 ? topic.Sentences
                : roll < 142 ? Topics[WeightedTopic(random, Popularity)].Sentences
                : General;
            body.Append(pool[random.Next(pool.Length)]);
        }

        if (body.Length > length)
        {
            body.Length = length;
        }

        return new GovDocument(id, title, number, issuer, date, category, documentType, body.ToString())
        {
            AgencyId = (districtIndex * Agencies.Length) + agencyIndex + 1,
        };
    }
}

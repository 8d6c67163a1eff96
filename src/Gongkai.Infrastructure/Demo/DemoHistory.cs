using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Interaction;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Demo;

/// <summary>
/// Years of fictional casework for the demo district, so its annual reports look like real ones: requests from 2019
/// to a month ago in the proportions district reports show (most disclosed or 不掌握, a few withheld or not
/// processed, December requests answered in January), a few appeals, Art. 20 figures and written sections, and the
/// 2020 (2019 format) and 2024 (2021 format) reports approved and published on the portal. Always the same data.
/// </summary>
public sealed class DemoHistory(GongkaiDbContext db, RequestStore store, ReportBuilder builder, ReportLifecycle lifecycle, Calendar.CalendarStore calendars, TimeProvider clock)
{
    private static readonly (Outcome Outcome, int Weight)[] Outcomes =
    [
        (Outcome.Disclosed, 40), (Outcome.PartiallyDisclosed, 9), (Outcome.WithheldThirdPartyRights, 3), (Outcome.WithheldProcessInformation, 3),
        (Outcome.WithheldInternalAffairs, 1), (Outcome.WithheldEnforcementCaseFile, 1), (Outcome.UnavailableNotHeld, 20),
        (Outcome.UnavailableRequiresCreation, 5), (Outcome.UnavailableUnclearAfterCorrection, 2), (Outcome.NotProcessedPetitionOrComplaint, 5),
        (Outcome.NotProcessedRepeated, 3), (Outcome.NotProcessedConfirmationOfObtained, 1), (Outcome.OtherCorrectionNotSupplied, 4), (Outcome.OtherOther, 3),
    ];

    private static readonly (ApplicantType Type, int Weight)[] Types =
    [
        (ApplicantType.NaturalPerson, 86), (ApplicantType.Business, 7), (ApplicantType.ResearchInstitution, 1),
        (ApplicantType.PublicInterestOrganization, 1), (ApplicantType.LegalServiceProvider, 3), (ApplicantType.OtherOrganization, 2),
    ];

    private static readonly string[] Titles =
    [
        "示例区城区道路改造工程项目立项批复", "青山镇集体土地征收补偿安置方案", "示例区义务教育学校学区划分依据", "幸福小区建设工程规划许可证及附图",
        "区级部门预算和决算公开说明", "城东街道老旧小区改造资金使用情况", "示例区最低生活保障对象审批名单", "某企业环境影响评价审批文件",
        "示例区国有土地上房屋征收决定", "区人社局职业技能培训补贴发放情况", "示例河道综合整治工程招标文件", "区发改局价格调整听证会材料",
        "示例区农村集体经营性建设用地入市方案", "学校食堂食品安全检查结果", "区政府常务会议纪要中关于某项目的内容", "示例区防汛应急预案",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var agencies = await db.Agencies.Where(a => a.IsDemo).OrderBy(a => a.Id).ToListAsync(ct);
        var government = agencies.Single(a => a.ParentId == null);
        var office = agencies.Single(a => a.FullName == "示例区人民政府办公室");
        // Read once: every date in the demo history is counted from the same day.
        var today = ChinaDate.Today(clock);
        var random = new Random(2020);
        var lastYear = Math.Min(today.Year, (await calendars.GetCalendarAsync(ct)).Schedule.LastYear);
        var by = new Actor("demo", "演示数据");

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var cases = new List<(int, HistoricCase)>();
            foreach (var agency in agencies)
            {
                var perYear = agency.Id == office.Id ? 30 : agency.Level == AgencyLevel.Township ? 3 : agency.Level == AgencyLevel.Government ? 4 : 8;
                for (var year = 2019; year <= lastYear; year++)
                {
                    var count = perYear + random.Next(-perYear / 4, (perYear / 4) + 2);
                    for (var i = 0; i < count; i++)
                    {
                        var received = new DateOnly(year, 1, 1).AddDays(random.Next(0, 365));
                        if (year == 2019 && received.Month < 6)
                        {
                            received = received.AddMonths(5); // the regulation took effect on 2019-05-15.
                        }

                        var decided = received.AddDays(random.Next(4, 27));
                        if (decided >= today.AddDays(-3) || received >= today.AddDays(-30))
                        {
                            continue;
                        }

                        var type = Pick(random, Types);
                        var outcome = Pick(random, Outcomes);
                        var name = type == ApplicantType.NaturalPerson ? Surnames[random.Next(Surnames.Length)] + "某"
                            : type switch
                            {
                                ApplicantType.Business => "示例某科技有限公司",
                                ApplicantType.LegalServiceProvider => "示例某律师事务所",
                                ApplicantType.ResearchInstitution => "示例某研究院",
                                ApplicantType.PublicInterestOrganization => "示例某环保公益组织",
                                _ => "示例某村民委员会",
                            };
                        var channel = random.Next(10) switch { < 5 => Channel.Online, < 8 => Channel.RegisteredMail, _ => Channel.InPerson };
                        cases.Add((agency.Id, new HistoricCase(agency.CreditCode, type, name, channel, received,
                            Titles[random.Next(Titles.Length)], outcome, decided, null, null, null)));
                    }
                }
            }

            await store.CreateHistoricAsync(cases, by, ct);

            db.Appeals.AddRange(
                Appeal(office.Id, AppealKind.Reconsideration, "示例市人民政府", "示复〔2020〕12号", new DateOnly(2020, 6, 3), AppealResult.Upheld, new DateOnly(2020, 8, 1)),
                Appeal(office.Id, AppealKind.Reconsideration, "示例市人民政府", "示复〔2024〕7号", new DateOnly(2024, 4, 11), AppealResult.Upheld, new DateOnly(2024, 6, 5)),
                Appeal(office.Id, AppealKind.Reconsideration, "示例市人民政府", "示复〔2024〕31号", new DateOnly(2024, 9, 20), AppealResult.Corrected, new DateOnly(2024, 11, 18)),
                Appeal(agencies.Single(a => a.FullName == "示例区教育局").Id, AppealKind.LitigationDirect, "示例区人民法院", "（2024）示0102行初45号", new DateOnly(2024, 7, 2), AppealResult.Upheld, new DateOnly(2024, 12, 10)));
            await db.SaveChangesAsync(ct);

            // Only years that are over (and their reports due) get figures, text and a published report.
            var reportYears = new[] { 2020, 2024 }.Where(y => y < lastYear).ToList();
            foreach (var year in reportYears)
            {
                foreach (var agency in agencies)
                {
                    Article20(agency, year, random);
                }

            }

            var policies = Publications(government, office, lastYear, random, today);
            await db.SaveChangesAsync(ct);
            Interpretations(policies, today);
            await db.SaveChangesAsync(ct);
            await GazetteAsync(government, ct);
            await LettersAsync(government, lastYear, random, today, ct);
            foreach (var year in reportYears)
            {
                await NarrativeAsync(government.Id, year, subtree: true, ct);
            }

            if (reportYears.Contains(2024))
            {
                await NarrativeAsync(office.Id, 2024, subtree: false, ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        foreach (var (agencyId, year, subtree, on) in new[] { (government.Id, 2020, true, new DateOnly(2021, 3, 26)), (government.Id, 2024, true, new DateOnly(2025, 3, 21)), (office.Id, 2024, false, new DateOnly(2025, 1, 24)) })
        {
            if (on < today)
            {
                await PublishAsync(agencyId, year, subtree, on, ct);
            }
        }
    }

    private static readonly (string Title, Gongkai.Core.Publications.PublicationType Type, string Category)[] Documents =
    [
        ("关于印发《示例区城镇老旧小区改造实施方案》的通知", Gongkai.Core.Publications.PublicationType.NormativeDocument, "规划计划"),
        ("关于进一步优化营商环境的若干措施", Gongkai.Core.Publications.PublicationType.NormativeDocument, "法规文件"),
        ("示例区最低生活保障审核确认办法", Gongkai.Core.Publications.PublicationType.NormativeDocument, "法规文件"),
        ("关于公布示例区政务服务事项目录的通知", Gongkai.Core.Publications.PublicationType.Other, "政务服务"),
        ("示例区年度区级部门预算公开说明", Gongkai.Core.Publications.PublicationType.Other, "财政资金"),
        ("示例区义务教育阶段学校招生工作方案", Gongkai.Core.Publications.PublicationType.NormativeDocument, "重点领域信息"),
        ("示例区人民政府工作报告", Gongkai.Core.Publications.PublicationType.Other, "规划计划"),
        ("关于调整示例区城乡居民医疗保险缴费标准的通知", Gongkai.Core.Publications.PublicationType.NormativeDocument, "重点领域信息"),
    ];

    /// <summary>A few catalog documents a year for the government and its office; one normative document repealed later.</summary>
    /// <remarks>
    /// Every document goes through 先审查、后公开 as staff would take it (<see cref="Gongkai.Core.Publications.Publication"/>):
    /// drafted, reviewed, published. A normative document is returned reviewed, to be published with its
    /// interpretation (<see cref="Interpretations"/>).
    /// </remarks>
    private List<DemoPolicy> Publications(Agency government, Agency office, int lastYear, Random random, DateOnly today)
    {
        var serial = 0;
        var policies = new List<DemoPolicy>();
        for (var year = 2019; year <= lastYear; year++)
        {
            foreach (var (title, type, category) in Documents.Where((_, i) => (i + year) % 2 == 0))
            {
                var agency = serial % 3 == 0 ? office : government;
                var written = new DateOnly(year, 1 + random.Next(0, 11), 1 + random.Next(0, 27));
                var published = written.AddDays(random.Next(3, 18));
                if (published >= today)
                {
                    continue;
                }

                serial++;
                var repealed = type == Gongkai.Core.Publications.PublicationType.NormativeDocument && year == 2020 && serial % 2 == 0 ? new DateOnly(2023, 6, 30) : (DateOnly?)null;
                var record = new Gongkai.Infrastructure.Publications.PublicationRecord
                {
                    AgencyId = agency.Id,
                    IndexNumber = $"{agency.CreditCode}/{year}-{serial:D5}",
                    Title = $"{year}年{title}",
                    DocumentNumber = type == Gongkai.Core.Publications.PublicationType.Other ? null : $"示政{(agency.Id == office.Id ? "办" : "")}发〔{year}〕{serial}号",
                    Issuer = agency.FullName,
                    WrittenOn = written,
                    Category = category,
                    Type = type,
                    Attribute = Gongkai.Core.Publications.DisclosureAttribute.Proactive,
                    Body = $"各镇人民政府、街道办事处，区政府各部门：\n{title[..Math.Min(title.Length, 30)]}已经区政府同意，现印发给你们，请认真贯彻执行。\n本文件自印发之日起施行。\n{agency.FullName}\n{written:yyyy年M月d日}",
                    DraftingUnit = agency.FullName,
                };
                record.BodyHtml = Gongkai.Infrastructure.Publications.PublicationHtml.FromText(record.Body);
                var document = Reviewed(record, published);
                if (type == Gongkai.Core.Publications.PublicationType.NormativeDocument)
                {
                    policies.Add(new(record, document, published, repealed, repealed is null ? null : $"示政发〔2023〕{serial + 40}号"));
                }
                else
                {
                    Done(document.Publish(published, today, null, DemoUser, At(published), null, [], out _));
                    record.Take(document);
                }

                db.Publications.Add(record);
            }
        }

        return policies;
    }

    private static readonly (Gongkai.Core.Interaction.InteractionChannel Channel, string Subject, string Body, string Reply)[] DemoLetters =
    [
        (Gongkai.Core.Interaction.InteractionChannel.LeaderMailbox, "建议增设新城片区公交线路", "新城片区入住居民越来越多，但只有一条公交线路，早晚高峰十分拥挤，建议增设线路或加密班次。", "感谢您的建议。区交通运输局已将新城片区公交线路优化纳入年度线网调整计划，新增的微循环线路将于下月开通。"),
        (Gongkai.Core.Interaction.InteractionChannel.LeaderMailbox, "关于老旧小区加装电梯的建议", "我们小区建成于上世纪九十年代，老人上下楼困难，希望政府支持加装电梯并简化审批手续。", "区住房城乡建设局已出台既有住宅加装电梯工作指引，符合条件的可申请财政补助，具体办理流程可咨询所在街道。"),
        (Gongkai.Core.Interaction.InteractionChannel.Complaint, "投诉夜间施工噪音扰民", "幸福路工地连续多日夜间施工至凌晨，噪音扰民严重，请有关部门依法查处。", "经区城市管理局核查，该工地未取得夜间施工许可，已责令停止夜间施工并依法立案处罚。"),
        (Gongkai.Core.Interaction.InteractionChannel.Complaint, "投诉政务服务窗口办事效率低", "在区政务服务中心办理营业执照变更，排队两小时，窗口人员业务不熟练。", "区政务服务中心已对相关窗口人员进行约谈和业务培训，并增设了高峰时段的临时窗口。"),
        (Gongkai.Core.Interaction.InteractionChannel.Inquiry, "咨询义务教育阶段入学政策", "请问非本区户籍的随迁子女办理小学入学需要准备哪些材料？", "随迁子女入学需提供居住证、父母就业或社保证明、户口簿等材料，详见区教育局发布的年度招生工作方案。"),
        (Gongkai.Core.Interaction.InteractionChannel.Inquiry, "咨询城乡居民医保缴费标准", "今年城乡居民医疗保险个人缴费标准是多少？在哪里缴费？", "今年城乡居民医保个人缴费标准按区政府公布的通知执行，可通过税务部门线上渠道或所在社区代收点缴费。"),
    ];

    /// <summary>A year's letters to the mailbox, complaints and inquiries: most answered on time, some published with consent.</summary>
    private async Task LettersAsync(Agency government, int lastYear, Random random, DateOnly today, CancellationToken ct)
    {
        var calendar = await calendars.GetCalendarAsync(ct);
        for (var year = lastYear - 1; year <= lastYear; year++)
        {
            for (var i = 0; i < 24; i++)
            {
                var (channel, subject, body, reply) = DemoLetters[i % DemoLetters.Length];
                var received = new DateOnly(year, 1 + (i % 11), 3 + random.Next(0, 20));
                if (!calendar.Schedule.Covers(received) || received.AddDays(30) >= today)
                {
                    continue;
                }

                var answered = calendar.AddWorkingDays(received, random.Next(1, i % 7 == 6 ? 14 : 8));
                var published = i % 3 == 0;
                var due = Deadline.Count(calendar, received, new WorkingDays(InteractionNames.DefaultReplyWorkingDays(channel)), received, null, Letter.ReplyTime);
                // Handled as the office would: received, assigned, answered and, with the writer's consent, published.
                var letter = Letter.Receive(channel, new LetterWriter("示例来信人", "13800000000", null, null), published, received, due, Letter.Writer);
                var refused = letter.Assign("区政府办公室", null, null, "demo", [])
                    ?? letter.Answer(reply, "demo", answered, requireApproval: false)
                    ?? (published ? letter.Publish(subject, body, reply, "demo", answered) : null);
                if (refused is not null)
                {
                    throw new InvalidOperationException($"示例来信无法办理：{refused}");
                }

                var record = new Interaction.LetterRecord
                {
                    AgencyId = government.Id,
                    Channel = channel,
                    TrackingCode = RequestStore.NewTrackingCode(),
                    Subject = subject,
                    Body = body,
                    WriterName = "示例来信人",
                    Phone = "13800000000",
                    AgreesToPublish = published,
                    ReceivedAt = new DateTimeOffset(received.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime(),
                    ReceivedOn = received,
                    ContentHash = Interaction.LetterStore.ContentHash(subject, body + year + i),
                };
                record.Events.AddRange(record.Take(letter, record.ReceivedAt));
                db.Letters.Add(record);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The government's gazette: one issue a year since 2023, printing its normative documents of the year.</summary>
    private async Task GazetteAsync(Agency government, CancellationToken ct)
    {
        var documents = await db.Publications
            .Where(p => p.AgencyId == government.Id && p.InterpretsId == null && p.Status == Gongkai.Core.Publications.PublicationStatus.Published && p.PublishedOn != null)
            .Select(p => new { p.Id, p.PublishedOn, Candidate = new Gongkai.Core.Publications.GazetteCandidate(p.Id, p.AgencyId, p.Title, p.Status, p.Attribute) })
            .ToListAsync(ct);
        var printable = documents.ToDictionary(d => d.Id, d => d.Candidate);
        var total = 40;
        foreach (var year in documents.Select(d => d.PublishedOn!.Value.Year).Where(y => y >= 2023).Distinct().Order())
        {
            var items = documents.Where(d => d.PublishedOn!.Value.Year == year).OrderBy(d => d.PublishedOn).ToList();
            var issue = Gongkai.Core.Publications.GazetteIssue.Compose(government.Id,
                new(year, 1, ++total, items[^1].PublishedOn!.Value, 1500, "示例区政务服务中心\n示例区图书馆\n示例区档案馆\n各镇（街道）便民服务中心", items.Select(d => new Gongkai.Core.Publications.GazetteEntry(d.Id, null)).ToList()),
                numberTaken: false, printable, out var refusals) ?? throw new InvalidOperationException(string.Join(" ", refusals.Values));
            issue.Publish();
            db.GazetteIssues.Add(Gongkai.Infrastructure.Publications.GazetteIssueRecord.For(issue));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A normative document reviewed and waiting to be published with its interpretation on <see cref="PublishedOn"/>.</summary>
    private sealed record DemoPolicy(Gongkai.Infrastructure.Publications.PublicationRecord Record, Gongkai.Core.Publications.Publication Document, DateOnly PublishedOn, DateOnly? RepealedOn, string? RepealedBy);

    private const string DemoUser = "demo";

    private static DateTimeOffset At(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>A demo step cannot be refused; if it is, the demo data is wrong.</summary>
    private static void Done(Gongkai.Core.Publications.PublicationRefusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"示例数据不符合公开流程：{refusal.Message}");
        }
    }

    /// <summary>The record drafted by the demo and cleared by a reviewer before <paramref name="published"/>.</summary>
    private static Gongkai.Core.Publications.Publication Reviewed(Gongkai.Infrastructure.Publications.PublicationRecord record, DateOnly published)
    {
        var document = Gongkai.Core.Publications.Publication.Draft(record.Title, record.Type, record.Attribute, record.WrittenOn, DemoUser, record.InterpretsId);
        Done(document.Review(Gongkai.Core.Publications.Publication.DefaultOpinion, "demo-reviewer", At(published.AddDays(-1))));
        record.Take(document);
        return document;
    }

    /// <summary>
    /// Each normative document's policy interpretation, by its drafting unit, reviewed and published with the document
    /// the same day (同步发布); documents repealed later are then marked so.
    /// </summary>
    private void Interpretations(List<DemoPolicy> policies, DateOnly today)
    {
        foreach (var (policy, document, published, repealed, repealedBy) in policies)
        {
            var body = $"一、起草背景\n为贯彻落实上级有关部署，结合本区实际，起草了{policy.Title}。\n二、主要内容\n文件明确了适用范围、工作职责、办理程序和保障措施。\n三、施行时间\n文件自印发之日起施行。\n解读机关：{policy.DraftingUnit}";
            var record = new Gongkai.Infrastructure.Publications.PublicationRecord
            {
                AgencyId = policy.AgencyId,
                IndexNumber = policy.IndexNumber + "-JD",
                Title = $"《{policy.Title}》政策解读",
                Issuer = policy.Issuer,
                WrittenOn = policy.WrittenOn,
                Category = "政策解读",
                Type = Gongkai.Core.Publications.PublicationType.Other,
                Attribute = Gongkai.Core.Publications.DisclosureAttribute.Proactive,
                DraftingUnit = policy.DraftingUnit,
                InterpretsId = policy.Id,
                Body = body,
                BodyHtml = Gongkai.Infrastructure.Publications.PublicationHtml.FromText(body),
            };
            var interpretation = Reviewed(record, published);
            Done(document.Publish(published, today, null, DemoUser, At(published), null, [interpretation], out _));
            if (repealed is not null)
            {
                Done(document.EndValidity(true, repealed, repealedBy, today));
            }

            policy.Take(document);
            record.Take(interpretation);
            db.Publications.Add(record);
        }
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[0].Value;
    }

    private static AppealCase Appeal(int agencyId, AppealKind kind, string body, string number, DateOnly filed, AppealResult result, DateOnly concluded) => new()
    {
        AgencyId = agencyId,
        Kind = kind,
        Body = body,
        CaseNumber = number,
        FiledOn = filed,
        Result = result,
        ConcludedOn = concluded,
    };

    /// <summary>Plausible section 二 figures for a district agency, by the format of the year.</summary>
    private void Article20(Agency agency, int year, Random random)
    {
        var big = agency.Level == AgencyLevel.Government || agency.FullName.Contains("人力资源", StringComparison.Ordinal);
        foreach (var table in Article20Formats.Tables(ReportFormats.ForYear(year)))
        {
            foreach (var row in table.Rows)
            {
                foreach (var column in table.Columns)
                {
                    decimal value = (row, column) switch
                    {
                        ("规章", _) => 0,
                        (_, "本年制发件数" or "本年新制作数量" or "本年新公开数量") => agency.Level == AgencyLevel.Government ? random.Next(4, 12) : random.Next(0, 4),
                        (_, "本年废止件数") => random.Next(0, 3),
                        (_, "现行有效件数" or "对外公开总数量") => random.Next(15, 60),
                        (_, "上一年项目数量") => random.Next(5, 40),
                        (_, "本年增/减") => random.Next(-2, 3),
                        ("行政许可", _) => big ? random.Next(800, 3000) : random.Next(20, 300),
                        ("行政处罚", _) => random.Next(10, 250),
                        ("行政强制", _) => random.Next(0, 12),
                        ("其他对外管理服务事项", _) => random.Next(50, 600),
                        ("政府集中采购", "采购项目数量") => random.Next(3, 30),
                        ("政府集中采购", "采购总金额") => Math.Round((decimal)random.Next(50, 900) * 1.37m, 2),
                        ("行政事业性收费", _) => agency.Level == AgencyLevel.Township ? 0 : Math.Round(random.Next(0, 4000) / 100m, 2),
                        _ => random.Next(0, 10),
                    };
                    db.Article20Figures.Add(new Article20FigureRecord
                    {
                        AgencyId = agency.Id,
                        Year = year,
                        Item = table.Item,
                        Row = row,
                        Column = column,
                        Value = value,
                        UpdatedBy = "publisher",
                        UpdatedAt = clock.GetUtcNow(),
                    });
                }
            }
        }
    }

    private async Task NarrativeAsync(int agencyId, int year, bool subtree, CancellationToken ct)
    {
        var who = subtree ? "示例区人民政府" : "示例区人民政府办公室";
        var report = await builder.BuildAsync(agencyId, year, subtree, live: true, ct: ct);
        var sections = new Dictionary<int, string>
        {
            [1] = $"{year}年，{who}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕区委、区政府中心工作，持续推进政务公开标准化规范化。\n"
                + "（一）主动公开。通过区政府门户网站、政务新媒体和政府公报主动公开政府信息，重点做好预决算、重大建设项目、民生保障等领域信息公开，同步发布政策解读。\n"
                + $"（二）依申请公开。{report.RequestsDraft}进一步规范申请的接收、登记、办理、答复和归档，严格按照法定时限答复。{report.AppealsDraft}\n"
                + "（三）政府信息管理。动态更新政府信息公开目录，对拟公开的政府信息依法依规进行保密审查。\n"
                + "（四）平台建设。优化门户网站政府信息公开专栏，做好政务新媒体内容保障。\n"
                + "（五）监督保障。将政务公开工作纳入年度绩效考核，组织业务培训2次。",
            [5] = $"{year}年，{who}政府信息公开工作取得一定成效，但仍存在政策解读形式较为单一、基层政务公开标准化水平不均衡等问题。下一步，将丰富图文、视频等解读形式，加强对镇街的业务指导，不断提升政务公开质量。",
        };
        foreach (var (section, text) in sections)
        {
            db.ReportNarratives.Add(new ReportNarrativeRecord { AgencyId = agencyId, Year = year, Subtree = subtree, Section = section, Text = text, UpdatedBy = "publisher", UpdatedAt = clock.GetUtcNow() });
        }
    }

    private async Task PublishAsync(int agencyId, int year, bool subtree, DateOnly on, CancellationToken ct)
    {
        await lifecycle.ReviewAsync(agencyId, year, subtree, "publisher", ct);
        await lifecycle.ApproveAsync(agencyId, year, subtree, "approver", ct: ct);
        await lifecycle.PublishAsync(agencyId, year, subtree, "publisher", on, ct);
        // The steps happened in the fictional past: date them so.
        var record = await db.AnnualReports.SingleAsync(r => r.AgencyId == agencyId && r.Year == year && r.Subtree == subtree, ct);
        var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero); // 10:00 in China, stored as UTC
        (record.ReviewedAt, record.ApprovedAt, record.PublishedAt) = (at.AddDays(-6), at.AddDays(-2), at);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}

using Gongkai.Core.Agencies;
using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Demo;

/// <summary>The demo's proactive disclosure and interaction: catalog documents taken through review and publication with their interpretations, a gazette issue, letters answered and published.</summary>
public sealed partial class DemoHistory
{
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
}

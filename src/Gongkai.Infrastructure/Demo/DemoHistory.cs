using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
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
public sealed partial class DemoHistory(GongkaiDbContext db, RequestStore store, ReportBuilder builder, ReportLifecycle lifecycle, Calendar.CalendarStore calendars, TimeProvider clock)
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
            await ConsultationsAsync(government, today, ct);
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

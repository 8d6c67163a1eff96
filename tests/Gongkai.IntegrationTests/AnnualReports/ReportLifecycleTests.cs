using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.AnnualReports;

/// <summary>草稿 → 已审核 → 已定稿 → 已发布, the locks approval puts on a year, and corrections.</summary>
public sealed class ReportLifecycleTests
{
    private static Task<AnnualReportRecord?> RecordOf(GongkaiApp app, int agencyId, int year) =>
        app.WithDbAsync(d => d.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year && !r.Subtree));

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_report_is_reviewed_approved_by_another_person_published_on_the_portal_and_reopened_with_a_reason(Db db)
    {
        var app = GongkaiApp.For(db);
        var agency = await app.NewAgencyAsync(null, "生命周期测试局" + Guid.NewGuid().ToString("N")[..6]);
        await app.WithDbAsync(async d =>
        {
            d.Requests.Add(Records.Request(agency.Id, "2024-03-01", "2024-03-20", Outcome.Disclosed));
            d.Requests.Add(Records.Request(agency.Id, "2024-12-20", null, null));
            return await d.SaveChangesAsync();
        });
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var approverStaff = await app.NewStaffAsync(StaffRoles.Approver, agency.Id);
        var approver = await app.LoginAsync(approverStaff);
        var url = $"/admin/reports?agency={agency.Id}&year=2024";

        var publishDraft = await publisher.PostFormAsync(url, $"{url}&handler=Publish", []);
        var reviewed = await publisher.PostFormAsync(url, $"{url}&handler=Review", []);
        var approveByPublisher = await publisher.PostFormAsync(url, $"{url}&handler=Approve", []);
        var approved = await approver.PostFormAsync(url, $"{url}&handler=Approve", []);
        var lockedPage = await publisher.GetStringAsync(url);
        var published = await publisher.PostFormAsync(url, $"{url}&handler=Publish", []);
        var afterPublish = await publisher.GetStringAsync(url);
        var chart = await publisher.GetAsync($"{url}&handler=Chart&n=0");
        var record = (await RecordOf(app, agency.Id, 2024))!;
        var portal = await app.Browser().GetStringAsync("/reports?all=true");
        var page = await app.Browser().GetStringAsync($"/reports/{record.Id}");
        var docx = await app.Browser().GetByteArrayAsync($"/reports/{record.Id}/file/docx");
        var noReason = await approver.PostFormAsync(url, $"{url}&handler=Reopen", new() { ["reason"] = "" });
        var reopened = await approver.PostFormAsync(url, $"{url}&handler=Reopen", new() { ["reason"] = "表三自然人列漏计一件，更正后重新发布" });
        var afterReopen = (await RecordOf(app, agency.Id, 2024))!;
        var portalAfterReopen = await app.Browser().GetStringAsync($"/reports/{record.Id}");
        var corrections = await app.WithDbAsync(d => d.ReportCorrections.Where(c => c.ReportId == record.Id).ToListAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, publishDraft.StatusCode);
        Assert.Contains("报告尚未定稿，不能发布", await publishDraft.Content.ReadAsStringAsync());
        Assert.True(reviewed.IsRedirectTo("/admin/reports"), $"{(int)reviewed.StatusCode}");
        Assert.True(approveByPublisher.IsRedirectTo("/admin/access-denied"));
        Assert.True(approved.IsRedirectTo("/admin/reports"), await approved.Content.ReadAsStringAsync());
        Assert.Contains("已定稿", lockedPage);
        Assert.DoesNotContain("修改五、存在的主要问题及改进情况", lockedPage);
        Assert.True(published.IsRedirectTo("/admin/reports"));
        // Published on 2026-11-29 for 2024: far past a department's 31 January deadline.
        Assert.Contains("晚于法定时限 2025-01-31", afterPublish);
        Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ReportStage.Published, record.Stage);
        Assert.Contains($"{agency.FullName}2024年政府信息公开工作年度报告", portal);
        Assert.Contains($"{agency.FullName}2024年政府信息公开工作年度报告", page);
        Assert.Contains("<th scope=\"rowgroup\"", page);
        Assert.Contains("<svg", page);
        Assert.Contains($"{agency.FullName}2024年政府信息公开工作年度报告", Documents.DocxText(docx));
        Assert.Contains("请说明更正的原因", await noReason.Content.ReadAsStringAsync());
        Assert.True(reopened.IsRedirectTo("/admin/reports"));
        Assert.Equal(ReportStage.Draft, afterReopen.Stage);
        Assert.NotNull(afterReopen.PublishedSnapshot);
        Assert.Contains($"{agency.FullName}2024年政府信息公开工作年度报告", portalAfterReopen);
        var correction = Assert.Single(corrections);
        Assert.Equal(approverStaff.UserName, correction.By);
        Assert.Equal(ReportStage.Published, correction.From);
        Assert.Equal("表三自然人列漏计一件，更正后重新发布", correction.Reason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task An_approved_year_refuses_edits_that_would_change_its_figures_and_shows_drift_it_did_not_cause(Db db)
    {
        var app = GongkaiApp.For(db);
        var agency = await app.NewAgencyAsync(null);
        await app.WithDbAsync(async d =>
        {
            d.Requests.Add(Records.Request(agency.Id, "2024-03-01", "2024-03-20", Outcome.Disclosed));
            d.Requests.Add(Records.Request(agency.Id, "2024-12-20", null, null));
            return await d.SaveChangesAsync();
        });
        await ApproveAsync(app, agency.Id, 2024);
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Approver, agency.Id));
        var url = $"/admin/reports?agency={agency.Id}&year=2024";

        var narrative = await publisher.PostFormAsync(url, $"{url}&handler=Narrative", new() { ["section"] = "5", ["text"] = "定稿后改写" });
        var a20 = $"/admin/reports/article20?agency={agency.Id}&year=2024";
        var article20 = await publisher.PostFormAsync(a20, a20, new() { ["第二十条第（五）项|行政许可|本年处理决定数量"] = "9" });
        var lateEntry = await Assert.ThrowsAsync<RequestRuleException>(() => CreateAsync(app, agency.Id, received: new DateOnly(2024, 12, 30)));
        var thisYear = await CreateAsync(app, agency.Id, received: new DateOnly(2026, 11, 27));
        var appeal = await handler.PostFormAsync("/admin/appeals/edit", "/admin/appeals/edit", new()
        {
            ["AgencyId"] = agency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kind"] = nameof(AppealKind.Reconsideration),
            ["Body"] = "市政府",
            ["FiledOn"] = "2024-06-01",
            ["Result"] = nameof(AppealResult.Pending),
        });

        // A record changed behind the system's back (directly in the database): the approved figures stay, the difference is shown.
        await app.WithDbAsync(async d =>
        {
            d.Requests.Add(Records.Request(agency.Id, "2024-05-01", "2024-05-20", Outcome.Disclosed));
            return await d.SaveChangesAsync();
        });
        var page = await publisher.GetStringAsync(url);

        Assert.Contains("内容不能再修改", await narrative.Content.ReadAsStringAsync());
        Assert.Empty(await app.WithDbAsync(d => d.ReportNarratives.Where(n => n.AgencyId == agency.Id).ToListAsync()));
        Assert.Contains("第二十条数据不能再修改", await article20.Content.ReadAsStringAsync());
        Assert.Empty(await app.WithDbAsync(d => d.Article20Figures.Where(f => f.AgencyId == agency.Id).ToListAsync()));
        Assert.Contains("已定稿，这一操作会改变该年度报告中已定稿的数字", lateEntry.Message);
        Assert.True(thisYear > 0);
        Assert.Contains("会改变已定稿的数字，未保存", await appeal.Content.ReadAsStringAsync());
        Assert.Empty(await app.WithDbAsync(d => d.Appeals.Where(a => a.AgencyId == agency.Id).ToListAsync()));
        Assert.Equal(3, await app.WithDbAsync(d => d.Requests.CountAsync(r => r.AgencyId == agency.Id && r.ReceivedOn >= new DateOnly(2024, 1, 1) && r.ReceivedOn <= new DateOnly(2024, 12, 31))));
        Assert.Contains("[L1]", page);
        Assert.Contains("定稿为 1，按现有记录为 2", page);
    }

    [Fact]
    public async Task A_historic_year_typed_in_by_hand_shows_which_rules_fail_and_cannot_be_approved_until_they_hold()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var tables = $"/admin/reports/tables?agency={agency.Id}&year=2020";
        var fields = new Dictionary<string, string>
        {
            ["r|1|0"] = "5",
            ["r|1|6"] = "5",
            ["r|3.1|0"] = "3",
            ["r|3.1|6"] = "3",
            ["r|3.7|0"] = "3",
            ["r|3.7|6"] = "3",
            // As printed in the old report: carried out should be 2, it says 1.
            ["r|4|0"] = "1",
            ["r|4|6"] = "1",
            ["a|Reconsideration|0"] = "1",
            ["a|Reconsideration|4"] = "1",
        };

        var saved = await publisher.PostFormAsync(tables, tables, fields);
        var page = await publisher.GetStringAsync($"/admin/reports?agency={agency.Id}&year=2020");
        var bad = await publisher.PostFormAsync(tables, tables, new() { ["r|1|0"] = "五" });

        Assert.True(saved.IsRedirectTo("/admin/reports"), await saved.Content.ReadAsStringAsync());
        Assert.Contains("手工录入", page);
        Assert.Contains("[T1]", page);
        Assert.Contains("第一项加第二项（5＋0＝5）不等于第三项总计加第四项（3＋1＝4）", page);
        Assert.Contains("“五”不是件数", await bad.Content.ReadAsStringAsync());
        await app.WithDbAsync(async d =>
        {
            var record = await d.AnnualReports.SingleAsync(r => r.AgencyId == agency.Id && r.Year == 2020);
            record.Stage = ReportStage.Reviewed;
            record.ReviewedBy = "someone-else";
            return await d.SaveChangesAsync();
        });
        using var scope = app.Services.CreateScope();
        var refused = await Assert.ThrowsAsync<ReportLifecycleException>(() =>
            scope.ServiceProvider.GetRequiredService<ReportLifecycle>().ApproveAsync(agency.Id, 2020, false, "approver"));
        Assert.Contains("表格勾稽关系不成立，不能定稿", refused.Message);
    }

    [Fact]
    public async Task Tables_cannot_be_typed_in_for_a_year_that_has_records()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        await app.WithDbAsync(async d =>
        {
            d.Requests.Add(Records.Request(agency.Id, "2023-03-01", "2023-03-20", Outcome.Disclosed));
            return await d.SaveChangesAsync();
        });
        var publisher = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Publisher, agency.Id));
        var tables = $"/admin/reports/tables?agency={agency.Id}&year=2023";

        var refused = await publisher.PostFormAsync(tables, tables, new() { ["r|1|0"] = "9" });

        Assert.Contains("2023 年已有办件或复议诉讼记录", await refused.Content.ReadAsStringAsync());
        Assert.Null(await RecordOf(app, agency.Id, 2023));
    }

    [Fact]
    public async Task Rule_T5_compares_with_last_years_approved_report_not_with_todays_records()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        await app.WithDbAsync(async d =>
        {
            d.Requests.Add(Records.Request(agency.Id, "2023-12-20", "2024-01-10", Outcome.Disclosed));
            return await d.SaveChangesAsync();
        });
        await ApproveAsync(app, agency.Id, 2023);
        // Last year's report said 1 carried out; a second carried-out request appears in the records afterwards.
        await app.WithDbAsync(async d =>
        {
            d.Requests.Add(Records.Request(agency.Id, "2023-12-21", "2024-01-11", Outcome.Disclosed));
            return await d.SaveChangesAsync();
        });
        using var scope = app.Services.CreateScope();

        var report = await scope.ServiceProvider.GetRequiredService<ReportBuilder>().BuildAsync(agency.Id, 2024, false);

        // Both the 自然人 and the 总计 column: this year carries in 2, last year's report carried out 1.
        Assert.Equal(2, report.Findings.Count(f => f.RuleId == "T5"));
    }

    private static async Task ApproveAsync(GongkaiApp app, int agencyId, int year)
    {
        using var scope = app.Services.CreateScope();
        var lifecycle = scope.ServiceProvider.GetRequiredService<ReportLifecycle>();
        await lifecycle.ReviewAsync(agencyId, year, false, "reviewer");
        await lifecycle.ApproveAsync(agencyId, year, false, "approver");
    }

    private static async Task<long> CreateAsync(GongkaiApp app, int agencyId, DateOnly received)
    {
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<RequestStore>();
        var application = new RequestApplication
        {
            ApplicantType = ApplicantType.NaturalPerson,
            ApplicantName = "补登测试",
            IdType = Gongkai.Core.Requests.IdentityDocumentType.ResidentIdCard,
            IdNumber = "11010519491231002X",
            Phone = "13800138000",
            InformationTitle = "补登的申请",
            ProvisionForm = ProvisionForm.Paper,
            ObtainMethod = ObtainMethod.PickUp,
        };
        var loaded = await store.CreateAsync(agencyId, application, Channel.RegisteredMail, new Actor("clerk", "登记员"), received, received, []);
        return loaded.Record.Id;
    }
}

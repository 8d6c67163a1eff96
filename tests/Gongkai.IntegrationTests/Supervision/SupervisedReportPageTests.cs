using System.Net;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Supervision;

/// <summary>/admin/supervision/reports: upload, list, findings, summary as .xlsx, delete — each within the viewer's tree.</summary>
public sealed class SupervisedReportPageTests
{
    private const string Page = "/admin/supervision/reports";

    [Fact]
    public async Task A_supervisor_checks_reports_sees_their_findings_and_summary_and_another_tree_can_neither_see_nor_delete_them()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.NewAgencyAsync(null, "监督办" + Guid.NewGuid().ToString("N")[..8]);
        var elsewhere = await app.NewAgencyAsync(null, "另一地区" + Guid.NewGuid().ToString("N")[..8]);
        var supervisor = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, office.Id));
        var stranger = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, elsewhere.Id));
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, office.Id));
        var seed = await File.ReadAllBytesAsync(SupervisedReportStoreTests.Seed);

        var upload = await supervisor.PostFilesAsync(Page, Page, [], "Uploads", ("利通区.txt", seed), ("炸弹.docx", MaliciousFiles.DocxBomb()));
        var uploadAgain = await supervisor.PostFilesAsync(Page, Page, [], "Uploads", ("利通区.txt", seed));
        var none = await supervisor.PostFilesAsync(Page, Page, [], "Uploads");

        Assert.True(upload.IsRedirectTo(Page), $"{(int)upload.StatusCode}");
        Assert.True(uploadAgain.IsRedirectTo(Page + "?year=2020"));
        Assert.Contains("请选择要检查的报告文件", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var rows = await app.WithDbAsync(d => d.SupervisedReports.AsNoTracking().Where(r => r.SupervisorAgencyId == office.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, rows.Count);
        var (litong, bomb) = (rows[0], rows[1]);

        // The list, the findings and the summary, with the unreadable file's reason; the page works with it there.
        var list = WebUtility.HtmlDecode(await supervisor.GetStringAsync(Page));
        Assert.Contains(SupervisedReportStoreTests.SeedAgency, list, StringComparison.Ordinal);
        Assert.Contains($"data-report=\"{bomb.Id}\"", list, StringComparison.Ordinal);
        Assert.Contains("压缩炸弹", list, StringComparison.Ordinal);
        Assert.Contains("<td data-rule=\"N1\">1</td>", list, StringComparison.Ordinal);
        var detail = WebUtility.HtmlDecode(await supervisor.GetStringAsync($"{Page}/{litong.Id}"));
        Assert.Contains("<td>N1</td><td>错误</td><td>第17行</td><td>正文称收到申请 1 件", detail, StringComparison.Ordinal);
        Assert.Contains("压缩炸弹", WebUtility.HtmlDecode(await supervisor.GetStringAsync($"{Page}/{bomb.Id}")), StringComparison.Ordinal);
        var xlsx = await supervisor.GetAsync(Page + "?year=2020&handler=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = Spreadsheet.ReadXlsx(await xlsx.Content.ReadAsStreamAsync());
        Assert.Contains(sheet, r => r.Count > 2 && r[0] == SupervisedReportStoreTests.SeedAgency && r[1] == "2020");
        Assert.DoesNotContain(sheet, r => r.Count > 2 && r[2] == "炸弹.docx");
        var dashboard = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/admin/supervision?period=2020"));
        Assert.Contains("2020 年度已检查 1 份，其中 1 份有错误、0 份无法读取。", dashboard, StringComparison.Ordinal);

        // Another tree: not listed, not found, not deleted; a clerk may not open the page at all.
        Assert.DoesNotContain(SupervisedReportStoreTests.SeedAgency, WebUtility.HtmlDecode(await stranger.GetStringAsync(Page)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Page}/{litong.Id}")).StatusCode);
        var foreignDelete = await stranger.PostFormAsync(Page, Page + "?handler=delete", new() { ["id"] = litong.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.NotFound, foreignDelete.StatusCode);
        Assert.True((await clerk.GetAsync(Page)).IsRedirectTo("/admin/access-denied"));

        // The supervisor corrects the agency's name, then deletes the report: both audited.
        var rename = await supervisor.PostFormAsync($"{Page}/{litong.Id}", $"{Page}/{litong.Id}?handler=rename", new() { ["AgencyName"] = "利通区政府办" });
        Assert.True(rename.IsRedirectTo($"{Page}/{litong.Id}"));
        var delete = await supervisor.PostFormAsync(Page, Page + "?handler=delete", new() { ["id"] = litong.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(delete.IsRedirectTo(Page));
        var left = await app.WithDbAsync(d => d.SupervisedReports.AsNoTracking().Where(r => r.SupervisorAgencyId == office.Id).Select(r => r.Id).ToListAsync());
        Assert.Equal([bomb.Id], left);
        var actions = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(a => a.AgencyId == office.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.SupervisedReportsChecked, AuditActions.SupervisedReportsChecked, AuditActions.SupervisedReportChanged, AuditActions.SupervisedReportDeleted],
            actions.Where(a => a.StartsWith("supervised-report", StringComparison.Ordinal)));
    }
}

using System.Net;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Web;

/// <summary>意见征集 end to end: put out by the office, listed on the home page, commented on, the feedback published.</summary>
public sealed class ConsultationTests
{
    [Fact]
    public async Task A_draft_is_put_out_commented_on_while_open_and_its_feedback_published_after()
    {
        var clock = FixedClock.At("2026-03-02T09:00:00+08:00");
        using var app = new GongkaiApp(Db.Sqlite, clock: clock);
        var government = await app.AgencyAsync("示例区人民政府");
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var publisherAccount = await app.NewStaffAsync(StaffRoles.Publisher, office.Id);
        var publisher = await app.LoginAsync(publisherAccount);
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, office.Id));

        var refused = await publisher.PostFormAsync("/admin/consultations", "/admin/consultations", new()
        {
            ["AgencyId"] = $"{government.Id}",
            ["Title"] = "停车办法",
            ["Body"] = "太短",
            ["OpensOn"] = "2026-03-02",
            ["ClosesOn"] = "2026-03-04",
        });
        Assert.Contains("征求意见期限不少于 7 日", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDbAsync(d => d.Consultations.AnyAsync(c => c.Title == "停车办法")));
        var byHandler = await handler.PostFormAsync("/admin/consultations", "/admin/consultations", new()
        {
            ["AgencyId"] = $"{government.Id}",
            ["Title"] = "关于停车管理办法的征求意见",
            ["Body"] = new string('文', 30),
            ["OpensOn"] = "2026-03-02",
            ["ClosesOn"] = "2026-03-31",
        });
        Assert.True(byHandler.IsRedirectTo("/admin/access-denied"));

        var started = await publisher.PostFormAsync("/admin/consultations", "/admin/consultations", new()
        {
            ["AgencyId"] = $"{government.Id}",
            ["Title"] = "关于《示例区城市道路停车管理办法（征求意见稿）》公开征求意见的公告",
            ["Body"] = "为规范城市道路停车秩序，区城市管理局起草了停车管理办法征求意见稿，现向社会公开征求意见。",
            ["OpensOn"] = "2026-03-02",
            ["ClosesOn"] = "2026-03-31",
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = await app.WithDbAsync(d => d.Consultations.Where(c => c.AgencyId == government.Id).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());

        // The public: on the home page while open, the comment form takes a comment.
        var visitor = app.Browser();
        Assert.Contains($"/consultations/{id}", await visitor.GetStringAsync("/"));
        var commented = await visitor.PostFormAsync($"/consultations/{id}", $"/consultations/{id}", new() { ["Comment"] = "建议增设夜间免费停车时段。", ["Name"] = "李明", ["Contact"] = "13800001111" });
        Assert.Contains("您的意见已提交", WebUtility.HtmlDecode(await commented.Content.ReadAsStringAsync()));
        var staffView = WebUtility.HtmlDecode(await publisher.GetStringAsync($"/admin/consultations/{id}"));
        Assert.Contains("建议增设夜间免费停车时段。", staffView);
        Assert.Contains("李明，13800001111", staffView);
        Assert.DoesNotContain("13800001111", WebUtility.HtmlDecode(await handler.GetStringAsync($"/admin/consultations/{id}")));
        Assert.DoesNotContain("13800001111", WebUtility.HtmlDecode(await visitor.GetStringAsync($"/consultations/{id}")));

        // After the period: no more comments; the feedback is published and shown.
        clock.Set("2026-04-01");
        var closed = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/consultations/{id}"));
        Assert.Contains("已截止", closed);
        Assert.DoesNotContain("提交意见", closed);
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<Gongkai.Infrastructure.Participation.ConsultationStore>();
            Assert.Equal("征求意见已于 2026-03-31 截止。", await store.CommentAsync(id, "再补充一条意见建议。", null, null, new DateOnly(2026, 4, 1)));
        }

        Assert.Equal(1, await app.WithDbAsync(d => d.ConsultationComments.CountAsync(c => c.ConsultationId == id)));
        var again = await app.LoginAsync(publisherAccount);
        var feedback = await again.PostFormAsync($"/admin/consultations/{id}", $"/admin/consultations/{id}", new() { ["Feedback"] = "共收到意见1条，已采纳：增设夜间免费停车时段。" });
        Assert.True(feedback.IsRedirectTo($"/admin/consultations/{id}"));
        Assert.Contains("共收到意见1条，已采纳：增设夜间免费停车时段。", WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/consultations/{id}")));
        Assert.DoesNotContain($"/consultations/{id}\"", await app.Browser().GetStringAsync("/"));
    }
}

using System.Net;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Requests;

/// <summary>Notices carry the agency's 文号, numbered in order within the year, never twice; and room for the seal.</summary>
public sealed partial class RequestFlowTests
{
    [Fact]
    public async Task Each_notice_gets_the_next_number_of_the_agency_s_series_and_shows_it()
    {
        using var app = new GongkaiApp(Db.Sqlite);
        var government = await app.AgencyAsync("示例区人民政府");
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, office.Id));
        var first = await app.NewRequestAsync(government.Id, "示例区 2026 年政府投资项目计划");
        var second = await app.NewRequestAsync(government.Id, "示例区 2026 年财政预算执行情况");
        var unnumbered = await app.NewRequestAsync(office.Id, "区政府办公室 2026 年工作要点");

        foreach (var id in new[] { first, second, unnumbered })
        {
            Assert.True((await StepAsync(app, handler, id, "Decide", new() { ["Outcome"] = "Disclosed" })).IsRedirectTo($"/admin/requests/{id}"));
        }

        var notices = await app.WithDbAsync(d => d.RequestNotices.AsNoTracking().OrderBy(n => n.Id)
            .Where(n => n.RequestId == first || n.RequestId == second || n.RequestId == unnumbered).ToListAsync());
        var year = app.Services.GetRequiredService<TimeProvider>().GetLocalNow().Year;
        var numbered = notices.Where(n => n.Reference is not null).Select(n => n.Reference).ToList();
        Assert.Equal(numbered.Count, numbered.Distinct().Count());
        Assert.Contains($"示府办依复〔{year}〕1号", numbered);
        Assert.Contains($"示府办依复〔{year}〕2号", numbered);
        Assert.All(notices.Where(n => n.RequestId == unnumbered), n => Assert.Null(n.Reference));

        var reply = notices.Last(n => n.RequestId == second);
        var docx = Documents.DocxText(reply.Docx);
        Assert.Contains(reply.Reference!, docx);
        var page = WebUtility.HtmlDecode(await handler.GetStringAsync($"/admin/requests/{second}"));
        Assert.Contains($"<td>{reply.Reference}</td>", page);
    }
}

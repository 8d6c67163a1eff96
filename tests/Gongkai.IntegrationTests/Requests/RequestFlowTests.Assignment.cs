using System.Net;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Requests;

/// <summary>
/// A request to the district government — the portal's default — is handled by the staff of the government's office
/// (the agency's 承办机关); the clerk assigns it, the head reassigns it with a reason, the handler finds it in their list.
/// </summary>
public sealed partial class RequestFlowTests
{
    [Fact]
    public async Task A_request_to_the_government_is_handled_by_its_office_assigned_and_reassigned_with_a_reason()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var government = await app.AgencyAsync("示例区人民政府");
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var education = await app.AgencyAsync("示例区教育局");
        var clerkUser = await app.NewStaffAsync(StaffRoles.Clerk, office.Id);
        var first = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var second = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var outsider = await app.NewStaffAsync(StaffRoles.Handler, education.Id);
        var clerk = await app.LoginAsync(clerkUser);
        var head = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Approver, office.Id));
        var handler = await app.LoginAsync(second);

        var applied = await ApplyAsync(app.Browser(), Application(government.Id, "示例区 2026 年城市更新项目清单（分办测试）"));
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var id = await app.WithDbAsync(d => d.Requests.Where(r => r.InformationTitle == "示例区 2026 年城市更新项目清单（分办测试）").Select(r => r.Id).SingleAsync());

        // The office's clerk may act on the government's request; the page offers the office's handlers, not another agency's.
        var page = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/admin/requests/{id}"));
        Assert.Contains("承办人：未分办", page);
        Assert.Contains($"value=\"{first.UserName}\"", page);
        Assert.DoesNotContain($"value=\"{outsider.UserName}\"", page);
        Assert.True((await StepAsync(app, clerk, id, "ConfirmReceipt")).IsRedirectTo($"/admin/requests/{id}"));
        Assert.True((await StepAsync(app, clerk, id, "Assign", new() { ["AssignTo"] = first.UserName })).IsRedirectTo($"/admin/requests/{id}"));
        var foreign = await StepAsync(app, clerk, id, "Assign", new() { ["AssignTo"] = outsider.UserName, ["Reason"] = "试图交给其他机关" });
        Assert.Contains("请选择承办人", WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync()));

        // Reassigning needs the reason, which the history keeps.
        var unexplained = await StepAsync(app, head, id, "Assign", new() { ["AssignTo"] = second.UserName });
        Assert.Contains("请写明改派理由", WebUtility.HtmlDecode(await unexplained.Content.ReadAsStringAsync()));
        Assert.True((await StepAsync(app, head, id, "Assign", new() { ["AssignTo"] = second.UserName, ["Reason"] = "原承办人休假" })).IsRedirectTo($"/admin/requests/{id}"));
        var detail = WebUtility.HtmlDecode(await head.GetStringAsync($"/admin/requests/{id}"));
        Assert.Contains("改派给测试", detail);
        Assert.Contains("改派理由：原承办人休假", detail);

        // The handler's own list.
        var mine = WebUtility.HtmlDecode(await handler.GetStringAsync("/admin/requests?assigned=me"));
        Assert.Contains("示例区 2026 年城市更新项目清单（分办测试）", mine);
        var unassigned = WebUtility.HtmlDecode(await handler.GetStringAsync("/admin/requests?assigned=none"));
        Assert.DoesNotContain("示例区 2026 年城市更新项目清单（分办测试）", unassigned);
    }
}

using System.Net;
using System.Text;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Requests;

/// <summary>What a request's pages refuse: bad applications and files, steps by the wrong role, personal data to those who do not handle it.</summary>
public sealed partial class RequestFlowTests
{
    [Theory]
    [InlineData("IdNumber", "110105194912310021", "校验位不符")]
    [InlineData("InformationTitle", "", "请填写所需政府信息的名称")]
    [InlineData("Phone", "", "请填写联系电话")]
    public async Task A_bad_application_is_refused_field_by_field_and_nothing_is_written(string field, string value, string message)
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var marker = "拒收测试" + Guid.NewGuid().ToString("N")[..8];
        var fields = Application(office.Id, marker);
        fields["Form.ApplicantName"] = marker;
        fields["Form." + field] = value;

        var response = await ApplyAsync(app.Browser(), fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("申请未提交", html);
        Assert.Contains(message, html);
        Assert.Equal(0, await app.WithDbAsync(d => d.Requests.CountAsync(r => r.ApplicantName == marker)));
    }

    [Fact]
    public async Task An_executable_renamed_pdf_and_an_oversized_file_are_refused()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var exe = Encoding.ASCII.GetBytes("MZ\u0090\0this program cannot be run in DOS mode");
        var huge = new byte[10 * 1024 * 1024 + 1];
        "%PDF-1.7"u8.CopyTo(huge);
        var marker = "附件测试" + Guid.NewGuid().ToString("N")[..8];

        var renamed = await ApplyAsync(app.Browser(), Application(office.Id, marker), ("申请书.pdf", exe));
        var oversized = await ApplyAsync(app.Browser(), Application(office.Id, marker), ("扫描件.pdf", huge));

        Assert.Contains("附件“申请书.pdf”的内容不是 PDF、JPG 或 PNG 文件", await renamed.Content.ReadAsStringAsync());
        Assert.Contains("附件“扫描件.pdf”超过 10 MB", await oversized.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(d => d.Requests.CountAsync(r => r.InformationTitle == marker)));
    }

    [Fact]
    public async Task Steps_are_refused_to_roles_that_may_not_take_them()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var id = await app.NewRequestAsync(office.Id, "角色测试");
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, office.Id));
        var handler = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, office.Id));
        var supervisor = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, office.Id));

        var clerkDecides = await StepAsync(app, clerk, id, "Decide", new() { ["Outcome"] = "Disclosed" });
        var handlerExtends = await StepAsync(app, handler, id, "Extend", new() { ["Days"] = "5", ["Reason"] = "理由" });
        var supervisorWithdraws = await StepAsync(app, supervisor, id, "Withdraw", new() { ["Reason"] = "撤回" });

        Assert.True(clerkDecides.IsRedirectTo("/admin/access-denied"));
        Assert.True(handlerExtends.IsRedirectTo("/admin/access-denied"));
        Assert.True(supervisorWithdraws.IsRedirectTo("/admin/access-denied"));
        Assert.Equal(1, await app.WithDbAsync(d => d.Requests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync()));
    }

    [Fact]
    public async Task Personal_data_is_masked_for_those_who_do_not_handle_requests_and_attachments_are_theirs_alone()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var title = "隐私测试" + Guid.NewGuid().ToString("N")[..6];
        await ApplyAsync(app.Browser(), Application(office.Id, title), ("材料.png", Png));
        var record = await app.WithDbAsync(d => d.Requests.AsNoTracking().Include(r => r.Attachments).SingleAsync(r => r.InformationTitle == title));
        var attachment = record.Attachments.Single().Id;
        var supervisor = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, office.Id));
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, office.Id));
        var otherAgencyClerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, (await app.AgencyAsync("示例区教育局")).Id));

        var supervisorView = await supervisor.GetStringAsync($"/admin/requests/{record.Id}");
        var clerkView = await clerk.GetStringAsync($"/admin/requests/{record.Id}");
        var list = await clerk.GetStringAsync($"/admin/requests?q={title}");
        var byOutcome = await clerk.GetStringAsync($"/admin/requests?q={title}&outcome=Disclosed");
        var supervisorFile = await supervisor.GetAsync($"/admin/requests/{record.Id}?handler=Attachment&attachmentId={attachment}");
        var clerkFile = await clerk.GetAsync($"/admin/requests/{record.Id}?handler=Attachment&attachmentId={attachment}");
        var outsider = await otherAgencyClerk.GetAsync($"/admin/requests/{record.Id}");

        Assert.Contains("110***********002X", supervisorView);
        Assert.DoesNotContain("11010519491231002X", supervisorView);
        Assert.Contains("11010519491231002X", clerkView);
        Assert.Contains("138********", list);
        Assert.DoesNotContain(title, byOutcome.Replace($"value=\"{title}\"", "", StringComparison.Ordinal));
        Assert.DoesNotContain("138-0013-8000", list);
        Assert.True(supervisorFile.IsRedirectTo("/admin/access-denied"));
        Assert.Equal(HttpStatusCode.OK, clerkFile.StatusCode);
        Assert.Equal(Png, await clerkFile.Content.ReadAsByteArrayAsync());
        Assert.True(outsider.IsRedirectTo("/admin/access-denied"));
    }
}

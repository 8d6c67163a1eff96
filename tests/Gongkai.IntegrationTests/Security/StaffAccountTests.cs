using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Security;

public sealed partial class StaffAccountTests
{
    private static Task<string> IdOfAsync(GongkaiApp app, string userName) =>
        app.WithDbAsync(d => d.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_user_name_longer_than_its_column_is_refused_in_chinese_on_every_provider(Db db)
    {
        var app = GongkaiApp.For(db);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var admin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, office.Id));
        var name = "long-" + new string('x', 300);

        var response = await admin.PostAsync("/admin/users/create", await FormAsync(admin, "/admin/users/create",
            [new("UserName", name), new("DisplayName", "新同事"), new("AgencyId", $"{office.Id}"), new("Roles", StaffRoles.Clerk)]));
        var login = await app.Browser().PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = name, ["Password"] = "whatever-123" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名不能超过 64 个字符", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(d => d.Users.CountAsync(u => u.UserName!.StartsWith("long-x"))));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("用户名或密码不正确", await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_administrator_creates_an_account_whose_one_time_password_works_once_shown()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var admin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, office.Id));
        var name = "new-" + Guid.NewGuid().ToString("N")[..8];

        var response = await admin.PostAsync("/admin/users/create", await FormAsync(admin, "/admin/users/create",
            [new("UserName", name), new("DisplayName", "新同事"), new("AgencyId", $"{office.Id}"), new("Roles", StaffRoles.Clerk), new("Roles", StaffRoles.Handler)]));
        var password = PasswordPattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        var login = await app.Browser().PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = name, ["Password"] = password });

        Assert.NotEmpty(password);
        Assert.True(login.IsRedirectTo("/admin/account/password"), $"{login.Headers.Location}");
        var roles = await app.WithDbAsync(d => (from ur in d.UserRoles join r in d.Roles on ur.RoleId equals r.Id join u in d.Users on ur.UserId equals u.Id where u.UserName == name select r.Name).ToListAsync());
        Assert.Equal([StaffRoles.Clerk, StaffRoles.Handler], roles.Order().ToList());
    }

    [Fact]
    public async Task Changing_roles_and_resetting_a_password_are_audited_and_take_effect()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var staff = await app.NewStaffAsync(StaffRoles.Clerk, office.Id);
        var adminStaff = await app.NewStaffAsync(StaffRoles.Administrator, office.Id);
        var admin = await app.LoginAsync(adminStaff);
        var id = await IdOfAsync(app, staff.UserName);

        var edit = await admin.PostAsync($"/admin/users/edit/{id}", await FormAsync(admin, $"/admin/users/edit/{id}",
            [new("DisplayName", "改名后"), new("AgencyId", $"{office.Id}"), new("Roles", StaffRoles.Approver)]));
        var reset = await admin.PostAsync($"/admin/users/edit/{id}?handler=ResetPassword", await FormAsync(admin, $"/admin/users/edit/{id}", []));
        var newPassword = PasswordPattern().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value;
        var oldLogin = await app.Browser().PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = staff.UserName, ["Password"] = staff.Password });
        var newLogin = await app.Browser().PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = staff.UserName, ["Password"] = newPassword });

        Assert.True(edit.IsRedirectTo("/admin/users"), $"{(int)edit.StatusCode}");
        Assert.Contains("用户名或密码不正确", await oldLogin.Content.ReadAsStringAsync());
        Assert.True(newLogin.IsRedirectTo("/admin/account/password"));
        var actions = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.Target == staff.UserName && e.UserName == adminStaff.UserName).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.UserUpdated, actions);
        Assert.Contains(AuditActions.PasswordReset, actions);
        Assert.Equal("改名后", await app.WithDbAsync(d => d.Users.Where(u => u.UserName == staff.UserName).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role_nor_touch_accounts_outside_their_subtree()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var bureau = await app.AgencyAsync("示例区教育局");
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var adminStaff = await app.NewStaffAsync(StaffRoles.Administrator, bureau.Id);
        var outsider = await app.NewStaffAsync(StaffRoles.Clerk, office.Id);
        var admin = await app.LoginAsync(adminStaff);
        var selfId = await IdOfAsync(app, adminStaff.UserName);
        var outsiderId = await IdOfAsync(app, outsider.UserName);

        var demote = await admin.PostAsync($"/admin/users/edit/{selfId}", await FormAsync(admin, $"/admin/users/edit/{selfId}",
            [new("DisplayName", "自己"), new("AgencyId", $"{bureau.Id}"), new("Roles", StaffRoles.Clerk)]));
        var foreign = await admin.GetAsync($"/admin/users/edit/{outsiderId}");

        Assert.Contains("不能取消自己的系统管理员角色", await demote.Content.ReadAsStringAsync());
        Assert.True(foreign.IsRedirectTo("/admin/access-denied"), $"{(int)foreign.StatusCode}");
    }

    private static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string page, List<KeyValuePair<string, string>> fields)
    {
        var html = await client.GetStringAsync(page);
        var token = TokenPattern().Match(html).Groups[1].Value;
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<code class=\"password\">([^<]+)</code>")]
    private static partial Regex PasswordPattern();
}

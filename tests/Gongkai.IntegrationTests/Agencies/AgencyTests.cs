using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Agencies;

public sealed class AgencyTests
{
    private static Dictionary<string, string> Form(string name, string code, int? parentId, string level = "Department") => new()
    {
        ["FullName"] = name,
        ["ShortName"] = name.Length > 6 ? name[..6] : name,
        ["CreditCode"] = code,
        ["Level"] = level,
        ["ParentId"] = parentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Address"] = "示例区测试路 9 号",
        ["Postcode"] = "999009",
        ["Phone"] = "0999-7654321",
        ["OfficeHours"] = "工作日 9:00–17:00",
        ["Email"] = "test@example.gov.cn",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task An_administrator_creates_an_agency_and_it_is_audited_and_public(Db db)
    {
        var app = GongkaiApp.For(db);
        var government = await app.AgencyAsync("示例区人民政府");
        var admin = await app.NewStaffAsync(StaffRoles.Administrator, government.Id);
        var client = await app.LoginAsync(admin);
        var name = "示例区测试局" + Guid.NewGuid().ToString("N")[..6];
        var code = GongkaiApp.UniqueCreditCode().ToLowerInvariant();

        var response = await client.PostFormAsync("/admin/agencies/edit", "/admin/agencies/edit", Form(name, code, government.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.AgencyAsync(name);
        Assert.Equal(code.ToUpperInvariant(), saved.CreditCode);
        Assert.Equal(government.Id, saved.ParentId);
        Assert.Equal("999009", saved.Contact.Postcode);
        var entry = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().SingleAsync(e => e.Target == name));
        Assert.Equal(AuditActions.AgencyCreated, entry.Action);
        Assert.Equal(admin.UserName, entry.UserName);
        Assert.False(string.IsNullOrEmpty(entry.IpAddress));
        var portal = await app.Browser().GetStringAsync($"/?agency={government.Id}");
        Assert.Contains(name, portal);
    }

    [Theory]
    [InlineData("11999999000000001X", "校验位不符")]
    [InlineData("1199999900000000", "应为 18 位")]
    [InlineData("11999999O00000001U", "不是允许的字符")]
    [InlineData("", "不能为空")]
    public async Task An_invalid_credit_code_is_refused_in_chinese_and_nothing_is_written(string code, string message)
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var government = await app.AgencyAsync("示例区人民政府");
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, government.Id));
        var name = "无效代码机关" + Guid.NewGuid().ToString("N")[..6];

        var response = await client.PostFormAsync("/admin/agencies/edit", "/admin/agencies/edit", Form(name, code, government.Id));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("保存失败", html);
        Assert.False(await app.WithDbAsync(d => d.Agencies.AnyAsync(a => a.FullName == name)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_duplicate_name_under_one_parent_is_refused_but_allowed_under_another(Db db)
    {
        var app = GongkaiApp.For(db);
        var parentA = await app.NewAgencyAsync(null);
        var parentB = await app.NewAgencyAsync(null);
        var existing = await app.NewAgencyAsync(parentA.Id);
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));

        var duplicate = await client.PostFormAsync("/admin/agencies/edit", "/admin/agencies/edit", Form(existing.FullName, GongkaiApp.UniqueCreditCode(), parentA.Id));
        var elsewhere = await client.PostFormAsync("/admin/agencies/edit", "/admin/agencies/edit", Form(existing.FullName, GongkaiApp.UniqueCreditCode(), parentB.Id));

        Assert.Contains("同一上级机关下已有名为", await duplicate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(d => d.Agencies.CountAsync(a => a.FullName == existing.FullName)));
    }

    [Fact]
    public async Task A_credit_code_already_used_is_refused()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var parent = await app.NewAgencyAsync(null);
        var existing = await app.NewAgencyAsync(parent.Id);
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));

        var response = await client.PostFormAsync("/admin/agencies/edit", "/admin/agencies/edit", Form("另一个机关" + Guid.NewGuid().ToString("N")[..6], existing.CreditCode, parent.Id));

        Assert.Contains($"已被“{existing.FullName}”使用", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task An_agency_cannot_be_made_its_own_ancestor(Db db)
    {
        var app = GongkaiApp.For(db);
        var top = await app.NewAgencyAsync(null);
        var middle = await app.NewAgencyAsync(top.Id);
        var bottom = await app.NewAgencyAsync(middle.Id);
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));

        var underGrandchild = await client.PostFormAsync($"/admin/agencies/edit/{top.Id}", $"/admin/agencies/edit/{top.Id}", Form(top.FullName, top.CreditCode, bottom.Id));
        var underItself = await client.PostFormAsync($"/admin/agencies/edit/{middle.Id}", $"/admin/agencies/edit/{middle.Id}", Form(middle.FullName, middle.CreditCode, middle.Id));

        Assert.Contains("会形成循环", await underGrandchild.Content.ReadAsStringAsync());
        Assert.Contains("不能作为自己的上级", await underItself.Content.ReadAsStringAsync());
        Assert.Null((await app.AgencyAsync(top.FullName)).ParentId);
        Assert.Equal(top.Id, (await app.AgencyAsync(middle.FullName)).ParentId);
    }

    [Fact]
    public async Task Moving_an_agency_is_recorded_with_its_old_and_new_parent()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var from = await app.NewAgencyAsync(null);
        var to = await app.NewAgencyAsync(null);
        var moving = await app.NewAgencyAsync(from.Id);
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));

        var response = await client.PostFormAsync($"/admin/agencies/edit/{moving.Id}", $"/admin/agencies/edit/{moving.Id}", Form(moving.FullName, moving.CreditCode, to.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(to.Id, (await app.AgencyAsync(moving.FullName)).ParentId);
        var entry = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().SingleAsync(e => e.Target == moving.FullName && e.Action == AuditActions.AgencyMoved));
        Assert.Contains(from.FullName, entry.Details);
        Assert.Contains(to.FullName, entry.Details);
    }

    [Fact]
    public async Task An_agency_with_active_children_cannot_be_deactivated_but_a_leaf_can()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var parent = await app.NewAgencyAsync(null);
        var child = await app.NewAgencyAsync(parent.Id);
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));

        var refused = await client.PostFormAsync("/admin/agencies", "/admin/agencies?handler=SetActive", new() { ["id"] = $"{parent.Id}", ["active"] = "false" });
        var done = await client.PostFormAsync("/admin/agencies", "/admin/agencies?handler=SetActive", new() { ["id"] = $"{child.Id}", ["active"] = "false" });

        Assert.Contains("还有启用中的下级机关", await refused.Content.ReadAsStringAsync());
        Assert.True((await app.AgencyAsync(parent.FullName)).IsActive);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.False((await app.AgencyAsync(child.FullName)).IsActive);
        Assert.DoesNotContain(child.FullName, await app.Browser().GetStringAsync("/api/agencies"));
    }

    [Fact]
    public async Task A_supervisor_cannot_deactivate_an_agency_even_with_a_valid_form()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var parent = await app.NewAgencyAsync(null);
        var leaf = await app.NewAgencyAsync(parent.Id);
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, parent.Id));

        var response = await client.PostFormAsync("/admin/agencies", "/admin/agencies?handler=SetActive", new() { ["id"] = $"{leaf.Id}", ["active"] = "false" });

        Assert.True(response.IsRedirectTo("/admin/access-denied"), $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.True((await app.AgencyAsync(leaf.FullName)).IsActive);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task The_api_creates_agencies_and_refuses_bad_input_with_chinese_problem_details(Db db)
    {
        var app = GongkaiApp.For(db);
        var parent = await app.NewAgencyAsync(null);
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));
        var name = "接口新增机关" + Guid.NewGuid().ToString("N")[..6];

        var created = await client.PostAsJsonAsync("/api/agencies", new { fullName = name, shortName = "接口", creditCode = GongkaiApp.UniqueCreditCode(), level = "Township", parentId = parent.Id });
        var invalid = await client.PostAsJsonAsync("/api/agencies", new { fullName = "", shortName = "坏", creditCode = "123", level = "Township", parentId = parent.Id });
        using var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(AgencyLevel.Township, (await app.AgencyAsync(name)).Level);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("请填写机关全称", errors.GetProperty("FullName")[0].GetString());
        Assert.Contains("应为 18 位", errors.GetProperty("CreditCode")[0].GetString());
    }

    [Fact]
    public async Task The_api_accepts_only_json_so_a_cross_site_form_cannot_post_to_it()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));
        var name = "表单伪造机关" + Guid.NewGuid().ToString("N")[..6];

        var response = await client.PostAsync("/api/agencies", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["fullName"] = name,
            ["shortName"] = "伪造",
            ["creditCode"] = GongkaiApp.UniqueCreditCode(),
            ["level"] = "Department",
        }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.False(await app.WithDbAsync(d => d.Agencies.AnyAsync(a => a.FullName == name)));
    }
}

using System.Net;
using System.Text.Json;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Auditing;

public sealed class AuditLogTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task The_audit_log_cannot_be_changed_or_deleted_even_with_sql(Db db)
    {
        var app = GongkaiApp.For(db);
        var staff = await app.NewStaffAsync(StaffRoles.Clerk, (await app.AgencyAsync("示例区人民政府办公室")).Id);
        await app.LoginAsync(staff);
        var id = await app.WithDbAsync(d => d.AuditEntries.Where(e => e.UserName == staff.UserName).Select(e => e.Id).FirstAsync());

        var tracked = await Record.ExceptionAsync(() => app.WithDbAsync(async d =>
        {
            var entry = await d.AuditEntries.SingleAsync(e => e.Id == id);
            entry.Details = "篡改";
            return await d.SaveChangesAsync();
        }));
        var update = await Record.ExceptionAsync(() => app.WithDbAsync(d => d.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Details\" = 'x' WHERE \"Id\" = {id}")));
        var delete = await Record.ExceptionAsync(() => app.WithDbAsync(d => d.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {id}")));

        Assert.IsType<InvalidOperationException>(tracked);
        Assert.NotNull(update);
        Assert.NotNull(delete);
        Assert.Contains("append-only", update.Message + update.InnerException?.Message);
        var entry = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Null(entry.Details);
    }

    [Fact]
    public async Task Calendar_versions_cannot_be_changed_with_sql_either()
    {
        var app = GongkaiApp.For(Db.Sqlite);

        var update = await Record.ExceptionAsync(() => app.WithDbAsync(d => d.Database.ExecuteSqlRawAsync("UPDATE \"CalendarVersions\" SET \"Note\" = 'x'")));

        Assert.NotNull(update);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Every_history_refuses_to_be_changed_or_deleted_with_sql(Db db)
    {
        var app = GongkaiApp.For(db);

        foreach (var table in Gongkai.Infrastructure.Persistence.AppendOnlyTriggers.Tables)
        {
            if (db == Db.Sqlite)
            {
                // Row triggers: both exist (what they do is shown on the audit log above). Other triggers on the table
                // (the report tallies' on the request events) add to its history, never change it.
                var triggers = await app.WithDbAsync(d => d.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = {table} AND (name LIKE '%_no_delete' OR name LIKE '%_no_update')").ToListAsync());
                Assert.Equal([$"{table}_no_delete", $"{table}_no_update"], triggers.Order());
                continue;
            }

            // PostgreSQL's statement trigger refuses a change even when no row matches.
            // The table names are the constant list above, not input.
            var updateSql = $"UPDATE \"{table}\" SET \"Id\" = \"Id\" WHERE \"Id\" < 0";
            var deleteSql = $"DELETE FROM \"{table}\" WHERE \"Id\" < 0";
            var update = await Record.ExceptionAsync(() => app.WithDbAsync(d => d.Database.ExecuteSqlRawAsync(updateSql)));
            var delete = await Record.ExceptionAsync(() => app.WithDbAsync(d => d.Database.ExecuteSqlRawAsync(deleteSql)));
            Assert.Contains("append-only", update?.Message + update?.InnerException?.Message);
            Assert.Contains("append-only", delete?.Message + delete?.InnerException?.Message);
        }
    }

    [Fact]
    public async Task Logins_failures_and_the_wait_after_them_are_recorded_with_the_address()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var staff = await app.NewStaffAsync(StaffRoles.Handler, (await app.AgencyAsync("示例区人民政府办公室")).Id);
        var client = app.Browser();

        string? lastPage = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = staff.UserName, ["Password"] = "wrong-password-1" });
            lastPage = await response.Content.ReadAsStringAsync();
        }

        var rightPasswordWhileLocked = await client.PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = staff.UserName, ["Password"] = staff.Password });

        Assert.Contains("用户名或密码不正确", lastPage);
        // Past the free failures the same address waits before a password is checked again, even the right one.
        Assert.Equal(HttpStatusCode.TooManyRequests, rightPasswordWhileLocked.StatusCode);
        Assert.Contains("秒后再试", await rightPasswordWhileLocked.Content.ReadAsStringAsync());
        var entries = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.UserName == staff.UserName).ToListAsync());
        Assert.Equal(5, entries.Count(e => e.Action == AuditActions.LoginFailed));
        Assert.Equal(1, entries.Count(e => e.Action == AuditActions.LoginThrottled));
        Assert.DoesNotContain(entries, e => e.Action == AuditActions.LoginSucceeded);
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.IpAddress)));
        // The password typed is never recorded.
        Assert.DoesNotContain(entries, e => (e.Details ?? "").Contains("wrong-password-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Administrators_filter_the_log_by_action_and_user_and_see_only_their_subtree()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var bureau = await app.AgencyAsync("示例区教育局");
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var bureauClerk = await app.NewStaffAsync(StaffRoles.Clerk, bureau.Id);
        var officeClerk = await app.NewStaffAsync(StaffRoles.Clerk, office.Id);
        await app.LoginAsync(bureauClerk);
        await app.LoginAsync(officeClerk);
        var bureauAdmin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, bureau.Id));
        var platformAdmin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));

        var bureauView = await bureauAdmin.GetStringAsync($"/admin/audit?action={AuditActions.LoginSucceeded}&user=clerk-");
        var platformView = await platformAdmin.GetStringAsync($"/admin/audit?action={AuditActions.LoginSucceeded}&user={officeClerk.UserName}");
        using var api = JsonDocument.Parse(await platformAdmin.GetStringAsync($"/api/audit?user={bureauClerk.UserName}"));

        Assert.Contains(bureauClerk.UserName, bureauView);
        Assert.DoesNotContain(officeClerk.UserName, bureauView);
        Assert.Contains(officeClerk.UserName, platformView);
        Assert.DoesNotContain(bureauClerk.UserName, platformView);
        var rows = api.RootElement.EnumerateArray().ToList();
        Assert.Single(rows);
        Assert.Equal("登录成功", rows[0].GetProperty("actionName").GetString());
    }
}

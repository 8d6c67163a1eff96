using System.Net;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Persistence;

public sealed class FirstRunTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Demo_data_makes_a_fictional_district_with_one_account_per_role(Db db)
    {
        using var app = new GongkaiApp(db, demoData: true);
        _ = app.Server;

        var agencies = await app.WithDbAsync(d => d.Agencies.AsNoTracking().ToListAsync());
        var users = await app.WithDbAsync(d => d.Users.AsNoTracking().ToListAsync());

        Assert.Contains(agencies, a => a.FullName == "示例区人民政府" && a.ParentId == null);
        Assert.Contains(agencies, a => a.FullName == "示例区人民政府办公室");
        Assert.All(agencies, a => Assert.True(a.IsDemo && a.FullName.StartsWith("示例区", StringComparison.Ordinal)));
        Assert.All(agencies, a => Assert.True(Gongkai.Core.Agencies.UnifiedSocialCreditCode.IsValid(a.CreditCode)));
        Assert.Equal(StaffRoles.All.Count, users.Count);
        Assert.All(users, u => Assert.True(u.IsDemo));
        Assert.Equal(1, await app.WithDbAsync(d => d.CalendarVersions.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Without_demo_data_the_first_run_makes_one_administrator_with_a_one_time_password(Db db)
    {
        using var app = new GongkaiApp(db, demoData: false);
        using var scope = app.Services.CreateScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();

        // The host already initialized its empty database at start; a second start issues nothing new.
        var again = await initializer.InitializeAsync();
        var admin = await app.WithDbAsync(d => d.Users.AsNoTracking().SingleAsync());

        Assert.Empty(again);
        Assert.Equal("admin", admin.UserName);
        Assert.Null(admin.AgencyId);
        Assert.True(admin.MustChangePassword);
        Assert.Empty(await app.WithDbAsync(d => d.Agencies.ToListAsync()));
        var home = await app.Browser().GetStringAsync("/");
        Assert.Contains("尚未设置机关", home);
    }

    [Fact]
    public async Task A_one_time_password_leads_only_to_the_change_password_page_until_changed()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoData: false);
        var staff = await app.NewStaffAsync(StaffRoles.Administrator, null, mustChangePassword: true);
        var client = await app.LoginAsync(staff);

        var blocked = await client.GetAsync("/admin/agencies");
        var mismatch = await client.PostFormAsync("/admin/account/password", "/admin/account/password", new() { ["Current"] = staff.Password, ["New"] = "new-pass-2026a", ["Confirm"] = "other-pass-2026" });
        var changed = await client.PostFormAsync("/admin/account/password", "/admin/account/password", new() { ["Current"] = staff.Password, ["New"] = "new-pass-2026a", ["Confirm"] = "new-pass-2026a" });
        var afterwards = await client.GetAsync("/admin/agencies");

        Assert.True(blocked.IsRedirectTo("/admin/account/password"), $"{(int)blocked.StatusCode} {blocked.Headers.Location}");
        Assert.Contains("两次输入的新密码不一致", await mismatch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.False(await app.WithDbAsync(d => d.Users.Where(u => u.UserName == staff.UserName).Select(u => u.MustChangePassword).SingleAsync()));
    }

    [Fact]
    public async Task The_sqlite_database_runs_in_wal_mode_and_keeps_data_protection_keys()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, (await app.AgencyAsync("示例区人民政府办公室")).Id));

        var mode = await app.WithDbAsync(d => d.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        var keys = await app.WithDbAsync(d => d.DataProtectionKeys.CountAsync());

        Assert.Equal("wal", Assert.Single(mode));
        Assert.True(keys >= 1);
        Assert.True(File.Exists(Path.Combine(app.Database.DataDirectory, "gongkai.db")));
    }

    [Fact]
    public async Task A_disabled_account_can_no_longer_log_in()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var staff = await app.NewStaffAsync(StaffRoles.Clerk, office.Id);
        var admin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, office.Id));
        var id = await app.WithDbAsync(d => d.Users.Where(u => u.UserName == staff.UserName).Select(u => u.Id).SingleAsync());

        var disable = await admin.PostFormAsync("/admin/users", "/admin/users?handler=SetDisabled", new() { ["id"] = id, ["disabled"] = "true" });
        var login = await app.Browser().PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = staff.UserName, ["Password"] = staff.Password });

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("用户名或密码不正确", await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_database_from_before_the_migrations_were_squashed_is_refused_with_what_to_do()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-old-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "old.db")};Pooling=False";
        try
        {
            var options = new DbContextOptionsBuilder<SqliteGongkaiDbContext>();
            PersistenceServices.ConfigureSqlite(options, connectionString);
            using var db = new SqliteGongkaiDbContext(options.Options);
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261129070237_Interaction', '10.0.0');
                CREATE TABLE "Agencies" ("Id" INTEGER PRIMARY KEY);
                """);
            var settings = new Gongkai.Infrastructure.GongkaiSettings(folder.FullName, Gongkai.Infrastructure.DatabaseProvider.Sqlite, connectionString, DemoData: false);
            var initializer = new DatabaseInitializer(db, settings, null!, null!, null!, null!, TimeProvider.System);

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.MigrateAsync());

            Assert.Contains("20261129070237_Interaction", refused.Message, StringComparison.Ordinal);
            Assert.Contains("请备份后删除该数据库", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}

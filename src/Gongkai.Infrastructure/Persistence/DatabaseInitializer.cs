using System.Security.Cryptography;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Demo;
using Gongkai.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Persistence;

/// <summary>
/// Brings a database up to date at start: migrations, roles, the built-in holiday schedule, and on an empty
/// database either the demo data or a first administrator. Passwords made here are returned to the caller to
/// show once on the console; they are never logged.
/// </summary>
public sealed class DatabaseInitializer(
    GongkaiDbContext db,
    GongkaiSettings settings,
    CalendarStore calendar,
    RoleManager<IdentityRole> roles,
    UserManager<StaffUser> users,
    IServiceProvider services,
    TimeProvider clock)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        // A database made by a development build before the migrations were squashed into one Initial would fail
        // halfway ("table already exists"): say what it is and what to do instead.
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        if (applied.Count > 0 && !applied.Any(known.Contains))
        {
            throw new InvalidOperationException(
                $"数据库由开发阶段的旧版本创建（已应用的迁移：{applied[^1]}），与本版本的迁移记录不相容，无法升级。请备份后删除该数据库（SQLite 为数据文件），由本程序重新创建。");
        }

        await db.Database.MigrateAsync(ct);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while a request is written, and survives a crash mid-write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await OptimizeAsync(ct);
        }
    }

    /// <summary>
    /// Refreshes SQLite's table statistics (about a second per million requests): without them its planner does not use
    /// the skip-scans and covering indexes the year ledger relies on. PostgreSQL's autovacuum does this itself.
    /// </summary>
    public async Task OptimizeAsync(CancellationToken ct = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        }
    }

    /// <summary>
    /// Migrations, roles and the built-in holiday schedule: what every command needs. Under the startup lock, so that
    /// nodes and commands starting together on one PostgreSQL database do it once.
    /// </summary>
    public async Task PrepareAsync(CancellationToken ct = default)
    {
        await using var held = await Nodes.StartupLock.AcquireAsync(settings, ct);
        await PrepareUnlockedAsync(ct);
    }

    private async Task PrepareUnlockedAsync(CancellationToken ct)
    {
        await MigrateAsync(ct);
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        await calendar.EnsureSeededAsync(ct);
        // Requests projected while a deadline past the schedule had no date get their provisional one.
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Requests.RequestStore>(services).RefreshUnknownDeadlinesAsync(ct);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) =>
        !await db.Users.AnyAsync(ct) && !await db.Agencies.AnyAsync(ct);

    /// <summary>The web host's first run: prepare, then on an empty database the demo data or a first administrator.</summary>
    public async Task<IReadOnlyList<IssuedCredential>> InitializeAsync(CancellationToken ct = default)
    {
        // The first seed too: two nodes starting on an empty database must not both seed it.
        await using var held = await Nodes.StartupLock.AcquireAsync(settings, ct);
        await PrepareUnlockedAsync(ct);
        if (!await IsEmptyAsync(ct))
        {
            return [];
        }

        if (settings.DemoData)
        {
            return await SeedDemoDataAsync(ct);
        }

        var password = NewPassword();
        await CreateUserAsync("admin", "系统管理员", agencyId: null, [StaffRoles.Administrator], password, mustChangePassword: true, ct);
        return [new IssuedCredential("admin", password, StaffRoles.Administrator, OneTime: true)];
    }

    /// <summary>The demo district, its accounts, and years of fictional casework with published reports.</summary>
    public async Task<IReadOnlyList<IssuedCredential>> SeedDemoDataAsync(CancellationToken ct = default)
    {
        var credentials = await new DemoDataSeeder(db, users, clock).SeedAsync(ct);
        if (settings.DemoHistory)
        {
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Demo.DemoHistory>(services).SeedAsync(ct);
        }

        return credentials;
    }

    public async Task<StaffUser> CreateUserAsync(string userName, string displayName, int? agencyId, IReadOnlyList<string> roleNames, string password, bool mustChangePassword, CancellationToken ct = default, string createdBy = "系统")
    {
        var user = new StaffUser
        {
            UserName = userName,
            DisplayName = displayName,
            AgencyId = agencyId,
            MustChangePassword = mustChangePassword,
            LockoutEnabled = true,
        };
        // All or nothing: an account without its roles, or without its audit entry, must not remain.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, roleNames));
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserName = createdBy,
            Action = AuditActions.UserCreated,
            Target = userName,
            Details = $"角色：{string.Join("、", roleNames.Select(StaffRoles.DisplayName))}",
            AgencyId = agencyId,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    /// <summary>A random password that meets the policy: 14 characters from an unambiguous alphabet, with digits and letters.</summary>
    public static string NewPassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var all = letters + upper + digits;
        var chars = new char[14];
        chars[0] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>A password made at start, shown once on the console and never logged.</summary>
public sealed record IssuedCredential(string UserName, string Password, string Role, bool OneTime);

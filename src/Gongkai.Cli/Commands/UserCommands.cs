using System.CommandLine;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai users</c>: add, list and disable staff accounts.</summary>
internal static class UserCommands
{
    public static Command Create(CliHost host)
    {
        var users = new Command("users", "工作人员账号。");

        var add = new Command("add", "新增账号，并显示一次性密码（首次登录须修改）。");
        var name = new Option<string>("--name") { Description = "用户名", Required = true };
        var display = new Option<string?>("--display-name") { Description = "姓名（默认同用户名）" };
        var agency = new Option<string?>("--agency") { Description = "所属机关的统一社会信用代码；管理员不填表示平台管理员（全部机关）" };
        var roles = new Option<string[]>("--role") { Description = $"角色，可多次指定：{string.Join(", ", StaffRoles.All)}", AllowMultipleArgumentsPerToken = true };
        var admin = new Option<bool>("--admin") { Description = "系统管理员（等同 --role Administrator）" };
        add.Options.Add(name);
        add.Options.Add(display);
        add.Options.Add(agency);
        add.Options.Add(roles);
        add.Options.Add(admin);
        add.SetAction(async (result, ct) =>
        {
            var roleNames = (result.GetValue(roles) ?? []).ToList();
            if (result.GetValue(admin))
            {
                roleNames.Add(StaffRoles.Administrator);
            }

            roleNames = roleNames.Distinct(StringComparer.Ordinal).ToList();
            if (roleNames.Count == 0)
            {
                throw new CliException("请用 --admin 或 --role 指定至少一个角色。");
            }

            if (roleNames.FirstOrDefault(r => !StaffRoles.IsKnown(r)) is { } unknown)
            {
                throw new CliException($"没有名为“{unknown}”的角色。可用角色：{string.Join(", ", StaffRoles.All)}。");
            }

            await using var services = await host.OpenAsync(ct);
            var db = services.GetRequiredService<GongkaiDbContext>();
            int? agencyId = null;
            if (result.GetValue(agency) is { } code)
            {
                agencyId = await CliHost.AgencyIdAsync(db, code, ct);
            }
            else if (!roleNames.SequenceEqual([StaffRoles.Administrator]))
            {
                throw new CliException("除平台管理员外，每个账号都必须属于一个机关：请用 --agency 指定统一社会信用代码。");
            }

            var userName = result.GetValue(name)!.Trim();
            var password = DatabaseInitializer.NewPassword();
            try
            {
                await services.GetRequiredService<DatabaseInitializer>().CreateUserAsync(
                    userName, result.GetValue(display) ?? userName, agencyId, roleNames, password, mustChangePassword: true, ct, createdBy: CliHost.Actor);
            }
            catch (InvalidOperationException e)
            {
                throw new CliException(e.Message);
            }

            await host.Output.WriteLineAsync($"已创建账号 {userName}（{string.Join("、", roleNames.Select(StaffRoles.DisplayName))}）。");
            await host.Output.WriteLineAsync($"一次性密码：{password}");
            await host.Output.WriteLineAsync("此密码只显示这一次；首次登录后须修改。");
            return 0;
        });

        var list = new Command("list", "列出全部账号：用户名、姓名、所属机关、角色、状态。");
        list.SetAction(async (_, ct) =>
        {
            await using var services = await host.OpenAsync(ct);
            var db = services.GetRequiredService<GongkaiDbContext>();
            var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.FullName, ct);
            var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
            foreach (var u in await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct))
            {
                var agencyName = u.AgencyId is { } a ? names.GetValueOrDefault(a, "?") : "平台（全部机关）";
                var userRoles = string.Join(",", roleRows.Where(r => r.UserId == u.Id).Select(r => r.Name));
                await host.Output.WriteLineAsync($"{u.UserName}\t{u.DisplayName}\t{agencyName}\t{userRoles}\t{(u.IsDisabled ? "已停用" : "正常")}");
            }

            return 0;
        });

        var disable = new Command("disable", "停用账号（立即使其登录失效）。");
        var disableName = new Argument<string>("用户名");
        disable.Arguments.Add(disableName);
        disable.SetAction(async (result, ct) =>
        {
            await using var services = await host.OpenAsync(ct);
            var userManager = services.GetRequiredService<UserManager<StaffUser>>();
            var userName = result.GetValue(disableName)!;
            var user = await userManager.FindByNameAsync(userName) ?? throw new CliException($"没有用户名为 {userName} 的账号。");
            user.IsDisabled = true;
            await userManager.UpdateSecurityStampAsync(user);
            var db = services.GetRequiredService<GongkaiDbContext>();
            db.AuditEntries.Add(new AuditEntry { At = services.GetRequiredService<TimeProvider>().GetUtcNow(), UserName = CliHost.Actor, Action = AuditActions.UserDisabled, Target = user.UserName, AgencyId = user.AgencyId });
            await db.SaveChangesAsync(ct);
            await host.Output.WriteLineAsync($"已停用账号 {user.UserName}。");
            return 0;
        });

        users.Subcommands.Add(add);
        users.Subcommands.Add(list);
        users.Subcommands.Add(disable);
        return users;
    }
}

using System.CommandLine;
using Gongkai.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai demo-data</c>: fills an empty database with the fictional demo district.</summary>
internal static class DemoDataCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("demo-data", "在空数据库中生成虚构的示例区演示数据（机关和每个角色一个账号），并显示各账号的密码。");
        command.SetAction(async (_, ct) =>
        {
            await using var services = await host.OpenAsync(ct);
            var initializer = services.GetRequiredService<DatabaseInitializer>();
            if (!await initializer.IsEmptyAsync(ct))
            {
                throw new CliException("数据库中已有机关或账号，演示数据只能生成在空数据库中。");
            }

            var credentials = await initializer.SeedDemoDataAsync(ct);
            await host.Output.WriteLineAsync("已生成演示数据（示例区，均为虚构）。各账号密码只显示这一次：");
            foreach (var c in credentials)
            {
                await host.Output.WriteLineAsync($"{c.UserName}\t{c.Role}\t{c.Password}");
            }

            return 0;
        });
        return command;
    }
}

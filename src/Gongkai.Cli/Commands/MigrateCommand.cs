using System.CommandLine;
using Gongkai.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai migrate</c>: creates or upgrades the database and loads the bundled holiday schedule.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("migrate", "创建或升级数据库（应用全部迁移），并载入随程序发布的节假日安排。");
        command.SetAction(async (_, ct) =>
        {
            await using var services = await host.OpenAsync(ct);
            await host.Output.WriteLineAsync($"数据库已是最新（{services.GetRequiredService<GongkaiSettings>().Provider}）。");
            return 0;
        });
        return command;
    }
}

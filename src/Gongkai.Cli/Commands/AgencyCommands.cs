using System.CommandLine;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai agencies</c>: lists the agencies.</summary>
internal static class AgencyCommands
{
    public static Command Create(CliHost host)
    {
        var agencies = new Command("agencies", "机关。");
        var list = new Command("list", "列出机关：每行一个，统一社会信用代码、制表符、机关全称。");
        list.SetAction(async (_, ct) =>
        {
            await using var services = await host.OpenAsync(ct);
            var db = services.GetRequiredService<GongkaiDbContext>();
            foreach (var a in await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct))
            {
                await host.Output.WriteLineAsync($"{a.CreditCode}\t{a.FullName}");
            }

            return 0;
        });
        agencies.Subcommands.Add(list);
        return agencies;
    }
}

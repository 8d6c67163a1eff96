using System.CommandLine;
using Gongkai.Cli.Commands;
using Gongkai.Core.Calendar;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai</c>: the same database and settings as the web host (Gongkai:DataDirectory, Gongkai:Database:Provider,
/// ConnectionStrings:Gongkai — from appsettings.json beside the program or environment variables).
/// </summary>
public static class GongkaiCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settingsOverride = null)
    {
        var host = new CliHost(output, error, settingsOverride);
        var root = new RootCommand("Gongkai 政府信息公开平台的命令行工具。与网站使用同一数据库和配置。");
        root.Subcommands.Add(MigrateCommand.Create(host));
        root.Subcommands.Add(UserCommands.Create(host));
        root.Subcommands.Add(AgencyCommands.Create(host));
        root.Subcommands.Add(CalendarCommands.Create(host));
        root.Subcommands.Add(DemoDataCommand.Create(host));
        root.Subcommands.Add(ReportCommands.Create(host));
        root.Subcommands.Add(CheckCommand.Create(host));
        root.Subcommands.Add(ReindexCommand.Create(host));
        root.Subcommands.Add(ClockCommand.Create(host));
        root.Subcommands.Add(PublicationCommands.Create(host));
        root.Subcommands.Add(SupervisionCommands.Create(host));

        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (Exception e) when (e is CliException or CalendarDataException or DateOutsideCalendarException or Gongkai.Infrastructure.AnnualReports.ReportException)
        {
            await error.WriteLineAsync($"错误：{e.Message}");
            return 1;
        }
    }
}

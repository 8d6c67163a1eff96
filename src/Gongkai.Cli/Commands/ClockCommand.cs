using System.CommandLine;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai clock</c>: reckons a request's reply deadline from a timeline file.</summary>
internal static class ClockCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("clock", "按《条例》计算一件申请的答复期限：读入时间线（JSON，见 README），用与办理流程相同的规则推算，并说明每一步。输入有误时退出码为 2。");
        var timeline = new Option<FileInfo>("--timeline") { Description = "时间线 JSON 文件", Required = true };
        var format = new Option<string>("--format") { Description = "输出格式：text 或 json", DefaultValueFactory = _ => "text" };
        command.Options.Add(timeline);
        command.Options.Add(format);
        command.SetAction(async (result, ct) =>
        {
            var how = result.GetValue(format)!.ToLowerInvariant();
            var file = result.GetValue(timeline)!;
            if (how is not ("text" or "json"))
            {
                await host.Error.WriteLineAsync($"错误：--format 只能是 text 或 json，不是“{how}”。");
                return 2;
            }

            if (!file.Exists)
            {
                await host.Error.WriteLineAsync($"错误：找不到文件 {file.FullName}。");
                return 2;
            }

            DeadlineCalculator.Timeline input;
            try
            {
                input = DeadlineCalculator.Parse(await File.ReadAllTextAsync(file.FullName, ct));
            }
            catch (TimelineInputException e)
            {
                await host.Error.WriteLineAsync($"错误：{e.Message}");
                return 2;
            }

            await using var services = await host.OpenAsync(ct);
            var calendar = await services.GetRequiredService<CalendarStore>().GetCalendarAsync(ct);
            var today = Gongkai.Infrastructure.Requests.ChinaDate.Today(services.GetRequiredService<TimeProvider>());
            var answer = DeadlineCalculator.Run(input, calendar, today);
            await host.Output.WriteAsync(how == "json" ? DeadlineCalculator.Json(answer) + Environment.NewLine : DeadlineCalculator.Text(answer));
            return 0;
        });
        return command;
    }
}

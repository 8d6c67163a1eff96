using System.CommandLine;
using System.Globalization;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai calendar</c>: shows and imports the holiday schedule, and counts working days.</summary>
internal static class CalendarCommands
{
    public static Command Create(CliHost host)
    {
        var calendar = new Command("calendar", "国务院节假日安排与工作日计算。");

        var show = new Command("show", "显示某年的节假日和调休上班日。");
        var year = new Argument<int>("年份");
        show.Arguments.Add(year);
        show.SetAction(async (result, ct) =>
        {
            await using var services = await host.OpenAsync(ct);
            var workingDays = await services.GetRequiredService<CalendarStore>().GetCalendarAsync(ct);
            var y = result.GetValue(year);
            var data = workingDays.Schedule.Year(y)
                ?? throw new CliException($"节假日安排中没有 {y} 年的数据（现有 {workingDays.Schedule.FirstYear}–{workingDays.Schedule.LastYear} 年）。");
            await host.Output.WriteLineAsync($"{y} 年节假日（{data.Holidays.Count} 天）：");
            foreach (var d in data.Holidays.Order())
            {
                await host.Output.WriteLineAsync($"  {Iso(d)} 休");
            }

            await host.Output.WriteLineAsync($"{y} 年调休上班日（{data.Workdays.Count} 天）：");
            foreach (var d in data.Workdays.Order())
            {
                await host.Output.WriteLineAsync($"  {Iso(d)} 班");
            }

            return 0;
        });

        var import = new Command("import", "导入新年度或更正的节假日安排（与 cn-holidays.json 同格式）；导入的年份替换现有同年数据，并保存为新版本。");
        var file = new Argument<FileInfo>("文件");
        var note = new Option<string?>("--note") { Description = "说明，如所依据的通知文号" };
        import.Arguments.Add(file);
        import.Options.Add(note);
        import.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"找不到文件 {path.FullName}。");
            }

            var json = await File.ReadAllTextAsync(path.FullName, ct);
            await using var services = await host.OpenAsync(ct);
            var db = services.GetRequiredService<GongkaiDbContext>();
            db.AuditEntries.Add(new AuditEntry
            {
                At = services.GetRequiredService<TimeProvider>().GetUtcNow(),
                UserName = CliHost.Actor,
                Action = AuditActions.CalendarImported,
                Target = "节假日安排",
                Details = $"文件 {path.Name}，SHA-256 {CalendarStore.Sha256(json)}；说明：{result.GetValue(note)}",
            });
            var calendars = services.GetRequiredService<CalendarStore>();
            var before = await calendars.GetCalendarAsync(ct);
            var imported = await calendars.ImportAsync(json, CliHost.Actor, result.GetValue(note), ct);
            await host.Output.WriteLineAsync($"已导入 {string.Join("、", imported.YearsImported)} 年，生成版本 {imported.Version.Id}（SHA-256 {imported.Version.ContentSha256}）。");
            if (imported.ChangedDays.Count > 0)
            {
                await host.Output.WriteLineAsync($"与之前相比变化的日期：{string.Join("、", imported.ChangedDays.Select(Iso))}");
            }

            // Also a new year that changes no known day: the provisional dates reckoned for it become official.
            var after = await calendars.GetCalendarAsync(ct);
            var moved = await services.GetRequiredService<Gongkai.Infrastructure.Requests.RequestStore>()
                .RecomputeOpenDeadlinesAsync(before, after, $"节假日安排变更（版本 {imported.Version.Id}）", ct);
            var lettersMoved = await services.GetRequiredService<Gongkai.Infrastructure.Interaction.LetterStore>().RecomputeProvisionalDueAsync(before, after, ct);
            await host.Output.WriteLineAsync($"{moved} 件申请的答复期限随之调整，已记入各申请的办理记录并告知留有电子邮箱的申请人；{lettersMoved} 件来信的答复期限随之调整。");

            return 0;
        });

        var add = new Command("add", "计算某日之后第 N 个工作日（不含当日，按《条例》的计算方法），以 yyyy-MM-dd 单独一行输出。");
        var date = new Argument<string>("日期") { Description = "yyyy-MM-dd" };
        var days = new Argument<int>("N") { Description = "工作日数" };
        add.Arguments.Add(date);
        add.Arguments.Add(days);
        add.SetAction(async (result, ct) =>
        {
            var text = result.GetValue(date);
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            {
                throw new CliException($"“{text}”不是 yyyy-MM-dd 格式的日期。");
            }

            var n = result.GetValue(days);
            if (n < 0)
            {
                throw new CliException("工作日数不能为负数。");
            }

            await using var services = await host.OpenAsync(ct);
            var workingDays = await services.GetRequiredService<CalendarStore>().GetCalendarAsync(ct);
            var counted = workingDays.Count(start, n);
            await host.Output.WriteLineAsync(Iso(counted.Date));
            if (counted.Provisional)
            {
                // The date stays alone on standard output for scripts; people read why it may move.
                await host.Error.WriteLineAsync($"预计日期：{workingDays.Schedule.LastYear + 1} 年起的国务院节假日安排尚未导入，按法定节日和周末推算。");
            }
            return 0;
        });

        calendar.Subcommands.Add(show);
        calendar.Subcommands.Add(import);
        calendar.Subcommands.Add(add);
        return calendar;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

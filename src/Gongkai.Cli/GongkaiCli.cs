using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai</c>: the same database and settings as the web host (Gongkai:DataDirectory, Gongkai:Database:Provider,
/// ConnectionStrings:Gongkai — from appsettings.json beside the program or environment variables).
/// </summary>
public static class GongkaiCli
{
    private const string Actor = "命令行";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settingsOverride = null)
    {
        var root = new RootCommand("Gongkai 政府信息公开平台的命令行工具。与网站使用同一数据库和配置。");
        root.Subcommands.Add(Migrate());
        root.Subcommands.Add(Users());
        root.Subcommands.Add(Agencies());
        root.Subcommands.Add(Calendar());
        root.Subcommands.Add(DemoData());
        root.Subcommands.Add(Report());
        root.Subcommands.Add(Check());
        root.Subcommands.Add(Reindex());
        root.Subcommands.Add(Clock());

        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"错误：{e.Message}");
            return 1;
        }
        catch (CalendarDataException e)
        {
            await error.WriteLineAsync($"错误：{e.Message}");
            return 1;
        }
        catch (DateOutsideCalendarException e)
        {
            await error.WriteLineAsync($"错误：{e.Message}");
            return 1;
        }
        catch (Gongkai.Infrastructure.AnnualReports.ReportException e)
        {
            await error.WriteLineAsync($"错误：{e.Message}");
            return 1;
        }

        Command Clock()
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
                    await error.WriteLineAsync($"错误：--format 只能是 text 或 json，不是“{how}”。");
                    return 2;
                }

                if (!file.Exists)
                {
                    await error.WriteLineAsync($"错误：找不到文件 {file.FullName}。");
                    return 2;
                }

                DeadlineCalculator.Timeline input;
                try
                {
                    input = DeadlineCalculator.Parse(await File.ReadAllTextAsync(file.FullName, ct));
                }
                catch (TimelineInputException e)
                {
                    await error.WriteLineAsync($"错误：{e.Message}");
                    return 2;
                }

                await using var services = await OpenAsync(ct);
                var calendar = await services.GetRequiredService<CalendarStore>().GetCalendarAsync(ct);
                var today = Gongkai.Infrastructure.Requests.ChinaDate.Today(services.GetRequiredService<TimeProvider>());
                var answer = DeadlineCalculator.Run(input, calendar, today);
                await output.WriteAsync(how == "json" ? DeadlineCalculator.Json(answer) + Environment.NewLine : DeadlineCalculator.Text(answer));
                return 0;
            });
            return command;
        }

        Command Migrate()
        {
            var command = new Command("migrate", "创建或升级数据库（应用全部迁移），并载入随程序发布的节假日安排。");
            command.SetAction(async (_, ct) =>
            {
                await using var services = await OpenAsync(ct);
                await output.WriteLineAsync($"数据库已是最新（{services.GetRequiredService<GongkaiSettings>().Provider}）。");
                return 0;
            });
            return command;
        }

        Command Users()
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

                await using var services = await OpenAsync(ct);
                var db = services.GetRequiredService<GongkaiDbContext>();
                int? agencyId = null;
                if (result.GetValue(agency) is { } code)
                {
                    agencyId = await AgencyIdAsync(db, code, ct);
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
                        userName, result.GetValue(display) ?? userName, agencyId, roleNames, password, mustChangePassword: true, ct, createdBy: Actor);
                }
                catch (InvalidOperationException e)
                {
                    throw new CliException(e.Message);
                }

                await output.WriteLineAsync($"已创建账号 {userName}（{string.Join("、", roleNames.Select(StaffRoles.DisplayName))}）。");
                await output.WriteLineAsync($"一次性密码：{password}");
                await output.WriteLineAsync("此密码只显示这一次；首次登录后须修改。");
                return 0;
            });

            var list = new Command("list", "列出全部账号：用户名、姓名、所属机关、角色、状态。");
            list.SetAction(async (_, ct) =>
            {
                await using var services = await OpenAsync(ct);
                var db = services.GetRequiredService<GongkaiDbContext>();
                var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.FullName, ct);
                var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
                foreach (var u in await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct))
                {
                    var agencyName = u.AgencyId is { } a ? names.GetValueOrDefault(a, "?") : "平台（全部机关）";
                    var userRoles = string.Join(",", roleRows.Where(r => r.UserId == u.Id).Select(r => r.Name));
                    await output.WriteLineAsync($"{u.UserName}\t{u.DisplayName}\t{agencyName}\t{userRoles}\t{(u.IsDisabled ? "已停用" : "正常")}");
                }

                return 0;
            });

            var disable = new Command("disable", "停用账号（立即使其登录失效）。");
            var disableName = new Argument<string>("用户名");
            disable.Arguments.Add(disableName);
            disable.SetAction(async (result, ct) =>
            {
                await using var services = await OpenAsync(ct);
                var userManager = services.GetRequiredService<UserManager<StaffUser>>();
                var userName = result.GetValue(disableName)!;
                var user = await userManager.FindByNameAsync(userName) ?? throw new CliException($"没有用户名为 {userName} 的账号。");
                user.IsDisabled = true;
                await userManager.UpdateSecurityStampAsync(user);
                var db = services.GetRequiredService<GongkaiDbContext>();
                db.AuditEntries.Add(new AuditEntry { At = services.GetRequiredService<TimeProvider>().GetUtcNow(), UserName = Actor, Action = AuditActions.UserDisabled, Target = user.UserName, AgencyId = user.AgencyId });
                await db.SaveChangesAsync(ct);
                await output.WriteLineAsync($"已停用账号 {user.UserName}。");
                return 0;
            });

            users.Subcommands.Add(add);
            users.Subcommands.Add(list);
            users.Subcommands.Add(disable);
            return users;
        }

        Command Agencies()
        {
            var agencies = new Command("agencies", "机关。");
            var list = new Command("list", "列出机关：每行一个，统一社会信用代码、制表符、机关全称。");
            list.SetAction(async (_, ct) =>
            {
                await using var services = await OpenAsync(ct);
                var db = services.GetRequiredService<GongkaiDbContext>();
                foreach (var a in await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct))
                {
                    await output.WriteLineAsync($"{a.CreditCode}\t{a.FullName}");
                }

                return 0;
            });
            agencies.Subcommands.Add(list);
            return agencies;
        }

        Command Calendar()
        {
            var calendar = new Command("calendar", "国务院节假日安排与工作日计算。");

            var show = new Command("show", "显示某年的节假日和调休上班日。");
            var year = new Argument<int>("年份");
            show.Arguments.Add(year);
            show.SetAction(async (result, ct) =>
            {
                await using var services = await OpenAsync(ct);
                var workingDays = await services.GetRequiredService<CalendarStore>().GetCalendarAsync(ct);
                var y = result.GetValue(year);
                var data = workingDays.Schedule.Year(y)
                    ?? throw new CliException($"节假日安排中没有 {y} 年的数据（现有 {workingDays.Schedule.FirstYear}–{workingDays.Schedule.LastYear} 年）。");
                await output.WriteLineAsync($"{y} 年节假日（{data.Holidays.Count} 天）：");
                foreach (var d in data.Holidays.Order())
                {
                    await output.WriteLineAsync($"  {Iso(d)} 休");
                }

                await output.WriteLineAsync($"{y} 年调休上班日（{data.Workdays.Count} 天）：");
                foreach (var d in data.Workdays.Order())
                {
                    await output.WriteLineAsync($"  {Iso(d)} 班");
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
                await using var services = await OpenAsync(ct);
                var db = services.GetRequiredService<GongkaiDbContext>();
                db.AuditEntries.Add(new AuditEntry
                {
                    At = services.GetRequiredService<TimeProvider>().GetUtcNow(),
                    UserName = Actor,
                    Action = AuditActions.CalendarImported,
                    Target = "节假日安排",
                    Details = $"文件 {path.Name}，SHA-256 {CalendarStore.Sha256(json)}；说明：{result.GetValue(note)}",
                });
                var calendars = services.GetRequiredService<CalendarStore>();
                var before = await calendars.GetCalendarAsync(ct);
                var imported = await calendars.ImportAsync(json, Actor, result.GetValue(note), ct);
                await output.WriteLineAsync($"已导入 {string.Join("、", imported.YearsImported)} 年，生成版本 {imported.Version.Id}（SHA-256 {imported.Version.ContentSha256}）。");
                if (imported.ChangedDays.Count > 0)
                {
                    await output.WriteLineAsync($"与之前相比变化的日期：{string.Join("、", imported.ChangedDays.Select(Iso))}");
                }

                // Also a new year that changes no known day: the provisional dates reckoned for it become official.
                var after = await calendars.GetCalendarAsync(ct);
                var moved = await services.GetRequiredService<Gongkai.Infrastructure.Requests.RequestStore>()
                    .RecomputeOpenDeadlinesAsync(before, after, $"节假日安排变更（版本 {imported.Version.Id}）", ct);
                var lettersMoved = await services.GetRequiredService<Gongkai.Infrastructure.Interaction.LetterStore>().RecomputeProvisionalDueAsync(before, after, ct);
                await output.WriteLineAsync($"{moved} 件申请的答复期限随之调整，已记入各申请的办理记录并告知留有电子邮箱的申请人；{lettersMoved} 件来信的答复期限随之调整。");

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

                await using var services = await OpenAsync(ct);
                var workingDays = await services.GetRequiredService<CalendarStore>().GetCalendarAsync(ct);
                var counted = workingDays.Count(start, n);
                await output.WriteLineAsync(Iso(counted.Date));
                if (counted.Provisional)
                {
                    // The date stays alone on standard output for scripts; people read why it may move.
                    await error.WriteLineAsync($"预计日期：{workingDays.Schedule.LastYear + 1} 年起的国务院节假日安排尚未导入，按法定节日和周末推算。");
                }
                return 0;
            });

            calendar.Subcommands.Add(show);
            calendar.Subcommands.Add(import);
            calendar.Subcommands.Add(add);
            return calendar;
        }

        Command DemoData()
        {
            var command = new Command("demo-data", "在空数据库中生成虚构的示例区演示数据（机关和每个角色一个账号），并显示各账号的密码。");
            command.SetAction(async (_, ct) =>
            {
                await using var services = await OpenAsync(ct);
                var initializer = services.GetRequiredService<DatabaseInitializer>();
                if (!await initializer.IsEmptyAsync(ct))
                {
                    throw new CliException("数据库中已有机关或账号，演示数据只能生成在空数据库中。");
                }

                var credentials = await initializer.SeedDemoDataAsync(ct);
                await output.WriteLineAsync("已生成演示数据（示例区，均为虚构）。各账号密码只显示这一次：");
                foreach (var c in credentials)
                {
                    await output.WriteLineAsync($"{c.UserName}\t{c.Role}\t{c.Password}");
                }

                return 0;
            });
            return command;
        }

        Command Report()
        {
            var report = new Command("report", "政府信息公开工作年度报告。");
            var build = new Command("build", "根据记录生成某机关某年度的年度报告，按输出文件的扩展名选择格式：.docx .html .pdf .xlsx .json。");
            var agency = new Option<string>("--agency") { Description = "机关的统一社会信用代码", Required = true };
            var year = new Option<int>("--year") { Description = "年度", Required = true };
            var subtree = new Option<bool>("--subtree") { Description = "包含下级机关（本级政府汇总）" };
            var outFile = new Option<FileInfo>("--out") { Description = "输出文件", Required = true };
            var format = new Option<Gongkai.Core.AnnualReports.ReportFormat?>("--format") { Description = "报告格式 V2019 或 V2021（默认按年度；选用其他格式时报告会注明）" };
            build.Options.Add(agency);
            build.Options.Add(format);
            build.Options.Add(year);
            build.Options.Add(subtree);
            build.Options.Add(outFile);
            build.SetAction(async (result, ct) =>
            {
                var file = result.GetValue(outFile)!;
                if (!Gongkai.Infrastructure.AnnualReports.ReportExports.ContentTypes.ContainsKey(file.Extension.ToLowerInvariant()))
                {
                    throw new CliException($"不支持导出为“{file.Extension}”：输出文件的扩展名应为 .docx、.html、.pdf、.xlsx 或 .json。");
                }

                var wide = result.GetValue(subtree);
                var step = 0;
                var progress = new SynchronousProgress(message => output.WriteLine(wide ? $"[{++step}/4] {message}" : message));

                await using var services = await OpenAsync(ct);
                var db = services.GetRequiredService<GongkaiDbContext>();
                var agencyId = await AgencyIdAsync(db, result.GetValue(agency)!, ct);
                var model = await services.GetRequiredService<Gongkai.Infrastructure.AnnualReports.ReportBuilder>()
                    .BuildAsync(agencyId, result.GetValue(year), wide, result.GetValue(format), progress: wide ? progress : null, ct: ct);
                if (model.FormatWarning is { } warning)
                {
                    await output.WriteLineAsync($"注意：{warning}");
                }

                if (wide)
                {
                    progress.Report($"写出 {file.Extension} 文件（{model.CoveredAgencies.Count} 个机关）…");
                }

                var bytes = Gongkai.Infrastructure.AnnualReports.ReportExports.Export(model, file.Extension);
                await File.WriteAllBytesAsync(file.FullName, bytes, ct);
                await output.WriteLineAsync($"已生成《{model.Title}》：{file.FullName}");
                foreach (var finding in model.Findings)
                {
                    await output.WriteLineAsync($"  [{finding.RuleId}] {finding.Location}：{finding.Message}");
                }

                return 0;
            });
            report.Subcommands.Add(build);
            return report;
        }

        Command Check()
        {
            var command = new Command("check", "检查已发布的年度报告（文本、网页、.docx、PDF）：表格勾稽关系、格式版本、正文与表格是否一致等。没有错误时退出码为 0，有错误为 1，有文件无法读取为 2。");
            var paths = new Argument<string[]>("path") { Description = "报告文件或文件夹（文件夹中的 .txt .htm .html .docx .pdf .xlsx .json 都会检查，其他文件跳过）", Arity = ArgumentArity.OneOrMore };
            var previous = new Option<FileInfo?>("--previous") { Description = "上一年度的报告（用于 T5 结转衔接和 X3 内容雷同）" };
            var format = new Option<string>("--format") { Description = "输出格式：text、json 或 html", DefaultValueFactory = _ => "text" };
            var summary = new Option<FileInfo?>("--summary") { Description = "把每个文件的结果汇总写入 .csv 或 .html（供研究者批量分析）" };
            command.Arguments.Add(paths);
            command.Options.Add(previous);
            command.Options.Add(format);
            command.Options.Add(summary);
            command.SetAction(async (result, ct) =>
            {
                var how = result.GetValue(format)!.ToLowerInvariant();
                if (how is not ("text" or "json" or "html"))
                {
                    throw new CliException($"--format 只能是 text、json 或 html，不是“{how}”。");
                }

                var files = new List<string>();
                var skippedLines = new List<string>();
                foreach (var path in result.GetValue(paths)!)
                {
                    if (Directory.Exists(path))
                    {
                        // A folder holds other things too (pictures, spreadsheets, lock files): those are named once as skipped, not read.
                        var (reports, skipped) = Gongkai.Infrastructure.Checker.ReportCheck.Folder(path);
                        files.AddRange(reports);
                        if (skipped.Count > 0)
                        {
                            skippedLines.Add(Gongkai.Infrastructure.Checker.ReportCheck.SkippedLine(path, skipped));
                        }
                    }
                    else if (File.Exists(path))
                    {
                        files.Add(path);
                    }
                    else
                    {
                        throw new CliException($"没有这个文件或文件夹：{path}");
                    }
                }

                foreach (var line in skippedLines)
                {
                    // Machine output (json, html) stays one document: the note goes beside the progress.
                    await (how == "text" ? output : error).WriteLineAsync(line);
                }

                Gongkai.Core.Checker.PublishedReport? last = null;
                if (result.GetValue(previous) is { } before)
                {
                    var read = Gongkai.Infrastructure.Checker.ReportCheck.Check(before.Name, await ReadAsync(before.FullName, ct));
                    last = read.Report ?? throw new CliException($"上一年度的报告无法读取：{read.ReadError}");
                }

                var results = new List<Gongkai.Infrastructure.Checker.CheckResult>();
                for (var i = 0; i < files.Count; i++)
                {
                    if (files.Count > 1)
                    {
                        await error.WriteLineAsync($"[{i + 1}/{files.Count}] {files[i]}");
                    }

                    var checkedFile = Gongkai.Infrastructure.Checker.ReportCheck.Check(files[i], await ReadAsync(files[i], ct), last);
                    results.Add(checkedFile);
                    if (how == "text")
                    {
                        await output.WriteAsync(Gongkai.Infrastructure.Checker.ReportCheck.Text(checkedFile));
                    }
                }

                if (how == "json")
                {
                    await output.WriteLineAsync(Gongkai.Infrastructure.Checker.ReportCheck.Json(results));
                }
                else if (how == "html")
                {
                    await output.WriteAsync(Gongkai.Infrastructure.Checker.ReportCheck.Html(results));
                }
                else if (results.Count > 1)
                {
                    await output.WriteLineAsync($"共检查 {results.Count} 个文件：{results.Count(r => r.ReadError is null && r.Count(Gongkai.Core.AnnualReports.Severity.Error) == 0)} 个没有错误，{results.Count(r => r.Count(Gongkai.Core.AnnualReports.Severity.Error) > 0)} 个有错误，{results.Count(r => r.ReadError is not null)} 个无法读取。");
                }

                if (result.GetValue(summary) is { } csv)
                {
                    var page = string.Equals(csv.Extension, ".html", StringComparison.OrdinalIgnoreCase) || string.Equals(csv.Extension, ".htm", StringComparison.OrdinalIgnoreCase);
                    await File.WriteAllTextAsync(csv.FullName, page ? Gongkai.Infrastructure.Checker.ReportCheck.Html(results) : Gongkai.Infrastructure.Checker.ReportCheck.Csv(results), ct);
                }

                return results.Any(r => r.ReadError is not null) ? 2 : results.Any(r => r.Count(Gongkai.Core.AnnualReports.Severity.Error) > 0) ? 1 : 0;
            });
            return command;

            static async Task<byte[]> ReadAsync(string path, CancellationToken ct)
            {
                // Read at most one byte past the limit: a huge file is refused without loading it.
                await using var stream = File.OpenRead(path);
                var buffer = new byte[(int)Math.Min(stream.Length, Gongkai.Infrastructure.Checker.ReportReaders.MaxBytes + 1L)];
                await stream.ReadExactlyAsync(buffer, ct);
                return buffer;
            }
        }

        Command Reindex()
        {
            var command = new Command("reindex", "从数据库重建站内搜索的全文索引（已发布的主动公开文件）。网站运行时会自动维护索引并占用它：重建前请先停止网站。");
            command.SetAction(async (_, ct) =>
            {
                await using var services = await OpenAsync(ct);
                await using var scope = services.CreateAsyncScope();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    // Opening the index takes its write lock, which a running website holds.
                    scope.ServiceProvider.GetRequiredService<PublicationSearch>();
                }
                catch (Lucene.Net.Store.LockObtainFailedException)
                {
                    throw new CliException("搜索索引正被运行中的网站使用。网站运行时会自动更新索引；如需完全重建，请先停止网站再执行 reindex。");
                }

                var total = await scope.ServiceProvider.GetRequiredService<PublicationSearchSource>().CountAsync(ct);
                var bar = new ProgressBar(error, total);
                var count = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(bar, ct);
                bar.Finish(count);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"已重建索引：{count} 件，用时 {clock.Elapsed.TotalSeconds:F1} 秒。"));
                return 0;
            });
            return command;
        }

        async Task<ServiceProvider> OpenAsync(CancellationToken ct)
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .AddInMemoryCollection(settingsOverride ?? new Dictionary<string, string?>())
                .Build();
            var services = new ServiceCollection();
            services.AddLogging();
            var settings = GongkaiSettings.From(configuration, demoDataByDefault: false);
            services.AddGongkaiInfrastructure(settings);
            services.AddGongkaiSearch(settings);
            services.AddGongkaiIdentityCore();
            var provider = services.BuildServiceProvider();
            await using (var scope = provider.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareAsync(ct);
            }

            return provider;
        }
    }

    /// <summary>The agency a credit code names; people type codes, so it is normalized first.</summary>
    private static async Task<int> AgencyIdAsync(GongkaiDbContext db, string code, CancellationToken ct)
    {
        var normalized = UnifiedSocialCreditCode.Normalize(code);
        return await db.Agencies.Where(a => a.CreditCode == normalized).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
            ?? throw new CliException($"没有统一社会信用代码为 {normalized} 的机关（用 gongkai agencies list 查看）。");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A problem the person at the terminal can fix; shown as one Chinese line, exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);

/// <summary>Progress reported on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SynchronousProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}

/// <summary>
/// A bar on the error stream, redrawn in place (<c>[#####     ] 1234/5000</c>), so that standard output keeps only the
/// result. Reports may come from several indexing threads at once.
/// </summary>
internal sealed class ProgressBar(TextWriter writer, int total) : IProgress<int>
{
    private const int Width = 30;
    private readonly System.Threading.Lock _gate = new();
    private int _shown = -1;

    public void Report(int value)
    {
        lock (_gate)
        {
            if (value <= _shown)
            {
                return;
            }

            _shown = value;
            writer.Write("\r" + Line(value, total));
            writer.Flush();
        }
    }

    public void Finish(int done)
    {
        Report(done);
        lock (_gate)
        {
            writer.WriteLine();
        }
    }

    public static string Line(int done, int total)
    {
        var filled = total <= 0 ? Width : (int)Math.Min(Width, (long)done * Width / total);
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string(' ', Width - filled)}] {done}/{total}");
    }
}

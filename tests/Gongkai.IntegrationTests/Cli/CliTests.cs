using System.Net;
using Gongkai.Cli;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Cli;

/// <summary>The CLI run in-process against a database of its own, with the settings the web host would use.</summary>
public sealed class CliTests
{
    private sealed record Run(int ExitCode, string Output, string Error);

    private static async Task<Run> RunAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GongkaiCli.RunAsync(args, output, error, database.Settings(demoData: false));
        return new Run(code, output.ToString(), error.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Calendar_add_prints_the_due_date_alone_on_its_line(Db db)
    {
        using var database = TestDatabase.Create(db);

        var run = await RunAsync(database, "calendar", "add", "2020-09-28", "20");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2020-11-02" + Environment.NewLine, run.Output);
    }

    [Fact]
    public async Task Calendar_add_marks_a_provisional_date_and_refuses_one_it_cannot_reckon_and_a_malformed_date()
    {
        using var database = TestDatabase.Create(Db.Sqlite);

        // Mon 2026-12-28: 12-29…31 (1-3), 2027-01-01 off by law, the weekend, 01-04 (4), 01-05 (5).
        var provisional = await RunAsync(database, "calendar", "add", "2026-12-28", "5");
        var outside = await RunAsync(database, "calendar", "add", "2031-12-31", "5");
        var malformed = await RunAsync(database, "calendar", "add", "2020/09/28", "5");

        Assert.Equal(0, provisional.ExitCode);
        Assert.Equal("2027-01-05" + Environment.NewLine, provisional.Output);
        Assert.Contains("预计日期：2027 年起的国务院节假日安排尚未导入", provisional.Error);
        Assert.Equal(1, outside.ExitCode);
        Assert.Equal("", outside.Output);
        Assert.Contains("超出了节假日安排数据的范围", outside.Error);
        Assert.Equal(1, malformed.ExitCode);
        Assert.Contains("不是 yyyy-MM-dd 格式的日期", malformed.Error);
    }

    [Fact]
    public async Task Calendar_show_lists_holidays_and_make_up_days()
    {
        using var database = TestDatabase.Create(Db.Sqlite);

        var run = await RunAsync(database, "calendar", "show", "2024");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2024-02-10 休", run.Output);
        Assert.Contains("2024-02-04 班", run.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Calendar_import_adds_a_version_and_a_bad_file_writes_nothing(Db db)
    {
        using var database = TestDatabase.Create(db);
        var good = Path.Combine(database.DataDirectory, "2027.json");
        var bad = Path.Combine(database.DataDirectory, "bad.json");
        await File.WriteAllTextAsync(good, """{"2027": {"holidays": ["2027-01-01"], "workdays": []}}""");
        await File.WriteAllTextAsync(bad, """{"2028": {"holidays": ["2028-01-01"], "workdays": ["2028-01-01"]}}""");

        var rejected = await RunAsync(database, "calendar", "import", bad);
        var imported = await RunAsync(database, "calendar", "import", good, "--note", "测试");
        var after = await RunAsync(database, "calendar", "add", "2026-12-31", "1");

        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("既被列为节假日又被列为调休上班日", rejected.Error);
        Assert.Equal(0, imported.ExitCode);
        Assert.True(imported.Output.Contains("已导入 2027 年，生成版本 2", StringComparison.Ordinal), imported.Output + imported.Error);
        Assert.Equal("2027-01-04" + Environment.NewLine, after.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Demo_data_then_agencies_list_prints_code_tab_name(Db db)
    {
        using var database = TestDatabase.Create(db);

        var seeded = await RunAsync(database, "demo-data");
        var again = await RunAsync(database, "demo-data");
        var list = await RunAsync(database, "agencies", "list");

        Assert.Equal(0, seeded.ExitCode);
        Assert.Contains("clerk\tClerk\t", seeded.Output);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("只能生成在空数据库中", again.Error);
        var lines = list.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.Equal("11999999000000001U\t示例区人民政府", lines[0]);
        Assert.All(lines, l => Assert.Matches("^[0-9A-Z]{18}\t示例区", l));
    }

    [Fact]
    public async Task Users_add_admin_gives_a_one_time_password_that_works_on_the_website_sharing_the_database()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoData: false);
        _ = app.Server;

        var added = await RunAsync(app.Database, "users", "add", "--admin", "--name", "chief", "--display-name", "主任");
        var password = added.Output.Split(Environment.NewLine).Single(l => l.StartsWith("一次性密码：", StringComparison.Ordinal))["一次性密码：".Length..];
        var login = await app.Browser().PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = "chief", ["Password"] = password });
        var list = await RunAsync(app.Database, "users", "list");

        Assert.Equal(0, added.ExitCode);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.True(login.IsRedirectTo("/admin/account/password"), $"{login.Headers.Location}");
        Assert.Contains("chief\t主任\t平台（全部机关）\tAdministrator\t正常", list.Output);
    }

    [Fact]
    public async Task Report_recount_counts_the_report_tallies_afresh_from_the_requests()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoHistory: true);
        var requests = await app.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(d.Requests, r => r.ReceivedOn != null));
        // As if a restore or a script had bypassed the triggers.
        await app.WithDbAsync(d => Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(d.Database, "UPDATE \"RequestTallies\" SET \"Count\" = \"Count\" + 3"));

        var run = await RunAsync(app.Database, "report", "recount");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"已重新统计：申请 {requests} 件", run.Output);
        Assert.Equal(requests, await app.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SumAsync(d.RequestTallies, t => t.Count)));
    }

    [Fact]
    public async Task Users_add_refuses_unknown_roles_and_missing_agencies_and_users_disable_works()
    {
        using var database = TestDatabase.Create(Db.Sqlite);
        await RunAsync(database, "demo-data");

        var unknownRole = await RunAsync(database, "users", "add", "--name", "x", "--role", "Boss", "--agency", "11999999000000002Y");
        var noAgency = await RunAsync(database, "users", "add", "--name", "x", "--role", "Clerk");
        var wrongAgency = await RunAsync(database, "users", "add", "--name", "x", "--role", "Clerk", "--agency", "11999999000000009X");
        var added = await RunAsync(database, "users", "add", "--name", "office-clerk", "--role", "Clerk", "--agency", "11999999000000002Y");
        var disabled = await RunAsync(database, "users", "disable", "office-clerk");
        var list = await RunAsync(database, "users", "list");

        Assert.Contains("没有名为“Boss”的角色", unknownRole.Error);
        Assert.Contains("必须属于一个机关", noAgency.Error);
        Assert.Contains("没有统一社会信用代码为", wrongAgency.Error);
        Assert.Equal(0, added.ExitCode);
        Assert.Equal(0, disabled.ExitCode);
        Assert.Contains("office-clerk\toffice-clerk\t示例区人民政府办公室\tClerk\t已停用", list.Output);
    }

    [Fact]
    public async Task Migrate_creates_the_database_in_the_configured_data_folder()
    {
        using var database = TestDatabase.Create(Db.Sqlite);

        var run = await RunAsync(database, "migrate");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(database.DataDirectory, "gongkai.db")));
    }

    [Fact]
    public async Task Report_build_writes_every_format_its_extension_names_and_refuses_what_it_cannot_do()
    {
        using var database = TestDatabase.Create(Db.Sqlite);
        await RunAsync(database, "demo-data");
        var json = Path.Combine(database.DataDirectory, "report.json");

        var built = await RunAsync(database, "report", "build", "--agency", "11999999000000001U", "--year", "2024", "--subtree", "--out", json);
        var files = new Dictionary<string, Run>();
        foreach (var extension in new[] { ".docx", ".html", ".pdf", ".xlsx" })
        {
            files[extension] = await RunAsync(database, "report", "build", "--agency", "11999999000000001U", "--year", "2024", "--out", Path.Combine(database.DataDirectory, "r" + extension));
        }

        var odt = await RunAsync(database, "report", "build", "--agency", "11999999000000001U", "--year", "2024", "--out", Path.Combine(database.DataDirectory, "r.odt"));
        var unknown = await RunAsync(database, "report", "build", "--agency", "11999999000000009X", "--year", "2024", "--out", Path.Combine(database.DataDirectory, "x.json"));
        var tooEarly = await RunAsync(database, "report", "build", "--agency", "11999999000000001U", "--year", "2017", "--out", Path.Combine(database.DataDirectory, "y.json"));

        Assert.Equal(0, built.ExitCode);
        using var report = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal("gongkai.annual-report.v1", report.RootElement.GetProperty("schema").GetString());
        Assert.Equal("示例区人民政府2024年政府信息公开工作年度报告", report.RootElement.GetProperty("title").GetString());
        Assert.Equal("V2021", report.RootElement.GetProperty("format").GetString());
        Assert.Equal(7, report.RootElement.GetProperty("coveredAgencies").GetArrayLength());
        Assert.Equal(30, report.RootElement.GetProperty("requests").GetProperty("rows").GetArrayLength());
        Assert.Equal(0, report.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Contains("[1/4] 统计 7 个机关 2024 年的政府信息公开申请…", built.Output);
        Assert.Contains("[4/4] 写出 .json 文件（7 个机关）…", built.Output);
        Assert.All(files.Values, f => Assert.Equal(0, f.ExitCode));
        Assert.Contains("示例区人民政府2024年政府信息公开工作年度报告", Documents.DocxText(await File.ReadAllBytesAsync(Path.Combine(database.DataDirectory, "r.docx"))));
        Assert.Contains("示例区人民政府2024年政府信息公开工作年度报告", Documents.PdfText(await File.ReadAllBytesAsync(Path.Combine(database.DataDirectory, "r.pdf"))));
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(Path.Combine(database.DataDirectory, "r.html")));
        using (var xlsx = File.OpenRead(Path.Combine(database.DataDirectory, "r.xlsx")))
        {
            Assert.Equal("示例区人民政府2024年政府信息公开工作年度报告", Gongkai.Infrastructure.Documents.Spreadsheet.ReadXlsx(xlsx)[0][0]);
        }

        Assert.Equal(1, odt.ExitCode);
        Assert.Contains("输出文件的扩展名应为 .docx、.html、.pdf、.xlsx 或 .json", odt.Error);
        Assert.False(File.Exists(Path.Combine(database.DataDirectory, "r.odt")));
        Assert.Contains("没有统一社会信用代码为 11999999000000009X 的机关", unknown.Error);
        Assert.False(File.Exists(Path.Combine(database.DataDirectory, "x.json")));
        Assert.Contains("2017 年不在可以生成年度报告的范围内", tooEarly.Error);
    }
}

using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Cli;
using Gongkai.Core.Agencies;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications.Import;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Publications;

/// <summary>
/// Importing an old website's catalog (<c>gongkai publications import</c>): the whole file is checked first and one
/// bad row refuses it all, naming every bad row; duplicates, unsafe attachment paths and files the attachment policy
/// refuses never reach the catalog. Run through the CLI, as an office would.
/// </summary>
public sealed class CatalogImportTests
{
    [Fact]
    public async Task An_xlsx_with_chinese_headers_is_imported_with_excel_dates_and_a_list_of_attachments()
    {
        using var bench = await CatalogImportBench.CreateAsync(Db.Sqlite);
        bench.Write("附件/一.docx", MaliciousFiles.Docx("附件一"));
        bench.Write("附件/二.png", CatalogImportBench.Png);
        var file = bench.Write("目录.xlsx", Xlsx(
            ["标题", "文号", "发布机构", "成文日期", "发布日期", "类型", "主题分类", "公开属性", "正文", "附件"],
            ["关于开展安全生产检查的通知", "示政办〔2022〕7号", "示例区人民政府办公室", 44652, "2022/4/6", "其他文件", "其他", "主动公开", "<p>请各单位自查。</p>", "附件/一.docx; 附件/二.png"],
            ["示例区公共资源交易管理办法", null, null, "2021年12月30日", "2022-01-04", "规范性文件", null, null, null, null]));

        var run = await bench.ImportAsync(file);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"已导入 2 件文件到{CatalogImportBench.AgencyName}。", run.Output);
        var documents = await bench.WithDbAsync(d => d.Publications.AsNoTracking().Include(p => p.Attachments).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal((new DateOnly(2022, 4, 1), new DateOnly(2022, 4, 6), "示政办〔2022〕7号", "示例区人民政府办公室"),
            (documents[0].WrittenOn, documents[0].PublishedOn!.Value, documents[0].DocumentNumber!, documents[0].Issuer));
        Assert.Equal(["一.docx", "二.png"], documents[0].Attachments.OrderBy(a => a.Order).Select(a => a.FileName));
        Assert.Equal((PublicationType.NormativeDocument, CatalogImportBench.AgencyName, PublicationStatus.Published), (documents[1].Type, documents[1].Issuer, documents[1].Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task One_bad_row_among_good_ones_refuses_the_whole_file_naming_every_bad_row(Db db)
    {
        using var bench = await CatalogImportBench.CreateAsync(db);
        var rows = CatalogImportBench.Many(20).Cast<object>().ToList();
        rows[11] = new { title = "关于调整停车收费的通知", writtenOn = "2024-05-10", publishedOn = "2024-05-09", type = "Other" };
        rows[14] = new { title = "关于征收补偿的决定", writtenOn = "2024-05-10", publishedOn = "2024-05-12", type = "决定", category = "不存在的分类", disclosure = "依申请公开" };
        rows[16] = new { writtenOn = "2024-13-01", publishedOn = "2099-01-01", type = "Other" };
        var file = bench.Write("catalog.json", CatalogImportBench.Json([.. rows]));

        var run = await bench.ImportAsync(file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("catalog.json 中有 3 处不合格，没有导入任何文件：", run.Error);
        Assert.Contains("第 12 条（标题“关于调整停车收费的通知”）：发布日期不能早于成文日期（2024-05-10）。", run.Error);
        Assert.Contains("第 15 条（标题“关于征收补偿的决定”）：类型“决定”不认识", run.Error);
        Assert.Contains("主题分类“不存在的分类”不在本机关的目录中", run.Error);
        Assert.Contains("公开属性为“依申请公开”：只导入已主动公开的文件", run.Error);
        Assert.Contains("第 17 条：请填写标题；成文日期“2024-13-01”不是日期", run.Error);
        Assert.Equal(0, await bench.WithDbAsync(d => d.Publications.CountAsync()));
        Assert.Equal(0, await bench.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == AuditActions.PublicationPublished)));
    }

    [Fact]
    public async Task Duplicates_in_the_file_are_refused_and_documents_already_in_the_catalog_are_refused_or_skipped()
    {
        using var bench = await CatalogImportBench.CreateAsync(Db.Sqlite);
        var first = bench.Write("first.json", CatalogImportBench.Json(CatalogImportBench.Many(3)));
        Assert.Equal(0, (await bench.ImportAsync(first)).ExitCode);
        var twice = bench.Write("twice.json", CatalogImportBench.Json(
            new { title = "新通知", number = "示政发〔2025〕1号", writtenOn = "2025-01-02", publishedOn = "2025-01-03", type = "Other" },
            new { title = "另一通知", number = "示政发〔2025〕1号", writtenOn = "2025-01-02", publishedOn = "2025-01-03", type = "Other" },
            new { title = "新通知", writtenOn = "2025-01-02", publishedOn = "2025-01-03", type = "Other" }));
        var again = bench.Write("again.json", CatalogImportBench.Json([.. CatalogImportBench.Many(5)]));

        var duplicates = await bench.ImportAsync(twice);
        var refused = await bench.ImportAsync(again);
        var skipping = await bench.ImportAsync(again, "--skip-existing");

        Assert.Contains("第 2 条（标题“另一通知”）：与第 1 条的文号“示政发〔2025〕1号”相同。", duplicates.Error);
        Assert.Contains("第 3 条（标题“新通知”）：与第 1 条的标题和成文日期相同。", duplicates.Error);
        Assert.Contains("第 1 条（标题“示例文件第1号”）：本机关目录中已有文号为“示政发〔2024〕1号”的文件（如需跳过已有文件，请加 --skip-existing）。", refused.Error);
        Assert.Contains("3 处不合格", refused.Error);
        Assert.True(skipping.ExitCode == 0, skipping.Error);
        Assert.Contains($"已导入 2 件文件到{CatalogImportBench.AgencyName}。", skipping.Output);
        Assert.Contains("跳过 3 件本机关目录中已有的文件", skipping.Output);
        Assert.Equal(5, await bench.WithDbAsync(d => d.Publications.CountAsync()));
        Assert.Contains("跳过目录中已有的 3 件", (await bench.WithDbAsync(d => d.AuditEntries.OrderBy(a => a.Id).LastAsync())).Details);
    }

    [Fact]
    public async Task A_malformed_or_misshapen_file_is_refused_with_a_clear_message()
    {
        using var bench = await CatalogImportBench.CreateAsync(Db.Sqlite);

        var broken = await bench.ImportAsync(bench.Write("broken.json", "[{\"title\": \"通知\", \"writtenOn\": \"2024-01-02\"\n {"));
        var notArray = await bench.ImportAsync(bench.Write("object.json", "{\"title\": \"通知\"}"));
        var misspelt = await bench.ImportAsync(bench.Write("misspelt.json", "[{\"title\": \"通知\", \"writenOn\": \"2024-01-02\"}]"));
        var notXlsx = await bench.ImportAsync(bench.Write("fake.xlsx", "title,writtenOn"));
        var csv = await bench.ImportAsync(bench.Write("catalog.csv", "title,writtenOn"));
        var missing = await bench.ImportAsync(Path.Combine(bench.Folder, "none.json"));

        Assert.Equal([1, 1, 1, 1, 1, 1], new[] { broken, notArray, misspelt, notXlsx, csv, missing }.Select(r => r.ExitCode));
        Assert.Contains("错误：文件不是有效的 JSON（第 2 行", broken.Error);
        Assert.Contains("请检查括号、引号和逗号", broken.Error);
        Assert.Contains("JSON 文件的最外层应为数组", notArray.Error);
        Assert.Contains("不认识的字段：writenOn。", misspelt.Error);
        Assert.Contains("不是有效的 Excel (.xlsx) 文件", notXlsx.Error);
        Assert.Contains("只能导入 .json 或 .xlsx 文件", csv.Error);
        Assert.Contains("找不到文件", missing.Error);
        Assert.All(new[] { broken, notArray, misspelt, notXlsx, csv, missing }, r => Assert.DoesNotContain("Exception", r.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attachments_outside_the_folder_or_refused_by_the_attachment_policy_refuse_the_file()
    {
        using var bench = await CatalogImportBench.CreateAsync(Db.Sqlite);
        bench.Write("files/setup.pdf", "MZ\u0090\u0000 not a pdf"u8.ToArray());
        bench.Write("../outside.png", CatalogImportBench.Png);
        File.CreateSymbolicLink(Path.Combine(bench.Folder, "files", "passwd.pdf"), "/etc/passwd");
        var file = bench.Write("catalog.json", CatalogImportBench.Json(
            new { title = "通知一", writtenOn = "2024-01-02", publishedOn = "2024-01-03", type = "Other", attachments = new[] { "../../etc/passwd" } },
            new { title = "通知二", writtenOn = "2024-01-02", publishedOn = "2024-01-03", type = "Other", attachments = new[] { "/etc/passwd", "../outside.png" } },
            new { title = "通知三", writtenOn = "2024-01-02", publishedOn = "2024-01-03", type = "Other", attachments = new[] { "files/setup.pdf", "files/missing.pdf", "files/passwd.pdf" } }));

        var run = await bench.ImportAsync(file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("第 1 条（标题“通知一”）：附件路径“../../etc/passwd”指向导入文件所在文件夹之外，已拒绝。", run.Error);
        Assert.Contains("附件路径“/etc/passwd”应为相对于导入文件所在文件夹的路径", run.Error);
        Assert.Contains("附件路径“../outside.png”指向导入文件所在文件夹之外", run.Error);
        Assert.Contains("附件“setup.pdf”的内容不是 PDF 文件", run.Error);
        Assert.Contains("找不到附件“files/missing.pdf”", run.Error);
        Assert.Contains("附件路径“files/passwd.pdf”经过符号链接，已拒绝", run.Error);
        Assert.Equal(0, await bench.WithDbAsync(async d => await d.Publications.CountAsync() + await d.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task The_command_and_the_example_of_the_docs_import_as_the_docs_say()
    {
        using var bench = await CatalogImportBench.CreateAsync(Db.Sqlite);
        var page = await File.ReadAllTextAsync(Path.Combine(Documents.RepositoryRoot(), "docs", "proactive-disclosure.md"));
        var section = page[page.IndexOf("## 从旧网站导入目录", StringComparison.Ordinal)..];
        var command = Block(section, "sh").Split(" # ")[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bench.Write("附件/实施方案.pdf", MaliciousFiles.Pdf("0 0 m 100 100 l S"));
        var file = bench.Write("catalog.json", Block(section, "json"));

        Assert.Equal(["gongkai", "publications", "import", "catalog.json", "--agency", CatalogImportBench.Code], command);
        var run = await bench.ImportAsync(file);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"已导入 2 件文件到{CatalogImportBench.AgencyName}。", run.Output);
        Assert.Equal(1, await bench.WithDbAsync(d => d.PublicationAttachments.CountAsync()));
    }

    private static string Block(string markdown, string language)
    {
        var start = markdown.IndexOf("```" + language + "\n", StringComparison.Ordinal) + language.Length + 4;
        return markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)].Trim();
    }

    [Theory]
    [InlineData("2024-03-05", false, "2024-03-05")]
    [InlineData("2024/3/5", false, "2024-03-05")]
    [InlineData("2024年3月5日", false, "2024-03-05")]
    [InlineData("45356", true, "2024-03-05")]
    [InlineData("45356", false, null)]
    [InlineData("2024-02-30", false, null)]
    [InlineData("05/03/2024", false, null)]
    public void Dates_are_read_as_old_sites_and_spreadsheets_write_them(string text, bool fromSheet, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CatalogImport.ParseDate(text, fromSheet));

    [Theory]
    [InlineData("NormativeDocument", PublicationType.NormativeDocument)]
    [InlineData("行政规范性文件", PublicationType.NormativeDocument)]
    [InlineData("规范性文件", PublicationType.NormativeDocument)]
    [InlineData("regulation", PublicationType.Regulation)]
    [InlineData("规章", PublicationType.Regulation)]
    [InlineData("其他文件", PublicationType.Other)]
    [InlineData("1", null)]
    public void Types_are_read_by_code_name_or_catalog_name(string text, PublicationType? expected) =>
        Assert.Equal(expected, CatalogImport.ParseType(text));

    /// <summary>The first sheet, shared strings as Excel writes them; a number is a cell Excel formats as a date.</summary>
    private static byte[] Xlsx(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var data = new SheetData();
            foreach (var values in rows)
            {
                var row = new Row();
                foreach (var value in values)
                {
                    row.Append(value switch
                    {
                        null => new Cell(),
                        int serial => new Cell { DataType = CellValues.Number, CellValue = new CellValue(serial) },
                        _ => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(Shared(strings.SharedStringTable, (string)value)) },
                    });
                }

                data.Append(row);
            }

            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "目录" });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static int Shared(SharedStringTable table, string text)
    {
        table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return table.ChildElements.Count - 1;
    }
}

/// <summary>
/// A database of its own with one agency (示例区人民政府, 11999999000000001U), a folder for the files to import, and
/// the CLI run against them with the settings the web host would use.
/// </summary>
internal sealed class CatalogImportBench : IDisposable
{
    public const string Code = "11999999000000001U";
    public const string AgencyName = "示例区人民政府";

    /// <summary>Starts like a PNG, which is all the attachment policy asks of an image.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private CatalogImportBench(TestDatabase database)
    {
        Database = database;
        Folder = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "old-site", "export")).FullName;
    }

    public sealed record Run(int ExitCode, string Output, string Error);

    public TestDatabase Database { get; }

    /// <summary>Where the import files and their attachments are written.</summary>
    public string Folder { get; }

    public static async Task<CatalogImportBench> CreateAsync(Db kind)
    {
        var bench = new CatalogImportBench(TestDatabase.Create(kind));
        var migrated = await bench.RunAsync("migrate");
        Assert.True(migrated.ExitCode == 0, migrated.Error);
        await bench.WithDbAsync(db =>
        {
            db.Agencies.Add(new Agency { FullName = AgencyName, ShortName = "示例区", CreditCode = Code, Level = AgencyLevel.Government });
            return db.SaveChangesAsync();
        });
        return bench;
    }

    /// <summary><paramref name="count"/> distinct, valid documents of 2024, numbered from 1.</summary>
    public static object[] Many(int count) => Enumerable.Range(1, count).Select(i => (object)new
    {
        title = $"示例文件第{i}号",
        number = $"示政发〔2024〕{i}号",
        writtenOn = "2024-01-02",
        publishedOn = "2024-01-05",
        type = "Other",
        body = $"<p>第{i}号文件的正文。</p>",
    }).ToArray();

    public static string Json(params object[] documents) => JsonSerializer.Serialize(documents);

    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] content)
    {
        var path = Path.GetFullPath(Path.Combine(Folder, name));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public async Task<Run> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GongkaiCli.RunAsync(args, output, error, Database.Settings(demoData: false));
        return new Run(code, output.ToString(), error.ToString());
    }

    public Task<Run> ImportAsync(string file, params string[] options) => RunAsync(["publications", "import", file, "--agency", Code, .. options]);

    public async Task<T> WithDbAsync<T>(Func<GongkaiDbContext, Task<T>> action)
    {
        GongkaiDbContext db;
        if (Database.Kind == Db.Sqlite)
        {
            var sqlite = new DbContextOptionsBuilder<SqliteGongkaiDbContext>();
            PersistenceServices.ConfigureSqlite(sqlite, $"Data Source={Path.Combine(Database.DataDirectory, "gongkai.db")}");
            db = new SqliteGongkaiDbContext(sqlite.Options);
        }
        else
        {
            var postgres = new DbContextOptionsBuilder<PostgresGongkaiDbContext>();
            PersistenceServices.ConfigurePostgres(postgres, Database.ConnectionString!);
            db = new PostgresGongkaiDbContext(postgres.Options);
        }

        await using (db)
        {
            return await action(db);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Database.Dispose();
    }
}

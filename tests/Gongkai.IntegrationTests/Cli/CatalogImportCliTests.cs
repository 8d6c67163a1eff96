using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Publications;
using Gongkai.IntegrationTests.Publications;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Cli;

/// <summary>
/// <c>gongkai publications import</c> run in-process against a database of its own, on both providers: a catalog
/// from an old website becomes published 主动公开 documents, in one run, with one audit entry.
/// </summary>
public sealed class CatalogImportCliTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_json_catalog_becomes_published_proactive_documents_with_safe_bodies_their_attachments_and_one_audit_entry(Db db)
    {
        using var bench = await CatalogImportBench.CreateAsync(db);
        bench.Write("files/通知.docx", MaliciousFiles.Docx("物业服务收费标准附表"));
        bench.Write("files/照片.png", CatalogImportBench.Png);
        var file = bench.Write("catalog.json", CatalogImportBench.Json(
            new
            {
                title = "关于加强物业管理的通知",
                number = "示政办发〔2024〕3号",
                writtenOn = "2024-03-01",
                publishedOn = "2024-03-05",
                type = "Other",
                category = "规划计划",
                disclosure = "主动公开",
                body = "<p>各街道：</p><script>alert('x')</script><p onclick=\"steal()\">请认真贯彻执行。</p>",
                attachments = new[] { "files/通知.docx", "files/照片.png" },
            },
            new { title = "示例区物业管理办法", issuer = "示例区住房和城乡建设局", writtenOn = "2024年3月1日", publishedOn = "2024/3/8", type = "行政规范性文件", body = "第一条 为了规范物业管理。\n第二条 本办法适用于本区。" },
            new { title = "示例区2023年财政决算", writtenOn = "2023-12-29", publishedOn = "2024-01-02", type = "其他文件", attachments = new[] { "files/照片.png" } }));

        var run = await bench.ImportAsync(file);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"已导入 3 件文件到{CatalogImportBench.AgencyName}。", run.Output.Split(Environment.NewLine)[0]);
        Assert.Contains("1 件文件的正文含有脚本等不安全的内容，已删除这些内容后导入。", run.Output);
        Assert.Contains("] 3/3", run.Error);
        var documents = await bench.WithDbAsync(d => d.Publications.AsNoTracking().Include(p => p.Attachments).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(3, documents.Count);
        Assert.All(documents, p => Assert.Equal((PublicationStatus.Published, DisclosureAttribute.Proactive), (p.Status, p.Attribute)));
        Assert.Equal([new DateOnly(2024, 3, 5), new DateOnly(2024, 3, 8), new DateOnly(2024, 1, 2)], documents.Select(p => p.PublishedOn!.Value));
        Assert.Equal(["11999999000000001U/2024-00001", "11999999000000001U/2024-00002", "11999999000000001U/2023-00001"], documents.Select(p => p.IndexNumber));
        var notice = documents[0];
        Assert.Equal(("示政办发〔2024〕3号", CatalogImportBench.AgencyName, "规划计划"), (notice.DocumentNumber!, notice.Issuer, notice.Category!));
        Assert.DoesNotContain("script", notice.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", notice.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("各街道：\n请认真贯彻执行。", notice.Body);
        Assert.Equal(["通知.docx", "照片.png"], notice.Attachments.OrderBy(a => a.Order).Select(a => a.FileName));
        Assert.Contains("物业服务收费标准附表", notice.Attachments.Single(a => a.FileName == "通知.docx").Text);
        var rules = documents[1];
        Assert.Equal((PublicationType.NormativeDocument, "示例区住房和城乡建设局", new DateOnly(2024, 3, 1)), (rules.Type, rules.Issuer, rules.WrittenOn));
        Assert.Equal("<p>第一条 为了规范物业管理。</p><p>第二条 本办法适用于本区。</p>", rules.BodyHtml);
        Assert.Equal(Publication.ImportedNoInterpretationReason, rules.NoInterpretationReason);
        Assert.Equal((Publication.ImportedOpinion, "命令行"), (rules.ReviewOpinion!, rules.PublishedBy!));
        // The picture attached twice is kept once.
        Assert.Equal(2, await bench.WithDbAsync(d => d.StoredFiles.CountAsync()));
        var audit = Assert.Single(await bench.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.PublicationPublished).ToListAsync()));
        Assert.Equal(("命令行", "catalog.json"), (audit.UserName, audit.Target!));
        Assert.Contains($"导入已在原网站发布的主动公开文件 3 件到{CatalogImportBench.AgencyName}", audit.Details);
        Assert.Equal(documents[0].AgencyId, audit.AgencyId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Five_thousand_documents_are_imported_in_one_run(Db db)
    {
        using var bench = await CatalogImportBench.CreateAsync(db);
        var file = bench.Write("catalog.json", CatalogImportBench.Json(CatalogImportBench.Many(5000)));

        var run = await bench.ImportAsync(file);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"已导入 5000 件文件到{CatalogImportBench.AgencyName}。", run.Output);
        Assert.Equal(5000, await bench.WithDbAsync(d => d.Publications.CountAsync(p => p.Status == PublicationStatus.Published)));
        Assert.Contains("] 5000/5000", run.Error);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_failure_after_the_first_batch_was_saved_leaves_nothing_behind(Db db)
    {
        using var bench = await CatalogImportBench.CreateAsync(db);
        // Another agency's document holds the index number the 550th imported document would get.
        await bench.WithDbAsync(async d =>
        {
            var agencyId = await d.Agencies.Select(a => a.Id).SingleAsync();
            d.DisclosureSettings.Add(new DisclosureSettings { AgencyId = agencyId, IndexNumberPattern = "SQ/{year}-{serial:5}" });
            var other = new Gongkai.Core.Agencies.Agency { FullName = "示例区教育局", ShortName = "区教育局", CreditCode = "11999999000000003T" };
            d.Agencies.Add(other);
            await d.SaveChangesAsync();
            var taken = CatalogDocuments.Document(other.Id, "他机关的文件", "2024-01-05");
            taken.IndexNumber = "SQ/2024-00550";
            d.Publications.Add(taken);
            return await d.SaveChangesAsync();
        });
        var file = bench.Write("catalog.json", CatalogImportBench.Json(CatalogImportBench.Many(600)));

        var run = await bench.ImportAsync(file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("索引号“SQ/2024-00550”已被其他机关的文件使用", run.Error);
        Assert.Equal(1, await bench.WithDbAsync(d => d.Publications.CountAsync()));
        Assert.Equal(0, await bench.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == AuditActions.PublicationPublished)));
    }

    [Fact]
    public async Task An_unknown_agency_code_is_refused_before_the_file_is_read()
    {
        using var bench = await CatalogImportBench.CreateAsync(Db.Sqlite);
        var file = bench.Write("catalog.json", CatalogImportBench.Json(CatalogImportBench.Many(1)));

        var run = await bench.RunAsync("publications", "import", file, "--agency", "11999999000000009X");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("没有统一社会信用代码为 11999999000000009X 的机关", run.Error);
        Assert.Equal(0, await bench.WithDbAsync(d => d.Publications.CountAsync()));
    }
}

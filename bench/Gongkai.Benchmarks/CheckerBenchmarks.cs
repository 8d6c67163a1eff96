using BenchmarkDotNet.Attributes;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Checker;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Checker;

namespace Gongkai.Benchmarks;

/// <summary>
/// Checking published reports in bulk (researchers run folders of thousands). Targets per core (bench/README.md):
/// ≥ 500 text, ≥ 100 .docx, ≥ 20 PDF reports a second — read, parsed and checked.
/// </summary>
[MemoryDiagnoser]
public class CheckerBenchmarks
{
    private byte[] _text = [];
    private byte[] _docx = [];
    private byte[] _pdf = [];

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seed-report.txt"));
        var report = Sample();
        _docx = ReportExports.Export(report, ".docx", charts: false);
        _pdf = ReportExports.Export(report, ".pdf");
    }

    [Benchmark]
    public int Text() => ReportCheck.Check("seed.txt", _text).Findings.Count;

    [Benchmark]
    public int Docx() => ReportCheck.Check("report.docx", _docx).Findings.Count;

    [Benchmark]
    public int Pdf() => ReportCheck.Check("report.pdf", _pdf).Findings.Count;

    /// <summary>A 2024 district report with a few dozen requests of every kind (3 pages as PDF).</summary>
    private static AnnualReportModel Sample()
    {
        var random = new Random(7);
        var facts = Enumerable.Range(0, 60).Select(i => new LedgerFact(i, (ApplicantType)(i % 6), new DateOnly(2024, 1 + (i % 12), 3),
            i % 10 == 0 ? null : new DateOnly(2024, 1 + (i % 12), 25), (Outcome)random.Next(0, 21))).ToList();
        var requests = RequestTable.From(YearLedger.From(2024, facts), ReportFormat.V2021);
        var appeals = AppealsTable.From(AppealLedger.From(2024, [new AppealCase { Kind = AppealKind.Reconsideration, Body = "市政府", FiledOn = new DateOnly(2024, 3, 1), Result = AppealResult.Upheld, ConcludedOn = new DateOnly(2024, 5, 1) }]));
        var agency = new Agency { Id = 1, FullName = "示例市示例区人民政府", ShortName = "示例区", CreditCode = "11999999000000001U", Level = AgencyLevel.Government };
        return new AnnualReportModel(agency, 2024, ReportFormat.V2021, null, false, [agency.FullName], new Article20Figures(ReportFormat.V2021), requests, appeals, [],
            ReportDraft.RequestsParagraph(requests), ReportDraft.AppealsParagraph(appeals), ReportDraft.FeesParagraph(ReportFormat.V2021, 0, 0),
            new Dictionary<int, string> { [1] = "2024年，示例区人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。" + ReportDraft.RequestsParagraph(requests), [5] = "一是公开的深度还不够。二是解读形式还比较单一。" })
        {
            Stage = ReportStage.Published,
            PublishedOn = new DateOnly(2025, 3, 20),
        };
    }
}

/// <summary>
/// The rules on a 20 MB text of distinct sentences (N5 used to compare every sentence with every earlier
/// paragraph: about 150 s). The report is built directly, so only the checker is measured, not the parser.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CheckerLargeTextBenchmarks
{
    private PublishedReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pool = string.Concat("政府信息公开工作推进落实完善制度规范平台建设监督保障依法管理服务群众办理答复解读发布更新栏目内容标准流程考核评议".Distinct());
        string Sentence(int i)
        {
            var text = new System.Text.StringBuilder("本年度");
            for (var n = i; n > 0 || text.Length < 9; n /= pool.Length)
            {
                text.Append(pool[n % pool.Length]);
            }

            return text.Append("等项工作按计划有序推进，取得了较好成效。").ToString();
        }

        var lines = new List<string>();
        var bytes = 0L;
        for (var i = 0; bytes < 20L * 1024 * 1024; i += 8)
        {
            var paragraph = string.Concat(Enumerable.Range(i, 8).Select(Sentence));
            lines.Add(paragraph);
            bytes += System.Text.Encoding.UTF8.GetByteCount(paragraph) + 1;
        }

        _lines = lines;
        _report = new PublishedReport { Lines = lines.Select((t, i) => new ReportLine(i + 1, t)).ToList() };
        _report.Prose.AddRange(_report.Lines);
    }

    private List<string> _lines = null!;

    [Benchmark]
    public int TwentyMegabytesOfText() => ReportChecker.Check(_report).Count;

    /// <summary>The same text through the parser first (sections, tables, column positions), as a file is read.</summary>
    [Benchmark]
    public int TwentyMegabytesParsedAndChecked() => ReportChecker.Check(ReportParser.Parse(_lines)).Count;
}

using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;

namespace Gongkai.Core.Tests.AnnualReports;

public sealed class ReportTablesTests
{
    [Theory]
    [InlineData(2019, ReportFormat.V2019)]
    [InlineData(2020, ReportFormat.V2019)]
    [InlineData(2021, ReportFormat.V2021)]
    [InlineData(2025, ReportFormat.V2021)]
    public void The_report_year_chooses_the_format(int year, ReportFormat format)
    {
        Assert.Equal(format, ReportFormats.ForYear(year));
        Assert.Null(ReportFormats.Warning(year, format));
        Assert.Contains("应使用", ReportFormats.Warning(year, format == ReportFormat.V2019 ? ReportFormat.V2021 : ReportFormat.V2019), StringComparison.Ordinal);
    }

    [Fact]
    public void The_two_formats_have_the_published_rows()
    {
        var v2021 = ReportFormats.RequestRows(ReportFormat.V2021);
        var v2019 = ReportFormats.RequestRows(ReportFormat.V2019);

        // 2021: 25 number rows (一、二, 21 outcome leaves, （七）总计, 四); 2019: 23, with one 其他处理 row.
        Assert.Equal(25, v2021.Count(r => r.Kind != RowKind.Heading));
        Assert.Equal(21, v2021.Count(r => r.IsOutcomeLeaf));
        Assert.Equal(23, v2019.Count(r => r.Kind != RowKind.Heading));
        Assert.Equal(19, v2019.Count(r => r.IsOutcomeLeaf));
        Assert.Equal("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", v2021.Single(r => r.Id == RequestsRow.PartiallyDisclosed).Label);
        Assert.Equal("3.危及“三安全一稳定”", v2021.Single(r => r.Id == RequestsRow.WithheldEndangersSecurityOrStability).Label);
        Assert.Equal("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", v2021.Single(r => r.Id == RequestsRow.OtherFeeNotPaid).Label);
        Assert.Equal([Outcome.OtherCorrectionNotSupplied, Outcome.OtherFeeNotPaid, Outcome.OtherOther], v2019.Single(r => r.Id == RequestsRow.OtherHandling).Outcomes);
        // Every outcome is counted in exactly one leaf of each format.
        foreach (var rows in new[] { v2019, v2021 })
        {
            Assert.Equal(Enum.GetValues<Outcome>().Order(), rows.SelectMany(r => r.Outcomes).Order());
        }

        Assert.Equal(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], ApplicantColumns.All.Select(c => c.Label()));
        Assert.Equal(6, ReportFormats.Sections.Count);
    }

    private static List<LedgerFact> RandomFacts(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(1, count).Select(i =>
        {
            DateOnly? received = random.Next(25) == 0 ? null : new DateOnly(2019, 1, 1).AddDays(random.Next(0, 6 * 365));
            DateOnly? decided = received is { } r && random.Next(9) != 0 ? r.AddDays(random.Next(0, 120)) : null;
            return new LedgerFact(i, (ApplicantType)random.Next(6), received, decided, decided is null ? null : (Outcome)random.Next(21));
        }).ToList();
    }

    /// <summary>An independent count, written without the ledger: requests of a type received in the year, etc.</summary>
    private static int Count(IEnumerable<LedgerFact> facts, int year, ApplicantType? type, Func<LedgerFact, DateOnly, DateOnly, bool> predicate)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        return facts.Count(f => (type is null || f.ApplicantType == type) && predicate(f, start, end));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void A_table_built_from_any_ledger_counts_the_cases_and_passes_every_rule(int seed)
    {
        var facts = RandomFacts(seed, 1500);
        for (var year = 2020; year <= 2024; year++)
        {
            var format = ReportFormats.ForYear(year);
            var table = RequestTable.From(YearLedger.From(year, facts), format);
            var lastYear = RequestTable.From(YearLedger.From(year - 1, facts), ReportFormats.ForYear(year - 1));

            Assert.Empty(ReportRules.Check(table, new AppealsTable(), lastYear));
            foreach (var column in ApplicantColumns.All)
            {
                var type = column.Type();
                Assert.Equal(Count(facts, year, type, (f, s, e) => f.ReceivedOn >= s && f.ReceivedOn <= e), table[RequestsRow.NewlyReceived, column]);
                Assert.Equal(Count(facts, year, type, (f, s, e) => f.ReceivedOn < s && (f.DecidedOn is null || f.DecidedOn >= s)), table[RequestsRow.CarriedIn, column]);
                Assert.Equal(Count(facts, year, type, (f, s, e) => f.ReceivedOn <= e && (f.DecidedOn is null || f.DecidedOn > e) && !(f.DecidedOn < s)), table[RequestsRow.CarriedOut, column]);
                Assert.Equal(Count(facts, year, type, (f, s, e) => f.ReceivedOn is not null && f.DecidedOn >= s && f.DecidedOn <= e && f.Outcome == Outcome.PartiallyDisclosed), table[RequestsRow.PartiallyDisclosed, column]);
                Assert.Equal(Count(facts, year, type, (f, s, e) => f.ReceivedOn is not null && f.DecidedOn >= s && f.DecidedOn <= e), table[RequestsRow.Total, column]);
                var otherRow = format == ReportFormat.V2019 ? RequestsRow.OtherHandling : RequestsRow.OtherOther;
                var otherOutcomes = format == ReportFormat.V2019 ? new[] { Outcome.OtherCorrectionNotSupplied, Outcome.OtherFeeNotPaid, Outcome.OtherOther } : [Outcome.OtherOther];
                Assert.Equal(Count(facts, year, type, (f, s, e) => f.ReceivedOn is not null && f.DecidedOn >= s && f.DecidedOn <= e && otherOutcomes.Contains(f.Outcome!.Value)), table[otherRow, column]);
            }
        }
    }

    [Fact]
    public void A_hand_entered_table_that_does_not_add_up_is_told_why()
    {
        var table = new RequestTable(ReportFormat.V2019);
        table[RequestsRow.NewlyReceived, ApplicantColumn.NaturalPerson] = 10;
        table[RequestsRow.CarriedIn, ApplicantColumn.NaturalPerson] = 2;
        table[RequestsRow.Disclosed, ApplicantColumn.NaturalPerson] = 6;
        table[RequestsRow.Total, ApplicantColumn.NaturalPerson] = 7;
        table[RequestsRow.CarriedOut, ApplicantColumn.NaturalPerson] = 4;
        table[RequestsRow.NewlyReceived, ApplicantColumn.Total] = 9;
        var lastYear = new RequestTable(ReportFormat.V2019);
        lastYear[RequestsRow.CarriedOut, ApplicantColumn.NaturalPerson] = 3;
        var appeals = new AppealsTable();
        appeals[AppealKind.Reconsideration, AppealColumn.Upheld] = 2;
        appeals[AppealKind.Reconsideration, AppealColumn.Total] = 3;

        var findings = ReportRules.Check(table, appeals, lastYear);

        Assert.Contains(findings, f => f.RuleId == "T1" && f.Location == "表三 · 自然人列" && f.Message.Contains("12", StringComparison.Ordinal) && f.Message.Contains("11", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == "T2" && f.Message.Contains("各项办理结果之和为 6", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == "T3" && f.Location.Contains("一、本年新收", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == "T4" && f.Location == "表四 · 行政复议");
        Assert.Contains(findings, f => f.RuleId == "T5" && f.Message.Contains("上一年度报告的结转下年度为 3 件", StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
    }

    [Fact]
    public void The_appeals_table_comes_from_the_appeal_ledger_and_adds_up()
    {
        var cases = new[]
        {
            new AppealCase { Kind = AppealKind.Reconsideration, Body = "区政府", FiledOn = new DateOnly(2024, 3, 1), ConcludedOn = new DateOnly(2024, 5, 1), Result = AppealResult.Upheld },
            new AppealCase { Kind = AppealKind.LitigationDirect, Body = "区法院", FiledOn = new DateOnly(2024, 6, 1) },
        };

        var table = AppealsTable.From(AppealLedger.From(2024, cases));

        Assert.Equal(1, table[AppealKind.Reconsideration, AppealColumn.Upheld]);
        Assert.Equal(1, table[AppealKind.Reconsideration, AppealColumn.Total]);
        Assert.Equal(1, table[AppealKind.LitigationDirect, AppealColumn.Pending]);
        Assert.Empty(ReportRules.Check(new RequestTable(ReportFormat.V2021), table));
    }

    [Fact]
    public void Cells_that_the_format_does_not_print_cannot_be_set()
    {
        var table = new RequestTable(ReportFormat.V2021);

        Assert.Throws<ArgumentOutOfRangeException>(() => table[RequestsRow.Withheld, ApplicantColumn.NaturalPerson] = 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => table[RequestsRow.OtherHandling, ApplicantColumn.NaturalPerson] = 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestTable(ReportFormat.V2019)[RequestsRow.OtherCorrectionNotSupplied, ApplicantColumn.NaturalPerson] = 1);
    }
}

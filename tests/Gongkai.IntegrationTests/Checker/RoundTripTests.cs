using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Checker;
using Gongkai.IntegrationTests.AnnualReports;

namespace Gongkai.IntegrationTests.Checker;

/// <summary>Every report Gongkai generates, in every export it reads, checks with zero findings.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string, ReportFormat> Exports()
    {
        var data = new TheoryData<string, ReportFormat>();
        foreach (var extension in new[] { ".html", ".docx", ".pdf", ".xlsx", ".json" })
        {
            foreach (var format in Enum.GetValues<ReportFormat>())
            {
                data.Add(extension, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public void A_generated_report_checks_clean_in_every_export(string extension, ReportFormat format)
    {
        var report = ReportExportTests.Sample(year: format == ReportFormat.V2019 ? 2020 : 2024);
        var file = ReportExports.Export(report, extension);

        var parsed = ReportCheck.Read("report" + extension, file);
        var findings = ReportChecker.Check(parsed);

        Assert.Equal(report.Year, parsed.Year);
        Assert.Equal(format, parsed.Format);
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"[{f.RuleId}] {f.Location}：{f.Message}")));
        Assert.Equal(report.Requests[RequestsRow.NewlyReceived, ApplicantColumn.Total], parsed.RequestTable()[RequestsRow.NewlyReceived, ApplicantColumn.Total]);
        Assert.Equal(report.Requests[RequestsRow.WithheldThirdPartyRights, ApplicantColumn.Business], parsed.RequestTable()[RequestsRow.WithheldThirdPartyRights, ApplicantColumn.Business]);
    }
}

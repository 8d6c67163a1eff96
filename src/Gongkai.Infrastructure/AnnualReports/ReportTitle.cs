using Gongkai.Core.Agencies;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>How a published report is named wherever it is listed: the portal's 年度报告 page and <c>GET /api/reports</c>.</summary>
public static class ReportTitle
{
    public static string Of(AnnualReportRecord record, Agency agency) =>
        $"{agency.FullName}{record.Year}年政府信息公开工作年度报告{(record.Subtree ? "（含所属机关）" : "")}";
}

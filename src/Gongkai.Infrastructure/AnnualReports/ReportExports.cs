using System.Text;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>The export formats of a report, by file extension.</summary>
public static class ReportExports
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".html"] = "text/html; charset=utf-8",
        [".pdf"] = "application/pdf",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".json"] = "application/json; charset=utf-8",
    };

    /// <summary>The report in the format its extension names (with charts where the format shows them).</summary>
    public static byte[] Export(AnnualReportModel report, string extension, bool charts = true) => extension.ToLowerInvariant() switch
    {
        ".docx" => ReportDocx.Write(report, charts ? ReportCharts.For(report) : null),
        ".html" => Encoding.UTF8.GetBytes(ReportHtml.Document(report, charts ? ReportCharts.For(report) : null)),
        ".pdf" => ReportPdf.Write(report) ?? throw new ReportException("本机没有可用的中文字体，无法生成 PDF（请安装 fonts-arphic-gbsn00lp 或 fonts-wqy-zenhei）。"),
        ".xlsx" => ReportXlsx.Write(report),
        ".json" => Encoding.UTF8.GetBytes(ReportJson.Write(report)),
        _ => throw new ReportException($"不支持导出为“{extension}”：可选 .docx、.html、.pdf、.xlsx、.json。"),
    };

    /// <summary>A file name people can keep: 机关2024年政府信息公开工作年度报告.docx.</summary>
    public static string FileName(AnnualReportModel report, string extension) => report.Title + extension;
}

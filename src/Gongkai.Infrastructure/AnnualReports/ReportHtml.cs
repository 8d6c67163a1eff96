using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>The report as an accessible HTML page: real table headers with scopes, captions, charts with text.</summary>
public static class ReportHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public const string Style = """
        .annual-report{font-family:"FangSong","仿宋","STFangsong","Noto Serif CJK SC",serif;line-height:1.8;color:#111}
        .annual-report h1{font-family:"SimSun","宋体","Noto Serif CJK SC",serif;text-align:center;font-size:1.6rem}
        .annual-report h2{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:1.2rem;margin-top:1.5rem}
        .annual-report p{text-indent:2em;margin:.4rem 0}
        .annual-report .draft-mark{text-align:center;color:#b00;text-indent:0}
        .annual-report .signature{text-align:right;text-indent:0}
        .annual-report table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.85rem}
        .annual-report caption{font-weight:bold;padding:.3rem}
        .annual-report th,.annual-report td{border:1px solid #333;padding:.2rem .35rem}
        .annual-report td{text-align:center}
        .annual-report th.indent-1{padding-left:1.5em}.annual-report th.indent-2{padding-left:3em}
        .annual-report th[scope=row],.annual-report th[scope=rowgroup]{text-align:left;font-weight:normal}
        .annual-report figure{margin:1rem 0}.annual-report figure svg{max-width:100%;height:auto}
        """;

    /// <summary>A whole page, what `report build --out x.html` writes.</summary>
    public static string Document(AnnualReportModel report, IReadOnlyList<Chart>? charts = null) =>
        $"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{E(report.Title)}</title>\n<style>\nbody{{max-width:60rem;margin:2rem auto;padding:0 1rem}}\n{Style}\n</style>\n</head>\n<body>\n{Article(report, charts)}</body>\n</html>\n";

    /// <summary>The report's article alone, for the portal page that frames it.</summary>
    public static string Article(AnnualReportModel report, IReadOnlyList<Chart>? charts = null)
    {
        var html = new StringBuilder("<article class=\"annual-report\" lang=\"zh-CN\">\n");
        var section = false;
        foreach (var block in ReportLayout.Blocks(report, charts))
        {
            switch (block.Kind)
            {
                case BlockKind.Title:
                    html.Append("<h1>").Append(E(block.Text)).Append("</h1>\n");
                    break;
                case BlockKind.DraftMark:
                    html.Append("<p class=\"draft-mark\">").Append(E(block.Text)).Append("</p>\n");
                    break;
                case BlockKind.Heading:
                    html.Append(section ? "</section>\n" : "").Append("<section>\n<h2>").Append(E(block.Text)).Append("</h2>\n");
                    section = true;
                    break;
                case BlockKind.Paragraph:
                    html.Append("<p>").Append(E(block.Text)).Append("</p>\n");
                    break;
                case BlockKind.Table:
                    Table(html, block.Table!);
                    break;
                case BlockKind.Chart:
                    // The SVG is ScottPlot's own markup; the description carries every number for screen readers.
                    html.Append("<figure>\n<div role=\"img\" aria-label=\"").Append(E(block.Text)).Append("\">\n")
                        .Append(block.Chart!.Svg.Replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "", StringComparison.OrdinalIgnoreCase).Trim())
                        .Append("\n</div>\n<figcaption>").Append(E(block.Chart.Title)).Append("</figcaption>\n</figure>\n");
                    break;
                case BlockKind.Signature:
                    if (section)
                    {
                        html.Append("</section>\n");
                        section = false;
                    }

                    html.Append("<p class=\"signature\">").Append(E(block.Text)).Append("</p>\n");
                    break;
            }
        }

        return html.Append(section ? "</section>\n" : "").Append("</article>\n").ToString();
    }

    private static void Table(StringBuilder html, Grid grid)
    {
        html.Append("<table>\n");
        if (grid.Caption is not null)
        {
            html.Append("<caption>").Append(E(grid.Caption)).Append("</caption>\n");
        }

        void Rows(IEnumerable<IReadOnlyList<GridCell>> rows)
        {
            foreach (var row in rows)
            {
                html.Append("<tr>");
                foreach (var cell in row)
                {
                    var tag = cell.Header ? "th" : "td";
                    html.Append('<').Append(tag);
                    if (cell.Header && cell.Scope is not null)
                    {
                        html.Append(" scope=\"").Append(cell.Scope).Append('"');
                    }

                    if (cell.RowSpan > 1)
                    {
                        html.Append(" rowspan=\"").Append(cell.RowSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    if (cell.ColSpan > 1)
                    {
                        html.Append(" colspan=\"").Append(cell.ColSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    if (cell.Indent > 0)
                    {
                        html.Append(" class=\"indent-").Append(cell.Indent.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    html.Append('>').Append(E(cell.Text)).Append("</").Append(tag).Append('>');
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("<thead>\n");
        Rows(grid.Head);
        html.Append("</thead>\n<tbody>\n");
        Rows(grid.Body);
        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string text) => Encoder.Encode(text);
}

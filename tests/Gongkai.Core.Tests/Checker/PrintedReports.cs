using Gongkai.Core.AnnualReports;

namespace Gongkai.Core.Tests.Checker;

/// <summary>
/// A complete, correct 2021-format report as agencies print it, in the shapes the checker must read: the numbering
/// of row labels, the title's layout, with or without the 三 heading. Figures: 12 requests received, 1 carried over;
/// 7 disclosed, 2 partly, 1 not held, 1 withheld (third party), 1 carried forward; one reconsideration upheld.
/// </summary>
public static class PrintedReports
{
    public enum Numbering { Dot, Comma, Bracket, Circled, None }

    private static readonly Dictionary<RequestsRow, int[]> Figures = new()
    {
        [RequestsRow.NewlyReceived] = [10, 2, 0, 0, 0, 0, 12],
        [RequestsRow.CarriedIn] = [1, 0, 0, 0, 0, 0, 1],
        [RequestsRow.Disclosed] = [6, 1, 0, 0, 0, 0, 7],
        [RequestsRow.PartiallyDisclosed] = [2, 0, 0, 0, 0, 0, 2],
        [RequestsRow.WithheldThirdPartyRights] = [0, 1, 0, 0, 0, 0, 1],
        [RequestsRow.UnavailableNotHeld] = [1, 0, 0, 0, 0, 0, 1],
        [RequestsRow.Total] = [9, 2, 0, 0, 0, 0, 11],
        [RequestsRow.CarriedOut] = [2, 0, 0, 0, 0, 0, 2],
    };

    public static List<string> Lines(Numbering numbering = Numbering.Dot, bool twoLineTitle = false, bool yearFirst = false, bool requestsHeading = true, bool wrapped = false, bool numbersOnFirstLine = false)
    {
        var lines = new List<string>();
        if (twoLineTitle)
        {
            lines.AddRange(["示例县统计局", "2023年政府信息公开工作年度报告"]);
        }
        else
        {
            lines.Add(yearFirst ? "2023年示例县统计局政府信息公开工作年度报告" : "示例县统计局2023年政府信息公开工作年度报告");
        }

        lines.AddRange([
            "本报告根据《中华人民共和国政府信息公开条例》编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
            "一、总体情况",
            "2023年，本局共收到政府信息公开申请12件，上年结转1件，均已依法答复或按期办理。",
            "本局在门户网站公开统计公报和统计数据解读。",
            "二、主动公开政府信息情况",
        ]);
        foreach (var table in Article20Formats.Tables(ReportFormat.V2021))
        {
            lines.Add(table.Item);
            lines.Add("信息内容\t" + string.Join("\t", table.Columns));
            lines.AddRange(table.Rows.Select(row => row + "\t" + string.Join("\t", table.Columns.Select(_ => "0"))));
        }

        if (requestsHeading)
        {
            lines.Add("三、收到和处理政府信息公开申请情况");
        }

        lines.Add("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况");
        lines.Add("\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计");
        if (wrapped)
        {
            lines.AddRange(WrappedRequestRows(numbering, numbersOnFirstLine));
        }
        else
        {
            foreach (var row in ReportFormats.RequestRows(ReportFormat.V2021).Where(r => r.Kind != RowKind.Heading))
            {
                var cells = Figures.TryGetValue(row.Id, out var f) ? f : [0, 0, 0, 0, 0, 0, 0];
                lines.Add(Label(row.Label, numbering) + "\t" + string.Join("\t", cells));
            }
        }

        lines.AddRange([
            "四、政府信息公开行政复议、行政诉讼情况",
            "行政复议\t行政诉讼",
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉",
            "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
            "五、存在的主要问题及改进情况",
            "政策解读形式还不够丰富。下一步，本局将加强图文解读和数据可视化。",
            "六、其他需要报告的事项",
            "本年度未收取信息处理费。",
        ]);
        return lines;
    }

    /// <summary>
    /// Table 三 as a PDF converted with its layout kept prints it: three label columns (the part heading, the group,
    /// the row) each wrapped to its width, a group's label set in pieces down its merged cell, centred, so that the
    /// pieces stand before the rows' own labels ("（四）无" before one row, "法提供" before the next), and each row's
    /// numbers on the middle line of its wrapped label (or on its first line, as cells aligned to the top print).
    /// </summary>
    private static List<string> WrappedRequestRows(Numbering numbering, bool numbersOnFirstLine)
    {
        var rows = ReportFormats.RequestRows(ReportFormat.V2021);
        var blocks = new List<(string[] Label, int[] Cells, int Depth)>();
        foreach (var row in rows.Where(r => r.Kind != RowKind.Heading))
        {
            var width = row.Depth switch { 0 => 14, 1 => 11, _ => 9 };
            var label = Label(row.Label, numbering);
            var chunks = Enumerable.Range(0, (label.Length + width - 1) / width).Select(c => label.Substring(c * width, Math.Min(width, label.Length - c * width))).ToArray();
            blocks.Add((chunks, Figures.TryGetValue(row.Id, out var f) ? f : [0, 0, 0, 0, 0, 0, 0], row.Depth));
        }

        // Lines of each row, then the heading columns' pieces laid over the lines of the rows they span.
        var columnA = new List<string>();
        var columnB = new List<string>();
        var body = new List<string>();
        var leaves = rows.Where(r => r.Kind != RowKind.Heading).ToList();
        var firstLine = new Dictionary<string, int>();
        for (var b = 0; b < blocks.Count; b++)
        {
            firstLine[leaves[b].Code] = body.Count;
            var (label, cells, depth) = blocks[b];
            var middle = numbersOnFirstLine ? 0 : label.Length / 2;
            for (var l = 0; l < label.Length; l++)
            {
                var indent = depth switch { 0 => "", 1 => new string(' ', 8), _ => new string(' ', 18) };
                var text = indent + label[l];
                body.Add(l == middle ? Pad(text, 40) + string.Concat(cells.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(6))) : text);
                columnA.Add("");
                columnB.Add("");
            }
        }

        foreach (var heading in rows.Where(r => r.Kind == RowKind.Heading))
        {
            var inside = leaves.Where(r => r.Code.StartsWith(heading.Code + ".", StringComparison.Ordinal)).ToList();
            var from = firstLine[inside[0].Code];
            var to = inside.Count < leaves.Count && leaves.IndexOf(inside[^1]) + 1 < leaves.Count ? firstLine[leaves[leaves.IndexOf(inside[^1]) + 1].Code] : body.Count;
            var pieceWidth = heading.Depth == 0 ? 3 : 4;
            var pieces = Enumerable.Range(0, (heading.Label.Length + pieceWidth - 1) / pieceWidth).Select(c => heading.Label.Substring(c * pieceWidth, Math.Min(pieceWidth, heading.Label.Length - c * pieceWidth))).ToList();
            var start = from + Math.Max(0, (to - from - pieces.Count) / 2);
            for (var p = 0; p < pieces.Count && start + p < to; p++)
            {
                (heading.Depth == 0 ? columnA : columnB)[start + p] = pieces[p];
            }
        }

        return body.Select((line, i) =>
        {
            var text = line.StartsWith(new string(' ', 18), StringComparison.Ordinal) ? Pad(columnA[i], 8) + Pad(columnB[i], 10) + line[18..]
                : line.StartsWith(new string(' ', 8), StringComparison.Ordinal) ? Pad(columnA[i], 8) + line[8..]
                : line;
            return text.TrimEnd();
        }).ToList();
    }

    /// <summary>Pads to a width in display columns (a Chinese character is two wide).</summary>
    private static string Pad(string text, int width) => text + new string(' ', Math.Max(1, width - text.Sum(c => c >= 0x1100 ? 2 : 1)));

    private static string Label(string label, Numbering numbering)
    {
        if (label.Length < 3 || !char.IsAsciiDigit(label[0]) || label[1] != '.')
        {
            return label;
        }

        var n = label[0];
        var rest = label[2..];
        return numbering switch
        {
            Numbering.Dot => label,
            Numbering.Comma => $"{n}、{rest}",
            Numbering.Bracket => $"（{n}）{rest}",
            Numbering.Circled => $"{(char)('①' + (n - '1'))}{rest}",
            Numbering.None => rest.Length >= 4 ? rest : label,
            _ => label,
        };
    }
}

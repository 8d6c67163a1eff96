using System.Globalization;
using Gongkai.Core.AnnualReports;
using ScottPlot;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>A chart in both forms: PNG for the .docx and downloads, SVG for the page.</summary>
public sealed record Chart(string Title, string Description, byte[] Png, string Svg);

/// <summary>
/// The report's two charts, with Chinese labels: the year's requests by outcome, and requests received and decided
/// year over year. Skia on Linux finds no CJK font by itself, so one is loaded from a file (wqy-zenhei renders the
/// tick labels best); with none on the machine there are no charts, and the report is complete without them.
/// </summary>
public static class ReportCharts
{
    private const string FontName = "GongkaiChartCjk";
    private const int Width = 720;
    private const int Height = 400;

    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    ];

    private static readonly Lock Gate = new();
    private static bool? _fontLoaded;

    /// <summary>The outcome groups of the request table's 总计 column (（一）…（六）), in the format's order.</summary>
    public static IReadOnlyList<(string Label, int Count)> Outcomes(AnnualReportModel report)
    {
        var rows = report.Requests.Rows;
        var groups = new List<(string, int)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Depth != 1 || row.Kind == RowKind.Total)
            {
                continue;
            }

            var count = row.Kind == RowKind.Leaf
                ? report.Requests[row.Id, ApplicantColumn.Total]
                : rows.Skip(i + 1).TakeWhile(r => r.Depth > 1).Where(r => r.IsOutcomeLeaf).Sum(r => report.Requests[r.Id, ApplicantColumn.Total]);
            // （二）部分公开（区分处理的…） → 部分公开: the chart needs the name, not the counting rule.
            var label = row.Label[3..];
            var paren = label.IndexOf('（', StringComparison.Ordinal);
            groups.Add((paren > 0 ? label[..paren] : label, count));
        }

        return groups;
    }

    /// <summary>Both charts, or none when the machine has no CJK font.</summary>
    public static IReadOnlyList<Chart> For(AnnualReportModel report)
    {
        if (!LoadFont())
        {
            return [];
        }

        var outcomes = Outcomes(report);
        var charts = new List<Chart>
        {
            Bars(
                $"{report.Year}年办理结果",
                $"{report.Year}年办理的政府信息公开申请按办理结果：" + string.Join("，", outcomes.Select(o => $"{o.Label}{o.Count}件")) + "。",
                outcomes.Select(o => o.Label).ToList(),
                [outcomes.Select(o => (double)o.Count).ToArray()],
                [null],
                horizontal: true),
        };
        if (report.History.Count > 1)
        {
            var years = report.History.Select(h => h.Year.ToString(CultureInfo.InvariantCulture) + "年").ToList();
            charts.Add(Bars(
                "历年收到和办结的申请",
                "历年政府信息公开申请：" + string.Join("；", report.History.Select(h => $"{h.Year}年新收{h.Received}件、办结{h.Decided}件")) + "。",
                years,
                [report.History.Select(h => (double)h.Received).ToArray(), report.History.Select(h => (double)h.Decided).ToArray()],
                ["本年新收", "本年办结"],
                horizontal: false));
        }

        return charts;
    }

    private static Chart Bars(string title, string description, IReadOnlyList<string> labels, double[][] series, string?[] names, bool horizontal)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        var palette = new[] { Color.FromHex("#1f5fa8"), Color.FromHex("#c0392b") };
        var width = 0.8 / series.Length;
        var ticks = new List<Tick>();
        for (var s = 0; s < series.Length; s++)
        {
            var bars = new List<Bar>();
            for (var i = 0; i < labels.Count; i++)
            {
                // Horizontal charts read top-down in the format's order.
                var slot = horizontal ? labels.Count - 1 - i : i;
                bars.Add(new Bar
                {
                    Position = slot + ((s - ((series.Length - 1) / 2.0)) * width),
                    Value = series[s][i],
                    Size = width * 0.9,
                    FillColor = palette[s % palette.Length],
                    Label = series[s][i].ToString(CultureInfo.InvariantCulture),
                    Orientation = horizontal ? Orientation.Horizontal : Orientation.Vertical,
                });
            }

            var plottable = plot.Add.Bars(bars);
            plottable.ValueLabelStyle.FontName = FontName;
            if (names[s] is { } name)
            {
                plottable.LegendText = name;
            }
        }

        for (var i = 0; i < labels.Count; i++)
        {
            ticks.Add(new Tick(horizontal ? labels.Count - 1 - i : i, labels[i]));
        }

        var categoryAxis = horizontal ? (IAxis)plot.Axes.Left : plot.Axes.Bottom;
        var valueAxis = horizontal ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        categoryAxis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        categoryAxis.MajorTickStyle.Length = 0;
        valueAxis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (horizontal)
        {
            plot.Axes.Margins(left: 0, right: 0.1);
        }
        else
        {
            plot.Axes.Margins(bottom: 0, top: 0.1);
        }

        if (names.Any(n => n is not null))
        {
            plot.ShowLegend(Alignment.UpperLeft);
            plot.Legend.FontName = FontName;
        }

        plot.Title(title);
        plot.HideGrid();
        return new Chart(title, description, plot.GetImageBytes(Width, Height, ImageFormat.Png), plot.GetSvgXml(Width, Height));
    }

    private static bool LoadFont()
    {
        lock (Gate)
        {
            if (_fontLoaded is { } loaded)
            {
                return loaded;
            }

            var path = FontFiles.FirstOrDefault(File.Exists);
            if (path is not null)
            {
                Fonts.AddFontFile(FontName, path);
            }

            _fontLoaded = path is not null;
            return _fontLoaded.Value;
        }
    }
}

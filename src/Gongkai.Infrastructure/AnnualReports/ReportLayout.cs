using System.Globalization;
using Gongkai.Core.AnnualReports;

namespace Gongkai.Infrastructure.AnnualReports;

public enum BlockKind
{
    Title,
    DraftMark,
    Heading,
    Paragraph,
    Table,
    Chart,
    Signature,
}

/// <summary>One piece of the printed report, in reading order.</summary>
public sealed record Block(BlockKind Kind, string Text, Grid? Table = null, Chart? Chart = null);

/// <summary>
/// The report as a sequence of blocks, the same for every export: the title, the six sections in the format's
/// order with the written text and the tables, the issuing agency and the date of publication.
/// </summary>
public static class ReportLayout
{
    public const string RequestsCaption = "收到和处理政府信息公开申请情况";
    public const string AppealsCaption = "政府信息公开行政复议、行政诉讼情况";

    public static IReadOnlyList<Block> Blocks(AnnualReportModel report, IReadOnlyList<Chart>? charts = null, bool mergedRowHeaders = true)
    {
        var blocks = new List<Block> { new(BlockKind.Title, report.Title) };
        if (!report.Stage.IsLocked())
        {
            blocks.Add(new(BlockKind.DraftMark, $"（{report.Stage.Label()}，未定稿）"));
        }

        blocks.Add(new(BlockKind.Paragraph, $"根据《中华人民共和国政府信息公开条例》规定，编制本报告。{report.Coverage}"));

        void Written(int section)
        {
            blocks.Add(new(BlockKind.Heading, ReportFormats.Sections[section - 1]));
            var lines = report.SectionText(section).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            blocks.AddRange(lines.Length == 0 ? [new Block(BlockKind.Paragraph, "无。")] : lines.Select(l => new Block(BlockKind.Paragraph, l)));
        }

        Written(1);
        blocks.Add(new(BlockKind.Heading, ReportFormats.Sections[1]));
        blocks.AddRange(ReportGrids.Article20(report).Select(g => new Block(BlockKind.Table, g.Caption ?? "", g)));
        blocks.Add(new(BlockKind.Heading, ReportFormats.Sections[2]));
        blocks.Add(new(BlockKind.Table, RequestsCaption, ReportGrids.Requests(report, mergedRowHeaders) with { Caption = RequestsCaption }));
        blocks.AddRange((charts ?? []).Select(c => new Block(BlockKind.Chart, c.Description, Chart: c)));
        blocks.Add(new(BlockKind.Heading, ReportFormats.Sections[3]));
        blocks.Add(new(BlockKind.Table, AppealsCaption, ReportGrids.Appeals(report) with { Caption = AppealsCaption }));
        Written(5);
        Written(6);
        // The date under the signature: the day of publication, and until then a blank date line to write it in, as
        // a document printed for signing has.
        var date = report.PublishedOn is { } on ? on.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : UndatedSignature;
        blocks.Add(new(BlockKind.Signature, report.Agency.FullName));
        blocks.Add(new(BlockKind.Signature, date));

        return blocks;
    }

    /// <summary>The date line of a report not yet published.</summary>
    public const string UndatedSignature = "　　　　年　　月　　日";
}

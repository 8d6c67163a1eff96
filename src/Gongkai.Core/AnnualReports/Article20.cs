namespace Gongkai.Core.AnnualReports;

/// <summary>
/// One small table of the report's section 二 (主动公开): the Art. 20 item it reports, its columns and rows, exactly
/// as the format prints them. <see cref="Unit"/> names a money unit where the format gives one.
/// </summary>
public sealed record Article20Table(string Item, IReadOnlyList<string> Columns, IReadOnlyList<string> Rows, string? Unit = null)
{
    /// <summary>Where a column stands in a printed row of the table; -1 when the table has no such column.</summary>
    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>The figures staff enter (or, later, the publications records supply) for section 二.</summary>
public sealed class Article20Figures
{
    private readonly Dictionary<(string Item, string Row, string Column), decimal> _values = [];

    public Article20Figures(ReportFormat format)
    {
        Format = format;
        Tables = Article20Formats.Tables(format);
    }

    public ReportFormat Format { get; }
    public IReadOnlyList<Article20Table> Tables { get; }

    public decimal this[string item, string row, string column]
    {
        get => _values.GetValueOrDefault((item, row, column));
        set
        {
            var table = Tables.FirstOrDefault(t => t.Item == item);
            if (table is null || !table.Rows.Contains(row) || !table.Columns.Contains(column))
            {
                throw new ArgumentOutOfRangeException(nameof(item), $"“{item} · {row} · {column}”不是{Format.DisplayName()}表一中的格子。");
            }

            _values[(item, row, column)] = value;
        }
    }

    /// <summary>Null when a value can be entered in the cell; otherwise why not, in Chinese.</summary>
    public static string? Validate(Article20Table table, string column, decimal value)
    {
        // Counts are whole and not negative; 本年增/减 may go down; money may have cents, no finer.
        if (column == Article20Formats.Change)
        {
            return decimal.Truncate(value) == value ? null : "增减数应为整数。";
        }

        if (value < 0)
        {
            return "不能为负数。";
        }

        var money = table.Unit is not null || column == Article20Formats.ProcurementAmount;
        if (!money)
        {
            return decimal.Truncate(value) == value ? null : "件数应为整数。";
        }

        return decimal.Round(value, 2) == value ? null : "金额最多保留两位小数。";
    }
}

public static class Article20Formats
{
    /// <summary>第二十条第（一）项: 规章 and (行政)规范性文件.</summary>
    public const string Documents = "第二十条第（一）项";

    /// <summary>第二十条第（八）项: 行政事业性收费.</summary>
    public const string Fees = "第二十条第（八）项";

    /// <summary>2019 format, item (一): the documents published this year.</summary>
    public const string NewlyPublished = "本年新公开数量";

    /// <summary>2019 format, item (一): all documents published to date.</summary>
    public const string PublishedInTotal = "对外公开总数量";

    /// <summary>2019 format: the change from last year, which may go down.</summary>
    public const string Change = "本年增/减";

    /// <summary>2019 format, item (九): money, not a count.</summary>
    public const string ProcurementAmount = "采购总金额";

    public static IReadOnlyList<Article20Table> Tables(ReportFormat format) => format switch
    {
        ReportFormat.V2021 =>
        [
            new(Documents, ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
            new("第二十条第（五）项", ["本年处理决定数量"], ["行政许可"]),
            new("第二十条第（六）项", ["本年处理决定数量"], ["行政处罚", "行政强制"]),
            new(Fees, ["本年收费金额（单位：万元）"], ["行政事业性收费"], "万元"),
        ],
        ReportFormat.V2019 =>
        [
            new(Documents, ["本年新制作数量", NewlyPublished, PublishedInTotal], ["规章", "规范性文件"]),
            new("第二十条第（五）项", ["上一年项目数量", Change, "处理决定数量"], ["行政许可", "其他对外管理服务事项"]),
            new("第二十条第（六）项", ["上一年项目数量", Change, "处理决定数量"], ["行政处罚", "行政强制"]),
            new(Fees, ["上一年项目数量", Change], ["行政事业性收费"]),
            new("第二十条第（九）项", ["采购项目数量", ProcurementAmount], ["政府集中采购"]),
        ],
    };
}

using System.Globalization;
using Gongkai.Core.AnnualReports;
using Gongkai.Infrastructure.Documents;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>One Art. 20 cell to store: the table, its row and column, the value.</summary>
public sealed record Article20Value(Article20Table Table, string Row, string Column, decimal Value);

/// <summary>
/// The Art. 20 figures as a one-sheet workbook for offices that keep them in Excel: a template of every cell that
/// may be entered (项目, 行, 列, 数值), filled with the current values, and the same file read back. A file with any
/// bad row is refused whole, each error naming its row.
/// </summary>
public static class Article20Workbook
{
    public static readonly string[] Header = ["项目", "行", "列", "数值"];

    /// <summary>The template: every cell of <paramref name="figures"/>' tables except those of <paramref name="readOnlyItems"/> (counted, not entered).</summary>
    public static byte[] Template(Article20Figures figures, string agencyName, int year, IReadOnlyCollection<string> readOnlyItems)
    {
        var rows = new List<IReadOnlyList<object?>> { Header };
        foreach (var table in figures.Tables.Where(t => !readOnlyItems.Contains(t.Item)))
        {
            foreach (var row in table.Rows)
            {
                rows.AddRange(table.Columns.Select(column => (IReadOnlyList<object?>)[table.Item, row, column, Plain(figures[table.Item, row, column])]));
            }
        }

        var notes = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{agencyName} {year} 年主动公开数据（《条例》第二十条，{figures.Format.DisplayName()}）" },
            new object?[] { "在第一张工作表的“数值”列填写数字，不要改动项目、行、列；空白按 0 计。" },
            new object?[] { "件数填整数，不能为负数；“本年增/减”可以为负数；金额最多两位小数。" },
            new object?[] { "任何一行有错误时，整个文件都不导入，并列出出错的行号。" },
        };
        if (readOnlyItems.Count > 0)
        {
            notes.Add([$"{string.Join("、", readOnlyItems)}按公开目录中的文件统计，不需填写，也不能导入。"]);
        }

        return Spreadsheet.Write(new Spreadsheet.Sheet("第二十条数据", rows, null, [22, 26, 30, 12]), new Spreadsheet.Sheet("说明", notes, null, [90]));
    }

    /// <summary>The value without the trailing zeros of the stored scale (7, not 7.0000), as people type it.</summary>
    private static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>
    /// The values of a filled template, or the errors (row number → reasons); nothing is returned to store unless
    /// every row is right.
    /// </summary>
    public static (IReadOnlyList<Article20Value> Values, IReadOnlyList<string> Errors) Read(IReadOnlyList<IReadOnlyList<string>> rows, Article20Figures figures, IReadOnlyCollection<string> readOnlyItems)
    {
        var errors = new List<string>();
        var values = new List<Article20Value>();
        if (rows.Count == 0 || !rows[0].Select(c => c.Trim()).Take(Header.Length).SequenceEqual(Header))
        {
            return ([], [$"第 1 行应为表头：{string.Join("、", Header)}。请使用下载的模板。"]);
        }

        var seen = new Dictionary<(string, string, string), int>();
        for (var i = 1; i < rows.Count; i++)
        {
            var number = i + 1;
            var cells = Enumerable.Range(0, Header.Length).Select(c => rows[i].ElementAtOrDefault(c)?.Trim() ?? "").ToList();
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }

            var (item, row, column, text) = (cells[0], cells[1], cells[2], cells[3]);
            string? problem = null;
            var table = figures.Tables.FirstOrDefault(t => t.Item == item);
            var value = 0m;
            if (table is null)
            {
                problem = $"{figures.Format.DisplayName()}中没有“{item}”这一项。";
            }
            else if (readOnlyItems.Contains(item))
            {
                problem = $"{item}按公开目录中的文件统计，不能导入。";
            }
            else if (!table.Rows.Contains(row))
            {
                problem = $"{item}没有“{row}”这一行。";
            }
            else if (!table.Columns.Contains(column))
            {
                problem = $"{item}没有“{column}”这一列。";
            }
            else if (text.Length > 0 && !decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
            {
                problem = $"“{text}”不是数字。";
            }
            else if (Article20Figures.Validate(table, column, value) is { } invalid)
            {
                problem = $"{row} · {column}：{invalid}";
            }
            else if (seen.TryGetValue((item, row, column), out var first))
            {
                problem = $"与第 {first} 行重复（{item} · {row} · {column}）。";
            }

            if (problem is not null)
            {
                errors.Add($"第 {number} 行：{problem}");
                continue;
            }

            seen[(item, row, column)] = number;
            values.Add(new Article20Value(table!, row, column, value));
        }

        if (errors.Count == 0 && values.Count == 0)
        {
            errors.Add("文件中没有数据行。");
        }

        return errors.Count > 0 ? ([], errors) : (values, []);
    }
}

using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Infrastructure.Files;

namespace Gongkai.Infrastructure.Documents;

/// <summary>Plain .xlsx and .csv: sheets of text and numbers out, rows of text in.</summary>
public static class Spreadsheet
{
    /// <summary>A worksheet; <paramref name="Merges"/> are ranges like "A1:C3", <paramref name="Widths"/> column widths in characters.</summary>
    public sealed record Sheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<string>? Merges = null, IReadOnlyList<double>? Widths = null);

    /// <summary>The column letters of a zero-based index (0 → A, 26 → AA).</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    public static byte[] Write(params Sheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var row in sheet.Rows)
                {
                    var r = new Row();
                    foreach (var value in row)
                    {
                        r.Append(value switch
                        {
                            int or long or decimal or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
                            null => new Cell(),
                            _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture)!)) },
                        });
                    }

                    data.Append(r);
                }

                var worksheet = new Worksheet();
                if (sheet.Widths is { Count: > 0 } widths)
                {
                    worksheet.Append(new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
                }

                worksheet.Append(data);
                if (sheet.Merges is { Count: > 0 } merges)
                {
                    worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
                }

                part.Worksheet = worksheet;
                workbook.Workbook.Sheets!.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The first worksheet's rows as text (numbers as written, dates as their serial numbers).</summary>
    public static List<List<string>> ReadXlsx(Stream stream, FileBudget? budget = null)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return ReadSheets(copy.ToArray(), budget ?? FileBudget.Unhurried(), firstOnly: true)[0].Rows;
    }

    /// <summary>
    /// Worksheets by name with their rows, read as a stream of XML (never an object tree of the sheet): rows, columns,
    /// cells and text are counted against <paramref name="budget"/> as they are read. A cell is placed in its column
    /// (a reference beyond XFD1048576 is refused); an empty cell past <see cref="UntrustedFileLimits.MaxColumns"/> only
    /// carries formatting and is skipped. <paramref name="measured"/>: the package was already measured by
    /// <see cref="UntrustedFiles.OpenZip"/> for this budget.
    /// </summary>
    public static List<(string Name, List<List<string>> Rows)> ReadSheets(byte[] content, FileBudget budget, bool firstOnly, bool measured = false)
    {
        using var document = measured
            ? UntrustedFiles.Parse(() => SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false, UntrustedFiles.OpenXmlSettings(budget)), "Excel (.xlsx)")
            : UntrustedFiles.OpenSpreadsheet(content, budget);
        return UntrustedFiles.Parse(() =>
        {
            var workbook = document.WorkbookPart ?? throw UntrustedFileException.Unreadable("不是有效的 .xlsx 文件：没有工作簿。");
            var sheets = SheetsOf(workbook, budget);
            if (sheets.Count == 0)
            {
                throw UntrustedFileException.Unreadable(".xlsx 文件中没有工作表。");
            }

            var shared = SharedStrings(workbook, budget);
            var read = new List<(string Name, List<List<string>> Rows)>();
            foreach (var (name, id) in firstOnly ? sheets.Take(1) : sheets)
            {
                if (workbook.GetPartById(id) is WorksheetPart part)
                {
                    read.Add((name, Rows(part, shared, budget)));
                }
            }

            return read.Count > 0 ? read : throw UntrustedFileException.Unreadable(".xlsx 文件中没有工作表。");
        }, "Excel (.xlsx)");
    }

    private static readonly string[] RelationshipNamespaces =
    [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ];

    private static List<(string Name, string Id)> SheetsOf(WorkbookPart workbook, FileBudget budget)
    {
        using var xml = UntrustedFiles.Xml(workbook.GetStream(FileMode.Open, FileAccess.Read), budget);
        var sheets = new List<(string Name, string Id)>();
        while (budget.Read(xml))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet"
                && RelationshipNamespaces.Select(ns => xml.GetAttribute("id", ns)).FirstOrDefault(id => id is not null) is { } id)
            {
                sheets.Add((UntrustedFiles.Excerpt(xml.GetAttribute("name"), 100), id));
            }
        }

        return sheets;
    }

    private static List<string> SharedStrings(WorkbookPart workbook, FileBudget budget)
    {
        if (workbook.SharedStringTablePart is not { } part)
        {
            return [];
        }

        using var xml = UntrustedFiles.Xml(part.GetStream(FileMode.Open, FileAccess.Read), budget);
        var strings = new List<string>();
        var text = new StringBuilder();
        var inItem = false;
        var inText = false;
        while (budget.Read(xml))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName == "si":
                    text.Clear();
                    inItem = !xml.IsEmptyElement;
                    if (!inItem)
                    {
                        strings.Add("");
                    }

                    break;
                case XmlNodeType.Element when xml.LocalName == "t" && inItem:
                    inText = !xml.IsEmptyElement;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inText:
                    budget.Text(xml.Value.Length);
                    text.Append(xml.Value);
                    break;
                case XmlNodeType.EndElement when xml.LocalName == "t":
                    inText = false;
                    break;
                case XmlNodeType.EndElement when xml.LocalName == "si":
                    strings.Add(text.ToString());
                    inItem = false;
                    break;
            }
        }

        return strings;
    }

    private static List<List<string>> Rows(WorksheetPart part, List<string> shared, FileBudget budget)
    {
        using var xml = UntrustedFiles.Xml(part.GetStream(FileMode.Open, FileAccess.Read), budget);
        var rows = new List<List<string>>();
        List<string>? cells = null;
        string? reference = null;
        string? type = null;
        var value = new StringBuilder();
        var inCell = false;
        var inValue = false;
        while (budget.Read(xml))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    switch (xml.LocalName)
                    {
                        case "row":
                            budget.Row();
                            cells = [];
                            if (xml.IsEmptyElement)
                            {
                                rows.Add(cells);
                                cells = null;
                            }

                            break;
                        case "c":
                            (reference, type, inCell) = (xml.GetAttribute("r"), xml.GetAttribute("t"), true);
                            value.Clear();
                            if (xml.IsEmptyElement)
                            {
                                EndCell();
                            }

                            break;
                        case "v" or "t" when inCell:
                            inValue = !xml.IsEmptyElement;
                            break;
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inValue:
                    budget.Text(xml.Value.Length);
                    value.Append(xml.Value);
                    break;
                case XmlNodeType.EndElement:
                    switch (xml.LocalName)
                    {
                        case "v" or "t":
                            inValue = false;
                            break;
                        case "c":
                            EndCell();
                            break;
                        case "row":
                            rows.Add(cells ?? []);
                            cells = null;
                            break;
                    }

                    break;
            }
        }

        return rows;

        void EndCell()
        {
            (inCell, inValue) = (false, false);
            if (cells is null)
            {
                return;
            }

            var text = type == "s"
                ? int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Count ? shared[index] : ""
                : value.ToString();
            var column = UntrustedFiles.Column(reference) ?? cells.Count;
            if (column >= budget.Limits.MaxColumns)
            {
                if (text.Length == 0)
                {
                    return;
                }

                budget.Column(column);
            }

            budget.Cells(Math.Max(1, column + 1 - cells.Count));
            while (cells.Count < column)
            {
                cells.Add("");
            }

            cells.Add(text);
        }
    }

    /// <summary>CSV as Excel writes it: UTF-8 (with or without BOM) or, failing that, GB18030; quoted fields may hold commas, quotes and line breaks.</summary>
    public static List<List<string>> ReadCsv(byte[] bytes, FileBudget? budget = null)
    {
        budget ??= FileBudget.Unhurried();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            text = Encoding.GetEncoding("GB18030").GetString(bytes);
        }

        text = text.TrimStart('\uFEFF');
        budget.Text(text.Length);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                AddField();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                AddField();
                budget.Row();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            AddField();
            budget.Row();
            rows.Add(row);
        }

        return rows;

        void AddField()
        {
            budget.Column(row.Count);
            budget.Cells(1);
            row.Add(field.ToString());
            field.Clear();
        }
    }
}

using System.Text.Json;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Files;

namespace Gongkai.Infrastructure.Publications.Import;

/// <summary>A column of an import file (docs/proactive-disclosure.md, 从旧网站导入目录).</summary>
public enum CatalogField
{
    Title,
    Number,
    Issuer,
    WrittenOn,
    PublishedOn,
    Type,
    Category,
    Disclosure,
    Body,
    Attachments,
}

/// <summary>
/// One document of an import file as written, before any check: its place in the file (“第 3 行”), its fields as
/// text, its attachments' paths, and what was wrong with the shape of its values.
/// </summary>
public sealed record CatalogRow(string Where, IReadOnlyDictionary<CatalogField, string> Fields, IReadOnlyList<string> Attachments, IReadOnlyList<string> Problems, bool FromSheet)
{
    public string? this[CatalogField field] => Fields.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>A whole import file refused (unreadable, the wrong shape); one Chinese sentence, nothing written.</summary>
public sealed class CatalogImportException(string message) : Exception(message);

/// <summary>
/// Reads an import file — a JSON array of objects, or the first sheet of an .xlsx with a header row — into rows,
/// within the untrusted-file budget (rows, characters, the package measured before it is opened). The English keys
/// and the Chinese headers are both accepted; a key or header it does not know refuses the file, so that a misspelt
/// column is never silently dropped.
/// </summary>
public static class CatalogFile
{
    /// <summary>The columns: the JSON key, the Chinese header.</summary>
    public static readonly IReadOnlyList<(CatalogField Field, string Key, string Header)> Columns =
    [
        (CatalogField.Title, "title", "标题"),
        (CatalogField.Number, "number", "文号"),
        (CatalogField.Issuer, "issuer", "发布机构"),
        (CatalogField.WrittenOn, "writtenOn", "成文日期"),
        (CatalogField.PublishedOn, "publishedOn", "发布日期"),
        (CatalogField.Type, "type", "类型"),
        (CatalogField.Category, "category", "主题分类"),
        (CatalogField.Disclosure, "disclosure", "公开属性"),
        (CatalogField.Body, "body", "正文"),
        (CatalogField.Attachments, "attachments", "附件"),
    ];

    private static readonly CatalogField[] Required = [CatalogField.Title, CatalogField.WrittenOn, CatalogField.PublishedOn, CatalogField.Type];

    private static readonly Dictionary<string, CatalogField> Names = Columns
        .SelectMany(c => new[] { (c.Key, c.Field), (c.Header, c.Field) })
        .Append(("发文机关", CatalogField.Issuer))
        .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.OrdinalIgnoreCase);

    public static string Header(CatalogField field) => Columns.First(c => c.Field == field).Header;

    /// <summary>The rows of <paramref name="content"/>, read as its extension says (.json or .xlsx).</summary>
    public static IReadOnlyList<CatalogRow> Read(string fileName, byte[] content, FileBudget budget)
    {
        var rows = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".json" => ReadJson(content, budget),
            ".xlsx" => ReadSheet(content, budget),
            _ => throw new CatalogImportException($"只能导入 .json 或 .xlsx 文件，“{UntrustedFiles.Excerpt(fileName, 100)}”不是。"),
        };
        return rows.Count > 0 ? rows : throw new CatalogImportException("文件中没有要导入的文件条目。");
    }

    /// <summary>The attachments' paths of a cell or string: separated by “;” (or “；”).</summary>
    public static IReadOnlyList<string> Paths(string? text) =>
        (text ?? "").Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<CatalogRow> ReadJson(byte[] content, FileBudget budget)
    {
        var bytes = content.AsMemory();
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"（第 {line + 1} 行第 {(e.BytePositionInLine ?? 0) + 1} 个字节附近）" : "";
            throw new CatalogImportException($"文件不是有效的 JSON{where}：请检查括号、引号和逗号，以及文件是否为 UTF-8 编码。");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new CatalogImportException("JSON 文件的最外层应为数组，每个元素是一件文件，如 [{\"title\": \"…\", \"writtenOn\": \"2024-01-02\", …}]。");
            }

            var rows = new List<CatalogRow>();
            var unknown = new SortedSet<string>(StringComparer.Ordinal);
            var number = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                budget.Row();
                var where = $"第 {++number} 条";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    rows.Add(new CatalogRow(where, new Dictionary<CatalogField, string>(), [], ["应为一个对象（{\"title\": …}）"], false));
                    continue;
                }

                var fields = new Dictionary<CatalogField, string>();
                var attachments = new List<string>();
                var problems = new List<string>();
                foreach (var property in item.EnumerateObject())
                {
                    if (!Names.TryGetValue(property.Name, out var field))
                    {
                        unknown.Add(UntrustedFiles.Excerpt(property.Name, 40));
                        continue;
                    }

                    var value = property.Value;
                    switch (value.ValueKind)
                    {
                        case JsonValueKind.Null:
                            break;
                        case JsonValueKind.Array when field == CatalogField.Attachments:
                            foreach (var path in value.EnumerateArray())
                            {
                                if (path.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(path.GetString()))
                                {
                                    budget.Text(path.GetString()!.Length);
                                    attachments.Add(path.GetString()!.Trim());
                                }
                                else
                                {
                                    problems.Add($"“{property.Name}”应为文件路径（文本）的数组");
                                }
                            }

                            break;
                        case JsonValueKind.String:
                            budget.Text(value.GetString()!.Length);
                            fields[field] = value.GetString()!;
                            if (field == CatalogField.Attachments)
                            {
                                attachments.AddRange(Paths(value.GetString()));
                            }

                            break;
                        case JsonValueKind.Number:
                            fields[field] = value.GetRawText();
                            break;
                        default:
                            problems.Add($"“{property.Name}”应为文本");
                            break;
                    }
                }

                rows.Add(new CatalogRow(where, fields, attachments, problems.Distinct().ToList(), false));
            }

            return unknown.Count == 0 ? rows : throw Unknown(unknown, "字段");
        }
    }

    private static List<CatalogRow> ReadSheet(byte[] content, FileBudget budget)
    {
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            throw new CatalogImportException("文件不是有效的 Excel (.xlsx) 文件（以文件内容判断）；旧版 .xls 请先另存为 .xlsx。");
        }

        var sheet = Spreadsheet.ReadSheets(content, budget, firstOnly: true)[0].Rows;
        if (sheet.Count == 0)
        {
            throw new CatalogImportException("工作表是空的：第一行应为表头（标题、文号、发布机构、成文日期、发布日期、类型、主题分类、公开属性、正文、附件）。");
        }

        var columns = new Dictionary<int, CatalogField>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (header, index) in sheet[0].Select((h, i) => (h.Trim(), i)).Where(h => h.Item1.Length > 0))
        {
            if (!Names.TryGetValue(header, out var field))
            {
                unknown.Add(UntrustedFiles.Excerpt(header, 40));
            }
            else if (columns.ContainsValue(field))
            {
                throw new CatalogImportException($"表头中“{Header(field)}”列出现了两次。");
            }
            else
            {
                columns[index] = field;
            }
        }

        if (unknown.Count > 0)
        {
            throw Unknown(unknown, "表头");
        }

        if (Required.Where(f => !columns.ContainsValue(f)).ToList() is { Count: > 0 } missing)
        {
            throw new CatalogImportException($"第 1 行应为表头，缺少：{string.Join("、", missing.Select(Header))}。");
        }

        var rows = new List<CatalogRow>();
        for (var i = 1; i < sheet.Count; i++)
        {
            var cells = sheet[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var fields = columns.Where(c => c.Key < cells.Count).ToDictionary(c => c.Value, c => cells[c.Key]);
            rows.Add(new CatalogRow($"第 {i + 1} 行", fields, Paths(fields.GetValueOrDefault(CatalogField.Attachments)), [], true));
        }

        return rows;
    }

    private static CatalogImportException Unknown(IEnumerable<string> names, string what) =>
        new($"不认识的{what}：{string.Join("、", names.Take(10))}。可用的{what}：{string.Join("、", Columns.Select(c => $"{c.Key}（{c.Header}）"))}。");
}

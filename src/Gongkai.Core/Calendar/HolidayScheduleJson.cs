using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongkai.Core.Calendar;

/// <summary>
/// Reads and writes the schedule in the shape of cn-holidays.json: an object whose keys are notice years, each
/// with "holidays" and "workdays" arrays of ISO dates; keys starting with "_" are notes and are kept aside.
/// Every problem is reported in Chinese, and nothing is partly accepted.
/// </summary>
public static class HolidayScheduleJson
{
    public static IReadOnlyList<HolidayYear> ParseYears(string json)
    {
        JsonNode? root;
        try
        {
            using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }))
            {
                RefuseDuplicateKeys(document.RootElement);
            }

            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"（第 {line + 1} 行附近）" : "";
            throw new CalendarDataException($"日历文件不是有效的 JSON{where}，请检查括号、引号和逗号。");
        }

        if (root is not JsonObject obj)
        {
            throw new CalendarDataException("日历文件的最外层应是一个对象，键为年份，例如 {\"2027\": {\"holidays\": [...], \"workdays\": [...]}}。");
        }

        var papers = (obj["_source"] as JsonObject)?["papers"] as JsonObject;
        var years = new List<HolidayYear>();
        foreach (var (key, value) in obj)
        {
            if (key.StartsWith('_'))
            {
                continue;
            }

            if (key.Length != 4 || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1990 || year > 2200)
            {
                throw new CalendarDataException($"“{key}”不是年份：年份应为四位数字，如 2027。");
            }

            if (value is not JsonObject yearObj)
            {
                throw new CalendarDataException($"{year} 年的内容应是一个对象，包含 holidays 和 workdays 两个数组。");
            }

            var holidays = ReadDates(yearObj, "holidays", year, "节假日");
            var workdays = ReadDates(yearObj, "workdays", year, "调休上班日");
            foreach (var day in workdays)
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    throw new CalendarDataException($"{year} 年：调休上班日 {Iso(day)} 是{Weekday(day)}，本来就是工作日；调休上班日只能是周六或周日。");
                }
            }

            var conflicts = holidays.Intersect(workdays).Order().ToList();
            if (conflicts.Count > 0)
            {
                throw new CalendarDataException($"{year} 年：{Iso(conflicts[0])} 既被列为节假日又被列为调休上班日，数据自相矛盾。");
            }

            if (holidays.Count == 0)
            {
                // A real notice always sets holidays: an empty year is a placeholder that would make every deadline wrong.
                throw new CalendarDataException($"{year} 年没有任何节假日：国务院每年的节假日安排都有法定节假日，请确认导入的是正式通知的数据。");
            }

            var sources = new List<string>();
            foreach (var node in (papers?[key] as JsonArray) ?? [])
            {
                if (node is not JsonValue pv || !pv.TryGetValue<string>(out var url))
                {
                    throw new CalendarDataException($"_source.papers 中 {year} 年的来源应为网址字符串。");
                }

                if (url.Length > 0)
                {
                    sources.Add(url);
                }
            }

            years.Add(new HolidayYear(year, holidays, workdays, sources));
        }

        if (years.Count == 0)
        {
            throw new CalendarDataException("日历文件中没有任何年份的数据。");
        }

        return years;
    }

    /// <summary>Parses a whole schedule (every year it needs), checking it as a whole.</summary>
    public static HolidaySchedule Parse(string json) => new(ParseYears(json));

    public static string Write(HolidaySchedule schedule)
    {
        var root = new JsonObject();
        var papers = new JsonObject();
        foreach (var year in schedule.Years.Where(y => y.Sources.Count > 0))
        {
            papers[Key(year.Year)] = new JsonArray(year.Sources.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        }

        if (papers.Count > 0)
        {
            root["_source"] = new JsonObject { ["papers"] = papers };
        }

        foreach (var year in schedule.Years)
        {
            root[Key(year.Year)] = new JsonObject
            {
                ["holidays"] = new JsonArray(year.Holidays.Order().Select(d => (JsonNode?)JsonValue.Create(Iso(d))).ToArray()),
                ["workdays"] = new JsonArray(year.Workdays.Order().Select(d => (JsonNode?)JsonValue.Create(Iso(d))).ToArray()),
            };
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static List<DateOnly> ReadDates(JsonObject yearObj, string name, int year, string label)
    {
        if (yearObj[name] is not JsonArray array)
        {
            throw new CalendarDataException($"{year} 年缺少 {name}（{label}）数组；没有时请写空数组 []。");
        }

        var dates = new List<DateOnly>();
        foreach (var item in array)
        {
            var text = item is JsonValue v && v.TryGetValue<string>(out var s) ? s : item?.ToJsonString() ?? "null";
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new CalendarDataException($"{year} 年{label}中的“{text}”不是 yyyy-MM-dd 格式的日期。");
            }

            // A notice may set the days just before its year starts (New Year blocks), never other years.
            if (!(date.Year == year || (date.Year == year - 1 && date.Month == 12)))
            {
                throw new CalendarDataException($"{year} 年{label}中的 {Iso(date)} 不属于 {year} 年的节假日安排。");
            }

            if (dates.Contains(date))
            {
                throw new CalendarDataException($"{year} 年{label}中的 {Iso(date)} 重复出现。");
            }

            dates.Add(date);
        }

        return dates;
    }

    private static void RefuseDuplicateKeys(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    throw new CalendarDataException($"日历文件中的键“{property.Name}”出现了两次；每个键只能写一次。");
                }

                RefuseDuplicateKeys(property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                RefuseDuplicateKeys(item);
            }
        }
    }

    private static string Key(int year) => year.ToString(CultureInfo.InvariantCulture);
    private static string Iso(DateOnly d) => CalendarText.Iso(d);

    private static string Weekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        DayOfWeek.Sunday => "周日",
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };
}

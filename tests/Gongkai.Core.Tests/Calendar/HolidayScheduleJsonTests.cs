using Gongkai.Core.Calendar;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;

namespace Gongkai.Core.Tests.Calendar;

public sealed class HolidayScheduleJsonTests
{
    [Fact]
    public void The_shipped_schedule_parses_to_the_years_2019_to_2026()
    {
        var schedule = HolidayScheduleJson.Parse(Text);

        Assert.Equal(2019, schedule.FirstYear);
        Assert.Equal(2026, schedule.LastYear);
        Assert.Equal(Enumerable.Range(2019, 8), schedule.Years.Select(y => y.Year));
        Assert.Equal(Data.Holidays.Order(), schedule.Holidays.Order());
        Assert.Equal(Data.Workdays.Order(), schedule.Workdays.Order());
    }

    [Fact]
    public void The_shipped_schedule_keeps_the_notices_each_year_came_from()
    {
        var schedule = HolidayScheduleJson.Parse(Text);

        Assert.All(schedule.Years, y => Assert.NotEmpty(y.Sources));
        // 2019 and 2020 each had a second notice (May Day 2019 changed; Spring Festival 2020 extended).
        Assert.Equal(2, schedule.Year(2019)!.Sources.Count);
        Assert.Contains("http://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm", schedule.Year(2020)!.Sources);
    }

    [Fact]
    public void Writing_then_parsing_gives_back_the_same_schedule()
    {
        var original = HolidayScheduleJson.Parse(Text);

        var copy = HolidayScheduleJson.Parse(HolidayScheduleJson.Write(original));

        Assert.Equal(original.Years.Select(y => y.Year), copy.Years.Select(y => y.Year));
        foreach (var year in original.Years)
        {
            var again = copy.Year(year.Year)!;
            Assert.Equal(year.Holidays.Order(), again.Holidays.Order());
            Assert.Equal(year.Workdays.Order(), again.Workdays.Order());
            Assert.Equal(year.Sources, again.Sources);
        }
    }

    [Fact]
    public void Writing_is_stable_and_keeps_chinese_text_readable()
    {
        var schedule = new HolidaySchedule([new HolidayYear(2030, [Day("2030-01-01")], [], ["国务院办公厅关于2030年部分节假日安排的通知"])]);

        var written = HolidayScheduleJson.Write(schedule);

        Assert.Contains("国务院办公厅关于2030年部分节假日安排的通知", written, StringComparison.Ordinal);
        Assert.Equal(written, HolidayScheduleJson.Write(HolidayScheduleJson.Parse(written)));
    }

    [Fact]
    public void A_notice_may_set_days_of_the_december_before_its_year()
    {
        var schedule = HolidayScheduleJson.Parse("""{"2023": {"holidays": ["2022-12-31", "2023-01-01"], "workdays": []}}""");

        Assert.Contains(Day("2022-12-31"), (IReadOnlySet<DateOnly>)schedule.Holidays);
    }

    [Fact]
    public void Keys_starting_with_an_underscore_are_notes_and_are_skipped()
    {
        var schedule = HolidayScheduleJson.Parse("""{"_note": [1, 2], "2030": {"holidays": ["2030-01-01"], "workdays": []}}""");

        Assert.Equal(2030, schedule.FirstYear);
        Assert.Equal(2030, schedule.LastYear);
    }

    [Theory]
    [InlineData("{\"2030\": {\"holidays\": [\"2030-01-01\",]", "不是有效的 JSON")]
    [InlineData("", "不是有效的 JSON")]
    [InlineData("[]", "最外层应是一个对象")]
    [InlineData("null", "最外层应是一个对象")]
    [InlineData("\"2030\"", "最外层应是一个对象")]
    [InlineData("{\"year2030\": {\"holidays\": [], \"workdays\": []}}", "“year2030”不是年份")]
    [InlineData("{\"30\": {\"holidays\": [], \"workdays\": []}}", "“30”不是年份")]
    [InlineData("{\"1800\": {\"holidays\": [], \"workdays\": []}}", "“1800”不是年份")]
    [InlineData("{\"2030\": [\"2030-01-01\"]}", "2030 年的内容应是一个对象")]
    [InlineData("{\"2030\": {\"workdays\": []}}", "2030 年缺少 holidays（节假日）数组")]
    [InlineData("{\"2030\": {\"holidays\": []}}", "2030 年缺少 workdays（调休上班日）数组")]
    [InlineData("{\"2030\": {\"holidays\": \"2030-01-01\", \"workdays\": []}}", "2030 年缺少 holidays")]
    [InlineData("{\"2030\": {\"holidays\": [\"2030-13-01\"], \"workdays\": []}}", "“2030-13-01”不是 yyyy-MM-dd 格式的日期")]
    [InlineData("{\"2030\": {\"holidays\": [\"2030/01/01\"], \"workdays\": []}}", "“2030/01/01”不是 yyyy-MM-dd 格式的日期")]
    [InlineData("{\"2030\": {\"holidays\": [20300101], \"workdays\": []}}", "“20300101”不是 yyyy-MM-dd 格式的日期")]
    [InlineData("{\"2030\": {\"holidays\": [], \"workdays\": [null]}}", "调休上班日中的“null”不是 yyyy-MM-dd 格式的日期")]
    [InlineData("{\"2030\": {\"holidays\": [\"2031-01-01\"], \"workdays\": []}}", "2030 年节假日中的 2031-01-01 不属于 2030 年的节假日安排")]
    [InlineData("{\"2030\": {\"holidays\": [\"2029-11-30\"], \"workdays\": []}}", "2029-11-30 不属于 2030 年")]
    [InlineData("{\"2030\": {\"holidays\": [\"2030-01-05\"], \"workdays\": [\"2030-01-05\"]}}", "2030 年：2030-01-05 既被列为节假日又被列为调休上班日")]
    [InlineData("{\"2030\": {\"holidays\": [], \"workdays\": [\"2030-01-07\"]}}", "调休上班日 2030-01-07 是周一，本来就是工作日")]
    [InlineData("{\"2030\": {\"holidays\": [\"2030-01-01\", \"2030-01-01\"], \"workdays\": []}}", "2030 年节假日中的 2030-01-01 重复出现")]
    [InlineData("{}", "没有任何年份")]
    [InlineData("{\"_source\": {\"papers\": {}}}", "没有任何年份")]
    [InlineData("{\"2030\": {\"holidays\": [\"2030-01-01\"], \"workdays\": []}, \"2032\": {\"holidays\": [\"2032-01-01\"], \"workdays\": []}}", "缺少 2031 年")]
    [InlineData("{\"2030\": {\"holidays\": [], \"workdays\": []}}", "2030 年没有任何节假日")]
    public void Bad_calendar_data_is_refused_with_a_chinese_message(string json, string fragment)
    {
        var e = Assert.Throws<CalendarDataException>(() => HolidayScheduleJson.Parse(json));

        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    // JsonObject builds its dictionary lazily, after the JsonException catch: duplicates are checked on their own.
    [Theory]
    [InlineData("{\"2030\": {\"holidays\": [], \"workdays\": []}, \"2030\": {\"holidays\": [\"2030-01-01\"], \"workdays\": []}}", "“2030”出现了两次")]
    [InlineData("{\"2030\": {\"holidays\": [], \"holidays\": [\"2030-01-01\"], \"workdays\": []}}", "“holidays”出现了两次")]
    [InlineData("{\"_source\": {\"papers\": {\"2030\": [1]}}, \"2030\": {\"holidays\": [\"2030-01-01\"], \"workdays\": []}}", "来源")]
    public void Duplicate_keys_and_malformed_notes_are_refused_with_a_chinese_message(string json, string fragment)
    {
        var e = Assert.Throws<CalendarDataException>(() => HolidayScheduleJson.Parse(json));

        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line()
    {
        const string json = "{\n  \"2030\": {\"holidays\": [,], \"workdays\": []}\n}";

        var e = Assert.Throws<CalendarDataException>(() => HolidayScheduleJson.Parse(json));

        Assert.Contains("第 2 行附近", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_under_underscore_keys_may_be_plain_text()
    {
        var years = HolidayScheduleJson.ParseYears("{\"_source\": \"note\", \"2030\": {\"holidays\": [\"2030-01-01\"], \"workdays\": []}}");

        Assert.Equal(2030, Assert.Single(years).Year);
    }
}

using BenchmarkDotNet.Attributes;
using Gongkai.Core.Calendar;

namespace Gongkai.Benchmarks;

/// <summary>
/// The statutory clock is computed for every open request on every dashboard view, and the whole schedule is parsed
/// once per calendar version. Targets (see bench/README.md): a 20-working-day deadline under 2 µs, parsing the
/// shipped 2019–2026 schedule under 2 ms.
/// </summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private string _json = "";
    private WorkingDayCalendar _calendar = null!;
    private readonly DateOnly _start = new(2024, 9, 27);

    [GlobalSetup]
    public void Setup()
    {
        _json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cn-holidays.json"));
        _calendar = new WorkingDayCalendar(HolidayScheduleJson.Parse(_json));
    }

    [Benchmark]
    public HolidaySchedule ParseSchedule() => HolidayScheduleJson.Parse(_json);

    [Benchmark]
    public DateOnly Deadline20WorkingDays() => _calendar.AddWorkingDays(_start, 20);

    [Benchmark]
    public DateOnly Deadline40WorkingDays() => _calendar.AddWorkingDays(_start, 40);

    [Benchmark]
    public int WorkingDaysInAYear() => _calendar.WorkingDaysBetween(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
}

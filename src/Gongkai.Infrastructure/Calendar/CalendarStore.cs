using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Calendar;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Calendar;

/// <summary>The schedule in force and its history. Each import makes a new whole version; none is ever changed.</summary>
public sealed class CalendarStore(GongkaiDbContext db, CalendarCache cache, TimeProvider clock)
{
    public const string SystemAuthor = "系统（随程序发布的数据）";

    public static string BuiltInJson()
    {
        using var stream = typeof(CalendarStore).Assembly.GetManifestResourceStream("Gongkai.cn-holidays.json")
            ?? throw new InvalidOperationException("The built-in holiday schedule is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public Task<CalendarVersion?> CurrentVersionAsync(CancellationToken ct = default) =>
        db.CalendarVersions.AsNoTracking().OrderByDescending(v => v.Id).FirstOrDefaultAsync(ct);

    /// <summary>The calendar in force. Every node checks the newest version id, so an import on one node is seen by all.</summary>
    public async Task<WorkingDayCalendar> GetCalendarAsync(CancellationToken ct = default)
    {
        if (cache.Fresh() is { } recent)
        {
            return recent;
        }

        var latestId = await db.CalendarVersions.MaxAsync(v => (int?)v.Id, ct)
            ?? throw new InvalidOperationException("No holiday schedule has been loaded; the database was not initialized.");
        if (cache.TryGet(latestId) is { } cached)
        {
            return cached;
        }

        var json = await db.CalendarVersions.Where(v => v.Id == latestId).Select(v => v.Json).SingleAsync(ct);
        return cache.Set(latestId, new WorkingDayCalendar(HolidayScheduleJson.Parse(json)));
    }

    public async Task EnsureSeededAsync(CancellationToken ct = default)
    {
        if (await db.CalendarVersions.AnyAsync(ct))
        {
            return;
        }

        var builtIn = BuiltInJson();
        var schedule = HolidayScheduleJson.Parse(builtIn);
        await AddVersionAsync(schedule, builtIn, SystemAuthor, "随程序发布的国务院节假日安排", string.Join("、", schedule.Years.Select(y => y.Year)), ct);
    }

    /// <summary>
    /// Imports one or more years (a new year, or a corrected one) in the cn-holidays.json shape. The years given
    /// replace those in force; everything is checked first and nothing is written when anything is wrong.
    /// </summary>
    /// <exception cref="CalendarDataException">The file cannot be used; the message says why, in Chinese.</exception>
    public async Task<CalendarImportResult> ImportAsync(string json, string importedBy, string? note, CancellationToken ct = default)
    {
        var years = HolidayScheduleJson.ParseYears(json);
        var current = await CurrentVersionAsync(ct);
        var before = current is null ? null : HolidayScheduleJson.Parse(current.Json);
        var merged = before is null ? new HolidaySchedule(years) : before.With(years);
        var mergedJson = HolidayScheduleJson.Write(merged);
        if (current is not null && Sha256(mergedJson) == current.ContentSha256)
        {
            throw new CalendarDataException("导入的内容与当前生效的节假日安排完全相同，未生成新版本。");
        }

        var version = await AddVersionAsync(merged, json, importedBy, note, string.Join("、", years.Select(y => y.Year)), ct, mergedJson);
        cache.Invalidate();
        var changed = before is null ? [] : ChangedDays(before, merged);
        return new CalendarImportResult(version, years.Select(y => y.Year).ToList(), changed);
    }

    private async Task<CalendarVersion> AddVersionAsync(HolidaySchedule schedule, string upload, string by, string? note, string yearsImported, CancellationToken ct, string? mergedJson = null)
    {
        var json = mergedJson ?? HolidayScheduleJson.Write(schedule);
        var version = new CalendarVersion
        {
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = by,
            Json = json,
            ContentSha256 = Sha256(json),
            UploadSha256 = Sha256(upload),
            YearsImported = yearsImported,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        db.CalendarVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return version;
    }

    /// <summary>Dates whose kind differs between two schedules, over the years both cover.</summary>
    public static IReadOnlyList<DateOnly> ChangedDays(HolidaySchedule before, HolidaySchedule after)
    {
        var changed = new SortedSet<DateOnly>();
        changed.UnionWith(before.Holidays.Except(after.Holidays));
        changed.UnionWith(after.Holidays.Except(before.Holidays));
        changed.UnionWith(before.Workdays.Except(after.Workdays));
        changed.UnionWith(after.Workdays.Except(before.Workdays));
        return changed.ToList();
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

public sealed record CalendarImportResult(CalendarVersion Version, IReadOnlyList<int> YearsImported, IReadOnlyList<DateOnly> ChangedDays);

/// <summary>
/// The parsed calendar of the newest version. Within a node an import is seen at once; another node's import is
/// seen within <see cref="CheckEvery"/>, since the newest version id is looked up at most that often.
/// </summary>
public sealed class CalendarCache
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    private volatile Entry? _entry;

    private sealed record Entry(int VersionId, WorkingDayCalendar Calendar, long CheckedAt);

    public WorkingDayCalendar? Fresh() =>
        _entry is { } e && Environment.TickCount64 - e.CheckedAt < (long)CheckEvery.TotalMilliseconds ? e.Calendar : null;

    public WorkingDayCalendar? TryGet(int versionId)
    {
        if (_entry is { } e && e.VersionId == versionId)
        {
            _entry = e with { CheckedAt = Environment.TickCount64 };
            return e.Calendar;
        }

        return null;
    }

    public WorkingDayCalendar Set(int versionId, WorkingDayCalendar calendar)
    {
        _entry = new Entry(versionId, calendar, Environment.TickCount64);
        return calendar;
    }

    public void Invalidate() => _entry = null;
}

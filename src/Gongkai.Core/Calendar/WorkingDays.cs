using System.Globalization;

namespace Gongkai.Core.Calendar;

/// <summary>
/// A signed count of working days: a statutory period ("20 个工作日"), or the working days left until a due date
/// (0 on the due day itself, negative once it has passed).
/// </summary>
public readonly record struct WorkingDays(int Days) : IComparable<WorkingDays>
{
    public static WorkingDays Zero => default;

    public bool IsNegative => Days < 0;

    public static WorkingDays operator +(WorkingDays a, WorkingDays b) => new(a.Days + b.Days);

    public static WorkingDays operator -(WorkingDays a, WorkingDays b) => new(a.Days - b.Days);

    public static WorkingDays operator -(WorkingDays a) => new(-a.Days);

    public static bool operator <(WorkingDays a, WorkingDays b) => a.Days < b.Days;

    public static bool operator >(WorkingDays a, WorkingDays b) => a.Days > b.Days;

    public static bool operator <=(WorkingDays a, WorkingDays b) => a.Days <= b.Days;

    public static bool operator >=(WorkingDays a, WorkingDays b) => a.Days >= b.Days;

    public int CompareTo(WorkingDays other) => Days.CompareTo(other.Days);

    /// <summary>"3 个工作日"; a negative count is time past a due date: "超期 2 个工作日".</summary>
    public override string ToString() => Days < 0
        ? string.Create(CultureInfo.InvariantCulture, $"超期 {-Days} 个工作日")
        : string.Create(CultureInfo.InvariantCulture, $"{Days} 个工作日");
}

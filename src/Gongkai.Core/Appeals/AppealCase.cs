
namespace Gongkai.Core.Appeals;

/// <summary>The three groups of the report's appeals table.</summary>
public enum AppealKind
{
    /// <summary>行政复议.</summary>
    Reconsideration,
    /// <summary>行政诉讼 · 未经复议直接起诉.</summary>
    LitigationDirect,
    /// <summary>行政诉讼 · 复议后起诉.</summary>
    LitigationAfterReconsideration,
}

public enum AppealResult
{
    /// <summary>结果维持.</summary>
    Upheld,
    /// <summary>结果纠正.</summary>
    Corrected,
    /// <summary>其他结果.</summary>
    OtherResult,
    /// <summary>尚未审结.</summary>
    Pending,
}

public static class AppealNames
{
    public static string DisplayName(this AppealKind kind) => kind switch
    {
        AppealKind.Reconsideration => "行政复议",
        AppealKind.LitigationDirect => "行政诉讼（未经复议直接起诉）",
        AppealKind.LitigationAfterReconsideration => "行政诉讼（复议后起诉）",
    };

    public static string DisplayName(this AppealResult result) => result switch
    {
        AppealResult.Upheld => "结果维持",
        AppealResult.Corrected => "结果纠正",
        AppealResult.OtherResult => "其他结果",
        AppealResult.Pending => "尚未审结",
    };
}

/// <summary>
/// A reconsideration or lawsuit about the agency's disclosure work, linked to the request it challenges or entered
/// on its own for history. Counted in the year it was filed, with the result known at that year's end
/// (docs/adr/0008): a case still open on 31 December is 尚未审结 in that year's report.
/// </summary>
public sealed record AppealCase
{
    public long Id { get; init; }
    public int AgencyId { get; init; }
    public AppealKind Kind { get; init; }
    public long? RequestId { get; init; }
    /// <summary>复议机关 or 人民法院.</summary>
    public string Body { get; init; } = "";
    public string? CaseNumber { get; init; }
    public DateOnly FiledOn { get; init; }
    public DateOnly? ConcludedOn { get; init; }
    public AppealResult Result { get; init; } = AppealResult.Pending;
    public string? Notes { get; init; }

    /// <summary>Null when the case can be recorded; otherwise why not, in Chinese.</summary>
    public string? Validate(DateOnly today)
    {
        if (!Enum.IsDefined(Kind))
        {
            return "请选择案件类型。";
        }

        if (string.IsNullOrWhiteSpace(Body))
        {
            return Kind == AppealKind.Reconsideration ? "请填写复议机关。" : "请填写受理法院。";
        }

        if (FiledOn > today)
        {
            return "立案（收到）日期不能晚于今天。";
        }

        if (!Enum.IsDefined(Result))
        {
            return "请选择结果。";
        }

        if (Result == AppealResult.Pending && ConcludedOn is not null)
        {
            return "尚未审结的案件不应有审结日期。";
        }

        if (Result != AppealResult.Pending && ConcludedOn is null)
        {
            return "已审结的案件请填写审结日期。";
        }

        if (ConcludedOn is { } concluded && (concluded < FiledOn || concluded > today))
        {
            return "审结日期应在立案日期之后、今天之前。";
        }

        return null;
    }

    /// <summary>The result as the report of <paramref name="year"/> counts it, or null when the case is not in that year.</summary>
    public AppealResult? ResultIn(int year) =>
        FiledOn.Year != year ? null
        : ConcludedOn is { } concluded && concluded.Year == year ? Result
        : AppealResult.Pending;
}

/// <summary>The appeals table of one year: per kind, the count of each result and the total.</summary>
public sealed class AppealLedger
{
    private readonly int[,] _counts = new int[3, 4];

    public AppealLedger(int year) => Year = year;

    public int Year { get; }

    public static AppealLedger From(int year, IEnumerable<AppealCase> cases)
    {
        var ledger = new AppealLedger(year);
        foreach (var c in cases)
        {
            if (c.ResultIn(year) is { } result)
            {
                ledger._counts[(int)c.Kind, (int)result]++;
            }
        }

        return ledger;
    }

    public int Count(AppealKind kind, AppealResult result) => _counts[(int)kind, (int)result];

    /// <summary>总计 = 维持 + 纠正 + 其他 + 尚未审结, by construction.</summary>
    public int Total(AppealKind kind) => Enum.GetValues<AppealResult>().Sum(r => Count(kind, r));
}

using System.Globalization;

namespace Gongkai.Core.Requests;

/// <summary>
/// One row of a historic ledger (台账) kept outside Gongkai, in the documented column layout
/// (docs/ledger-import.md). Parsing says what is wrong with the row in Chinese; nothing is half-read.
/// </summary>
public sealed record HistoricCase(
    string AgencyCreditCode,
    ApplicantType ApplicantType,
    string ApplicantName,
    Channel Channel,
    DateOnly ReceivedOn,
    string InformationTitle,
    Outcome? Outcome,
    DateOnly? DecidedOn,
    string? Reason,
    string? IdNumber,
    string? Phone)
{
    public static readonly string[] Columns =
        ["机关统一社会信用代码", "申请人类型", "申请人姓名或名称", "申请渠道", "收到申请日期", "所需信息", "办理结果", "答复日期", "理由", "证件号码", "联系电话"];

    /// <summary>Reads one row; returns the case, or the reasons it cannot be imported.</summary>
    public static (HistoricCase? Case, IReadOnlyList<string> Errors) Parse(IReadOnlyList<string> cells, DateOnly today)
    {
        string Cell(int i) => i < cells.Count ? cells[i].Trim() : "";
        var errors = new List<string>();
        var code = Cell(0).ToUpperInvariant();
        if (code.Length == 0)
        {
            errors.Add("缺少机关统一社会信用代码");
        }

        var type = Enum.GetValues<ApplicantType>().Cast<ApplicantType?>().FirstOrDefault(t => t!.Value.DisplayName() == Cell(1) || (Cell(1) == "其他" && t == ApplicantType.OtherOrganization));
        if (type is null)
        {
            errors.Add($"申请人类型“{Cell(1)}”无效（应为：{string.Join("、", Enum.GetValues<ApplicantType>().Select(t => t.DisplayName()))}）");
        }

        if (Cell(2).Length == 0)
        {
            errors.Add("缺少申请人姓名或名称");
        }

        var channel = Enum.GetValues<Channel>().Cast<Channel?>().FirstOrDefault(c => c!.Value.DisplayName() == Cell(3) || (Cell(3) == "邮寄" && c == Channel.RegisteredMail) || (Cell(3) == "网络" && c == Channel.Online));
        if (channel is null)
        {
            errors.Add($"申请渠道“{Cell(3)}”无效（应为：{string.Join("、", Enum.GetValues<Channel>().Select(c => c.DisplayName()))}）");
        }

        var received = Date(Cell(4), "收到申请日期", errors, required: true);
        if (received > today)
        {
            errors.Add("收到申请日期晚于今天");
        }

        if (Cell(5).Length == 0)
        {
            errors.Add("缺少所需信息");
        }

        Outcome? outcome = null;
        if (Cell(6).Length > 0)
        {
            outcome = Enum.GetValues<Outcome>().Cast<Outcome?>().FirstOrDefault(o => Matches(o!.Value, Cell(6)));
            if (outcome is null)
            {
                errors.Add($"办理结果“{Cell(6)}”无法识别（应为年报表格中的结果名称，如“予以公开”“不予公开 · 属于国家秘密”）");
            }
        }

        var decided = Date(Cell(7), "答复日期", errors, required: false);
        if (outcome is not null && decided is null && !errors.Any(e => e.StartsWith("答复日期", StringComparison.Ordinal)))
        {
            errors.Add("有办理结果的，须填写答复日期");
        }

        if (outcome is null && decided is not null && Cell(6).Length == 0)
        {
            errors.Add("有答复日期的，须填写办理结果");
        }

        if (decided is { } d && received is { } r && d < r)
        {
            errors.Add("答复日期早于收到申请日期");
        }

        if (decided > today)
        {
            errors.Add("答复日期晚于今天");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new HistoricCase(code, type!.Value, Cell(2), channel!.Value, received!.Value, Cell(5), outcome, decided,
            Cell(8).Length > 0 ? Cell(8) : null, Cell(9).Length > 0 ? Cell(9) : null, Cell(10).Length > 0 ? Cell(10) : null), errors);
    }

    private static bool Matches(Outcome outcome, string text)
    {
        static string Squeeze(string s) => new(s.Where(c => !char.IsWhiteSpace(c) && c is not ('·' or '-' or '－' or '—')).ToArray());
        var label = Squeeze(outcome.DisplayName());
        var given = Squeeze(text);
        // The full label, or just the leaf after the category ("属于国家秘密"), as ledgers usually write it.
        return given == label || (label.Length > given.Length && label.EndsWith(given, StringComparison.Ordinal) && given.Length >= 4);
    }

    private static DateOnly? Date(string text, string name, List<string> errors, bool required)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add($"缺少{name}");
            }

            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // Spreadsheets store dates as serial numbers (days since 1899-12-30).
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            return DateOnly.FromDateTime(new DateTime(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified).AddDays(Math.Floor(serial)));
        }

        errors.Add($"{name}“{text}”不是日期（如 2024-03-05）");
        return null;
    }
}

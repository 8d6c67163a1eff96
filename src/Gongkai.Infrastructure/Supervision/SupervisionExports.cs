using System.Globalization;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Documents;

namespace Gongkai.Infrastructure.Supervision;

/// <summary>A request named in a 通报: its tracking code, title and dates. Nothing about the applicant.</summary>
public sealed record NoticeCase(string Code, string Title, DateOnly? ReceivedOn, DateOnly? DueOn, DateOnly? DecidedOn, int WorkingDaysLate);

/// <summary>A proactive document named in a 通报 under Art. 26.</summary>
public sealed record NoticeDocument(string Title, DateOnly WrittenOn, DateOnly? Due, DateOnly? PublishedOn);

/// <summary>What one agency's 通报 says: its figures and the cases behind the problems.</summary>
public sealed record SupervisionNotice(
    SupervisionFigures Figures, SupervisionPeriod Period, DateOnly CountedTo, string Issuer, DateOnly IssuedOn,
    IReadOnlyList<NoticeCase> Late, IReadOnlyList<NoticeCase> Overdue, IReadOnlyList<NoticeDocument> Article26);

/// <summary>The dashboard as a workbook, and one agency's monthly 通报 as a letter (.docx).</summary>
public static class SupervisionExports
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>At most this many cases of each kind are listed in a 通报; the count says how many there are.</summary>
    public const int MaxListed = 50;

    public static readonly string[] Columns =
    [
        "机关", "收到申请", "办结", "按期办结", "逾期办结", "目前超期未办结", "平均办理用时（工作日）",
        "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理",
        "行政复议", "复议纠正", "行政诉讼", "诉讼纠正", "收到来信", "已答复来信", "按期答复来信", "第二十六条逾期公开",
        "年度报告", "报告期限", "报告公布日期", "报告公布情况", "报告错误", "报告提示",
    ];

    public static byte[] Xlsx(IReadOnlyList<SupervisionFigures> rows, SupervisionFigures total, SupervisionPeriod period, DateOnly countedTo)
    {
        var sheet = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"政府信息公开工作监督统计（{period.Label}，统计至 {countedTo:yyyy-MM-dd}）" },
            Columns,
        };
        foreach (var row in rows.Append(total))
        {
            var r = row.Report;
            sheet.Add(new object?[]
            {
                new string('　', row.Depth) + row.Agency, row.Received, row.Decided, row.DecidedOnTime, row.DecidedLate, row.OverdueNow,
                row.AverageWorkingDays is { } days ? Math.Round(days, 1) : null,
                row.Outcome(OutcomeCategory.Disclosed), row.Outcome(OutcomeCategory.PartiallyDisclosed), row.Outcome(OutcomeCategory.Withheld),
                row.Outcome(OutcomeCategory.Unavailable), row.Outcome(OutcomeCategory.NotProcessed), row.Outcome(OutcomeCategory.OtherHandling),
                row.Reconsiderations, row.ReconsiderationsCorrected, row.Lawsuits, row.LawsuitsCorrected,
                row.LettersReceived, row.LettersAnswered, row.LettersOnTime, row.Article26Late,
                r is null ? null : $"{r.Year}年度 · {r.Stage?.Label() ?? "未开始"}", r?.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r?.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r?.TimelinessLabel, r?.Errors, r?.Warnings,
            });
        }

        var widths = new List<double> { 36 };
        widths.AddRange(Enumerable.Repeat(10.0, Columns.Length - 1));
        return Spreadsheet.Write(new Spreadsheet.Sheet("监督统计", sheet, ["A1:" + Spreadsheet.ColumnName(Columns.Length - 1) + "1"], widths));
    }

    public static string FileName(SupervisionPeriod period, string extension) => $"政府信息公开监督统计-{period.Key}{extension}";

    public static string NoticeFileName(SupervisionNotice notice) => $"通报-{notice.Figures.Agency}-{notice.Period.Key}.docx";

    /// <summary>The 通报 as a letter: the figures in words, then each problem with its cases, then what is asked.</summary>
    public static Letter Letter(SupervisionNotice notice)
    {
        var f = notice.Figures;
        var body = new List<string>();
        body.Add($"{f.Agency}：");
        body.Add($"根据《中华人民共和国政府信息公开条例》和政务公开工作要求，现将你单位{notice.Period.Label}（统计至{Date(notice.CountedTo)}）政府信息公开工作情况通报如下。");
        var days = f.AverageWorkingDays is { } avg ? $"，平均办理用时{avg.ToString("0.0", CultureInfo.InvariantCulture)}个工作日" : "";
        body.Add($"一、依申请公开办理情况。期间收到政府信息公开申请{f.Received}件，办结{f.Decided}件，其中按期办结{f.DecidedOnTime}件、逾期办结{f.DecidedLate}件{days}；目前超过答复期限仍未办结{f.OverdueNow}件。"
            + $"办理结果：予以公开{f.Outcome(OutcomeCategory.Disclosed)}件，部分公开{f.Outcome(OutcomeCategory.PartiallyDisclosed)}件，不予公开{f.Outcome(OutcomeCategory.Withheld)}件，"
            + $"无法提供{f.Outcome(OutcomeCategory.Unavailable)}件，不予处理{f.Outcome(OutcomeCategory.NotProcessed)}件，其他处理{f.Outcome(OutcomeCategory.OtherHandling)}件。");
        Cases(body, "逾期办结的申请", notice.Late, f.DecidedLate, c => $"{c.Code}《{c.Title}》，答复期限{Date(c.DueOn)}，{Date(c.DecidedOn)}答复，逾期{c.WorkingDaysLate}个工作日");
        Cases(body, "超期未办结的申请", notice.Overdue, f.OverdueNow, c => $"{c.Code}《{c.Title}》，答复期限{Date(c.DueOn)}，已超期{c.WorkingDaysLate}个工作日");
        body.Add($"二、行政复议和行政诉讼情况。期间因政府信息公开被申请行政复议{f.Reconsiderations}件、结果纠正{f.ReconsiderationsCorrected}件，被提起行政诉讼{f.Lawsuits}件、结果纠正{f.LawsuitsCorrected}件。");
        body.Add($"三、互动交流情况。期间收到来信{f.LettersReceived}件，已答复{f.LettersAnswered}件，其中按期答复{f.LettersOnTime}件。");
        body.Add(f.Article26Late == 0
            ? "四、主动公开情况。期间未发现应主动公开的政府信息超过《条例》第二十六条规定期限公开的情况。"
            : $"四、主动公开情况。应主动公开的政府信息超过《条例》第二十六条规定的20个工作日期限公开或仍未公开{f.Article26Late}件：");
        foreach (var (d, i) in notice.Article26.Select((d, i) => (d, i + 1)))
        {
            body.Add($"{i}. 《{d.Title}》，{Date(d.WrittenOn)}形成，应于{Date(d.Due)}前公开，{(d.PublishedOn is { } p ? $"{Date(p)}公开" : "至今未公开")}。");
        }

        if (f.Report is { } r)
        {
            var stage = r.PublishedOn is { } on ? $"已于{Date(on)}公布（{r.TimelinessLabel}）" : r.Timeliness == ReportTimeliness.Missing ? "逾期仍未公布" : $"尚未公布（当前为{r.Stage?.Label() ?? "未开始编制"}）";
            var findings = r.Errors is > 0 ? $"，经检查发现错误{r.Errors}处、提示{r.Warnings}处，请核实更正" : "";
            body.Add($"五、年度报告情况。你单位{r.Year}年度政府信息公开工作年度报告应于{Date(r.Deadline)}前公布，{stage}{findings}。");
        }

        body.Add(f.NeedsAttention
            ? "请你单位对照上述问题逐项核查整改，对超期未办结的申请尽快依法答复，并于收到本通报之日起10个工作日内将整改情况书面报送。"
            : "你单位期间政府信息公开工作总体规范，请继续保持。");
        return new Letter($"关于{f.Agency}政府信息公开工作情况的通报", string.Join('\n', body), notice.Issuer, Date(notice.IssuedOn), $"（{notice.Period.Label}）");
    }

    public static byte[] Docx(SupervisionNotice notice) => NoticeDocuments.Docx(Letter(notice));

    private static void Cases(List<string> body, string what, IReadOnlyList<NoticeCase> cases, int count, Func<NoticeCase, string> line)
    {
        if (count == 0)
        {
            return;
        }

        body.Add(cases.Count < count ? $"{what}共{count}件，列出其中{cases.Count}件：" : $"{what}{count}件：");
        foreach (var (c, i) in cases.Select((c, i) => (c, i + 1)))
        {
            body.Add($"{i}. {line(c)}。");
        }
    }

    private static string Date(DateOnly? date) => date is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : "（无）";
}

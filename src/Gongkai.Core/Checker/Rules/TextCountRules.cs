using System.Text.RegularExpressions;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>
/// N1 (a count in the text differs from table 三) and N3 (the text says appeals were all upheld, or gives appeal and
/// lawsuit counts, against table 四).
/// </summary>
public sealed partial class TextCountRules : IRuleGroup
{
    public IReadOnlyList<string> Rules { get; } = [RuleId.N1, RuleId.N3];

    public bool ReadsText => true;

    public void Check(CheckContext context)
    {
        var (report, sentences, ct) = (context.Report, context.Sentences, context.Cancellation);
        if (report.Requests.Count > 0)
        {
            var table = report.RequestTable();
            int Total(RequestsRow row) => table[row, ApplicantColumn.Total];
            int Group(OutcomeCategory category) => table.CategoryTotal(category, ApplicantColumn.Total);
            var claims = new (Regex Pattern, Func<int> Table, string What, string Row)[]
            {
                (Received(), () => Total(RequestsRow.NewlyReceived), "收到申请", "一、本年新收政府信息公开申请数量"),
                (Decided(), () => Total(RequestsRow.Total), "办结（答复）申请", "三、本年度办理结果（七）总计"),
                (CarriedOut(), () => Total(RequestsRow.CarriedOut), "结转下年度", "四、结转下年度继续办理"),
                (DisclosedClaim(), () => Total(RequestsRow.Disclosed), "予以公开", "（一）予以公开"),
                (PartialClaim(), () => Total(RequestsRow.PartiallyDisclosed), "部分公开", "（二）部分公开"),
                (WithheldClaim(), () => Group(OutcomeCategory.Withheld), "不予公开", "（三）不予公开各项之和"),
                (UnavailableClaim(), () => Group(OutcomeCategory.Unavailable), "无法提供", "（四）无法提供各项之和"),
                (NotProcessedClaim(), () => Group(OutcomeCategory.NotProcessed), "不予处理", "（五）不予处理各项之和"),
            };
            foreach (var (line, text) in sentences)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var (pattern, value, what, row) in claims)
                {
                    foreach (Match m in pattern.Matches(text))
                    {
                        if (ReportText.Numeral(m.Groups["n"].Value) is { } stated && stated != value()
                            // “共收到申请N件（含上年结转M件）”: new plus carried in is the same count.
                            && !(what == "收到申请" && stated == Total(RequestsRow.NewlyReceived) + Total(RequestsRow.CarriedIn)))
                        {
                            context.Add(new(RuleId.N1, Severity.Error, Line(line),
                                $"正文称{what} {stated} 件（“{m.Value}”），但表三“{row}”为 {value()} 件。"));
                        }
                    }
                }
            }
        }

        if (report.Appeals is { } printed && printed.Cells.Any(c => c.Kind == CellKind.Number))
        {
            var appeals = report.AppealsTable();
            var reconsideration = appeals[AppealKind.Reconsideration, AppealColumn.Total];
            var litigation = appeals[AppealKind.LitigationDirect, AppealColumn.Total] + appeals[AppealKind.LitigationAfterReconsideration, AppealColumn.Total];
            var notUpheld = Enum.GetValues<AppealKind>().Sum(k => AppealColumns.NotUpheld.Sum(c => appeals[k, c]));
            foreach (var (line, text) in sentences)
            {
                if (AllUpheld().IsMatch(text) && notUpheld > 0)
                {
                    context.Add(new(RuleId.N3, Severity.Error, Line(line), $"正文称案件“均获维持”，但表四有 {notUpheld} 件结果纠正、其他结果或尚未审结。"));
                }

                foreach (Match m in ReconsiderationCount().Matches(text))
                {
                    if (ReportText.Numeral(m.Groups["n"].Value) is { } n && n != reconsideration)
                    {
                        context.Add(new(RuleId.N3, Severity.Error, Line(line), $"正文称行政复议 {n} 件（“{m.Value}”），但表四行政复议总计为 {reconsideration} 件。"));
                    }
                }

                foreach (Match m in LitigationCount().Matches(text))
                {
                    if (ReportText.Numeral(m.Groups["n"].Value) is { } n && n != litigation)
                    {
                        context.Add(new(RuleId.N3, Severity.Error, Line(line), $"正文称行政诉讼 {n} 件（“{m.Value}”），但表四行政诉讼总计为 {litigation} 件。"));
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"(?:(?:收到|新收|受理|接收)[^，,。；、]{0,12}?申请(?:共|总计|合计)?\s*" + RuleText.Number + @"\s*(?:件|个|份)|(?:收到|新收|受理|接收)(?:了)?(?:共)?\s*" + RuleText.Number + @"\s*(?:件|个|份)(?:政府信息)?(?:公开)?申请)")]
    internal static partial Regex Received();

    [GeneratedRegex(@"(?:办结|答复|办理完毕)(?:申请)?(?:共|总计|合计)?\s*" + RuleText.Number + @"\s*件")]
    private static partial Regex Decided();

    [GeneratedRegex(@"结转(?:下年度|下一年度|至下年度|至下一年度|到下年度)(?:继续办理)?\s*" + RuleText.Number + @"\s*件")]
    private static partial Regex CarriedOut();

    [GeneratedRegex(@"(?<![部分不])予以公开\s*" + RuleText.Number + @"\s*件")]
    private static partial Regex DisclosedClaim();

    [GeneratedRegex(@"部分公开\s*" + RuleText.Number + @"\s*件")]
    private static partial Regex PartialClaim();

    [GeneratedRegex(@"不予公开\s*" + RuleText.Number + @"\s*件")]
    private static partial Regex WithheldClaim();

    [GeneratedRegex(@"无法提供\s*" + RuleText.Number + @"\s*件")]
    private static partial Regex UnavailableClaim();

    [GeneratedRegex(@"不予处理\s*" + RuleText.Number + @"\s*件")]
    private static partial Regex NotProcessedClaim();

    [GeneratedRegex(@"(均获维持|均予维持|均被维持|均维持|全部维持|全部获得维持)")]
    private static partial Regex AllUpheld();

    [GeneratedRegex(@"行政复议(?:案件)?(?:共)?\s*" + RuleText.Number + @"\s*(?:件|起)")]
    private static partial Regex ReconsiderationCount();

    [GeneratedRegex(@"行政诉讼(?:案件)?(?:共)?\s*" + RuleText.Number + @"\s*(?:件|起)")]
    private static partial Regex LitigationCount();
}

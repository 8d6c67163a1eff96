using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Tests.Checker.ProseReports;

namespace Gongkai.Core.Tests.Checker.Rules;

/// <summary>N2: shares recomputed from table 三, and shares of all outcomes adding up to 100 %.</summary>
public sealed class ShareRulesTests
{
    [Fact]
    public void Shares_of_all_outcomes_add_up_to_one_hundred_percent()
    {
        var wrong = Check(Report(five: "予以公开占60%，部分公开占30.5%，不予公开占8%，无法提供占5%。"), "N2");
        var right = Check(Report(five: "予以公开占60.4%，部分公开占30.2%，不予公开占5.3%，无法提供占4.2%。"), "N2");

        Assert.Contains("合计为 103.5%，不是 100%", Assert.Single(wrong).Message);
        Assert.Empty(right);
    }

    [Fact]
    public void A_share_is_not_judged_against_a_total_left_blank()
    {
        var lines = Report(five: "本年度予以公开5件，占50%。");
        var at = lines.IndexOf(ReportFormats.Sections[3]);
        foreach (var row in ReportFormats.RequestRows(ReportFormat.V2021).Where(r => r.Kind != RowKind.Heading))
        {
            // 一、本年新收 and （七）总计 printed without their totals; 上年结转 2.
            var total = row.Id switch { RequestsRow.NewlyReceived or RequestsRow.Total => "", RequestsRow.CarriedIn => "2", RequestsRow.Disclosed => "5", _ => "0" };
            lines.Insert(at++, $"{row.Label}\t0\t0\t0\t0\t0\t0\t{total}");
        }

        Assert.Empty(Check(lines, "N2"));
    }
}

using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;

namespace Gongkai.Core.Tests.AnnualReports;

public sealed class ReportDraftTests
{
    [Fact]
    public void The_requests_paragraph_takes_every_number_from_the_table()
    {
        var ledger = new YearLedger(2024);
        ledger.Add(ApplicantType.NaturalPerson, LedgerPlace.NewThisYear, Outcome.Disclosed, 5);
        ledger.Add(ApplicantType.Business, LedgerPlace.NewThisYear, Outcome.PartiallyDisclosed, 2);
        ledger.Add(ApplicantType.NaturalPerson, LedgerPlace.NewThisYear, Outcome.UnavailableNotHeld, 3);
        ledger.Add(ApplicantType.NaturalPerson, LedgerPlace.CarriedIn, Outcome.OtherFeeNotPaid, 1);
        ledger.Add(ApplicantType.NaturalPerson, LedgerPlace.NewThisYear, null, 4);

        var text = ReportDraft.RequestsParagraph(RequestTable.From(ledger, ReportFormat.V2021));

        Assert.Equal("本年度共收到政府信息公开申请14件，上年结转1件；办理答复11件，其中予以公开5件，部分公开2件，不予公开0件，无法提供3件，不予处理0件，其他处理1件；结转下年度继续办理4件。", text);
    }

    [Fact]
    public void The_appeals_paragraph_names_each_result_and_says_so_when_there_were_none()
    {
        var table = new AppealsTable();
        Assert.Equal("本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。", ReportDraft.AppealsParagraph(table));

        table[AppealKind.Reconsideration, AppealColumn.Upheld] = 1;
        table[AppealKind.Reconsideration, AppealColumn.Corrected] = 1;
        table[AppealKind.Reconsideration, AppealColumn.Total] = 2;
        table[AppealKind.LitigationDirect, AppealColumn.Pending] = 1;
        table[AppealKind.LitigationDirect, AppealColumn.Total] = 1;

        Assert.Equal("本年度因政府信息公开申请行政复议2件（结果维持1件，结果纠正1件），提起行政诉讼1件（尚未审结1件）。", ReportDraft.AppealsParagraph(table));
    }

    [Fact]
    public void From_2021_section_six_states_the_fees_even_when_none()
    {
        Assert.Equal("本年度未收取政府信息公开信息处理费。", ReportDraft.FeesParagraph(ReportFormat.V2021, 0, 0));
        Assert.Equal("本年度依据《政府信息公开信息处理费管理办法》发出收费通知2件，收取信息处理费300元。", ReportDraft.FeesParagraph(ReportFormat.V2021, 300m, 2));
        Assert.DoesNotContain("信息处理费", ReportDraft.FeesParagraph(ReportFormat.V2019, 0, 0), StringComparison.Ordinal);
    }

    [Fact]
    public void Article_20_tables_follow_each_format_and_refuse_cells_it_does_not_have()
    {
        var v2021 = new Article20Figures(ReportFormat.V2021);
        var v2019 = new Article20Figures(ReportFormat.V2019);
        v2021["第二十条第（一）项", "行政规范性文件", "现行有效件数"] = 35;
        v2019["第二十条第（九）项", "政府集中采购", "采购总金额"] = 1234.5m;

        Assert.Equal(35, v2021["第二十条第（一）项", "行政规范性文件", "现行有效件数"]);
        Assert.Equal(4, v2021.Tables.Count);
        Assert.Equal(5, v2019.Tables.Count);
        Assert.Equal("万元", v2021.Tables.Single(t => t.Item == "第二十条第（八）项").Unit);
        Assert.Throws<ArgumentOutOfRangeException>(() => v2021["第二十条第（九）项", "政府集中采购", "采购总金额"] = 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => v2021["第二十条第（一）项", "规范性文件", "本年制发件数"] = 1);
        var fees = v2021.Tables.Single(t => t.Item == "第二十条第（八）项");
        Assert.Null(Article20Figures.Validate(fees, "本年收费金额（单位：万元）", 12.35m));
        Assert.Equal("金额最多保留两位小数。", Article20Figures.Validate(fees, "本年收费金额（单位：万元）", 12.345m));
        Assert.Equal("件数应为整数。", Article20Figures.Validate(v2021.Tables[0], "本年制发件数", 1.5m));
        Assert.Equal("不能为负数。", Article20Figures.Validate(v2021.Tables[0], "本年制发件数", -1));
        Assert.Null(Article20Figures.Validate(v2019.Tables[1], "本年增/减", -3));
    }

    [Fact]
    public void The_draft_of_sections_one_and_three_comes_from_the_catalog_and_the_requests()
    {
        Assert.Equal("本年度在政府信息公开目录中主动公开政府信息126条，其中行政规范性文件8件、政策解读8篇；编印政府公报12期。",
            ReportDraft.ProactiveParagraph(126, 0, 8, 8, 12));
        Assert.Equal("本年度在政府信息公开目录中主动公开政府信息3条。", ReportDraft.ProactiveParagraph(3, 0, 0, 0, 0));
        Assert.Null(ReportDraft.ProactiveParagraph(0, 0, 0, 0, 0));
        Assert.Equal("本年度对主动公开的文件及时标注有效性，废止文件2件、宣布失效文件1件，均已在目录中注明。", ReportDraft.ManagementParagraph(2, 1));
        Assert.Null(ReportDraft.ManagementParagraph(0, 0));
        Assert.Equal("申请内容较集中的是征收补偿（12件）、道路建设（8件）。", ReportDraft.SubjectsSentence([("征收补偿", 12), ("道路建设", 8)]));
        Assert.Null(ReportDraft.SubjectsSentence([]));
    }
}

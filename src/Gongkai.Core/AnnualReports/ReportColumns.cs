using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;

namespace Gongkai.Core.AnnualReports;

/// <summary>The seven number columns of table 三 (申请人情况), in the format's order.</summary>
public enum ApplicantColumn
{
    /// <summary>自然人.</summary>
    NaturalPerson,
    /// <summary>法人或其他组织 · 商业企业.</summary>
    Business,
    /// <summary>法人或其他组织 · 科研机构.</summary>
    ResearchInstitution,
    /// <summary>法人或其他组织 · 社会公益组织.</summary>
    PublicInterestOrganization,
    /// <summary>法人或其他组织 · 法律服务机构.</summary>
    LegalServiceProvider,
    /// <summary>法人或其他组织 · 其他.</summary>
    OtherOrganization,
    /// <summary>总计: the six applicant columns added up.</summary>
    Total,
}

public static class ApplicantColumns
{
    /// <summary>All seven, in the format's order (a printed row's cells, a JSON row's values).</summary>
    public static readonly IReadOnlyList<ApplicantColumn> All = Enum.GetValues<ApplicantColumn>();

    /// <summary>The six columns of one applicant type each: what 总计 adds up.</summary>
    public static readonly IReadOnlyList<ApplicantColumn> Applicants = [.. All.Where(c => c != ApplicantColumn.Total)];

    /// <summary>The five columns under the header 法人或其他组织.</summary>
    public static readonly IReadOnlyList<ApplicantColumn> Organizations = [.. Applicants.Where(c => c != ApplicantColumn.NaturalPerson)];

    /// <summary>The column's header exactly as the format prints it.</summary>
    public static string Label(this ApplicantColumn column) => column switch
    {
        ApplicantColumn.NaturalPerson => "自然人",
        ApplicantColumn.Business => "商业企业",
        ApplicantColumn.ResearchInstitution => "科研机构",
        ApplicantColumn.PublicInterestOrganization => "社会公益组织",
        ApplicantColumn.LegalServiceProvider => "法律服务机构",
        ApplicantColumn.OtherOrganization => "其他",
        ApplicantColumn.Total => "总计",
    };

    /// <summary>The applicant type the column counts; null for 总计.</summary>
    public static ApplicantType? Type(this ApplicantColumn column) => column switch
    {
        ApplicantColumn.NaturalPerson => ApplicantType.NaturalPerson,
        ApplicantColumn.Business => ApplicantType.Business,
        ApplicantColumn.ResearchInstitution => ApplicantType.ResearchInstitution,
        ApplicantColumn.PublicInterestOrganization => ApplicantType.PublicInterestOrganization,
        ApplicantColumn.LegalServiceProvider => ApplicantType.LegalServiceProvider,
        ApplicantColumn.OtherOrganization => ApplicantType.OtherOrganization,
        ApplicantColumn.Total => null,
    };

    /// <summary>The column that counts an applicant type.</summary>
    public static ApplicantColumn Column(this ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => ApplicantColumn.NaturalPerson,
        ApplicantType.Business => ApplicantColumn.Business,
        ApplicantType.ResearchInstitution => ApplicantColumn.ResearchInstitution,
        ApplicantType.PublicInterestOrganization => ApplicantColumn.PublicInterestOrganization,
        ApplicantType.LegalServiceProvider => ApplicantColumn.LegalServiceProvider,
        ApplicantType.OtherOrganization => ApplicantColumn.OtherOrganization,
    };
}

/// <summary>The five number columns of each group of table 四 (行政复议, and both kinds of 行政诉讼).</summary>
public enum AppealColumn
{
    /// <summary>结果维持.</summary>
    Upheld,
    /// <summary>结果纠正.</summary>
    Corrected,
    /// <summary>其他结果.</summary>
    OtherResult,
    /// <summary>尚未审结.</summary>
    Pending,
    /// <summary>总计: the four results added up.</summary>
    Total,
}

public static class AppealColumns
{
    /// <summary>All five, in the format's order.</summary>
    public static readonly IReadOnlyList<AppealColumn> All = Enum.GetValues<AppealColumn>();

    /// <summary>The four columns of one result each: what 总计 adds up.</summary>
    public static readonly IReadOnlyList<AppealColumn> Results = [.. All.Where(c => c != AppealColumn.Total)];

    /// <summary>The columns of the cases not (or not yet) upheld: 纠正, 其他结果, 尚未审结.</summary>
    public static readonly IReadOnlyList<AppealColumn> NotUpheld = [AppealColumn.Corrected, AppealColumn.OtherResult, AppealColumn.Pending];

    /// <summary>Table 四 prints one row: the three groups' five columns each, fifteen numbers.</summary>
    public static int PrintedCount => Enum.GetValues<AppealKind>().Length * All.Count;

    /// <summary>Where a group's column stands in the printed row of fifteen.</summary>
    public static int PrintedIndex(AppealKind kind, AppealColumn column) => ((int)kind * All.Count) + (int)column;

    /// <summary>The column's header exactly as the format prints it.</summary>
    public static string Label(this AppealColumn column) => column switch
    {
        AppealColumn.Upheld => "结果维持",
        AppealColumn.Corrected => "结果纠正",
        AppealColumn.OtherResult => "其他结果",
        AppealColumn.Pending => "尚未审结",
        AppealColumn.Total => "总计",
    };

    /// <summary>The column that counts a result.</summary>
    public static AppealColumn Column(this AppealResult result) => result switch
    {
        AppealResult.Upheld => AppealColumn.Upheld,
        AppealResult.Corrected => AppealColumn.Corrected,
        AppealResult.OtherResult => AppealColumn.OtherResult,
        AppealResult.Pending => AppealColumn.Pending,
    };
}

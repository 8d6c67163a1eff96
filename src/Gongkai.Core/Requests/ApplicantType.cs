namespace Gongkai.Core.Requests;

/// <summary>The six applicant columns of the annual report's request table, in its order.</summary>
public enum ApplicantType
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
}

public static class ApplicantTypes
{
    public static string DisplayName(this ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => "自然人",
        ApplicantType.Business => "商业企业",
        ApplicantType.ResearchInstitution => "科研机构",
        ApplicantType.PublicInterestOrganization => "社会公益组织",
        ApplicantType.LegalServiceProvider => "法律服务机构",
        ApplicantType.OtherOrganization => "其他组织",
    };

    public static bool IsOrganization(this ApplicantType type) => type != ApplicantType.NaturalPerson;
}

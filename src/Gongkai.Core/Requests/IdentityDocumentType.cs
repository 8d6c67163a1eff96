namespace Gongkai.Core.Requests;

/// <summary>The document an applicant identifies with.</summary>
public enum IdentityDocumentType
{
    /// <summary>居民身份证: a natural person's 18-character number (GB 11643-1999).</summary>
    ResidentIdCard,

    /// <summary>护照.</summary>
    Passport,

    /// <summary>统一社会信用代码: an organization's code (GB 32100-2015).</summary>
    UnifiedSocialCreditCode,

    /// <summary>其他证件: e.g. 港澳居民来往内地通行证, 外国人永久居留身份证.</summary>
    Other,
}

public static class IdentityDocumentTypeExtensions
{
    /// <summary>The name people see on forms and notices.</summary>
    public static string DisplayName(this IdentityDocumentType type) => type switch
    {
        IdentityDocumentType.ResidentIdCard => "居民身份证",
        IdentityDocumentType.Passport => "护照",
        IdentityDocumentType.UnifiedSocialCreditCode => "统一社会信用代码",
        IdentityDocumentType.Other => "其他证件",
    };
}

namespace Gongkai.Core.Agencies;

/// <summary>A government body (行政机关) in the deployment's agency tree, with its disclosure office's contact.</summary>
public sealed class Agency
{
    public int Id { get; set; }
    public required string FullName { get; set; }
    public required string ShortName { get; set; }
    /// <summary>统一社会信用代码, validated by <see cref="UnifiedSocialCreditCode"/>.</summary>
    public required string CreditCode { get; set; }
    public AgencyLevel Level { get; set; }
    public int? ParentId { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>
    /// The agency whose staff do this agency's disclosure work (its 政府信息公开工作机构, Art. 4): a government's
    /// requests and letters are usually handled by its office. Null: its own staff. The records stay this agency's
    /// (they are counted in its annual report); only who may handle them changes.
    /// </summary>
    public int? HandledById { get; set; }
    /// <summary>
    /// How the agency numbers its notices to applicants (文号), e.g. <c>示府办依复〔{年}〕{号}号</c>: <c>{年}</c> the year,
    /// <c>{号}</c> the next number of that year. Null: notices carry no number.
    /// </summary>
    public string? NoticeNumberPattern { get; set; }
    /// <summary>Fictional records made by the demo-data seeder.</summary>
    public bool IsDemo { get; set; }
    public DisclosureOfficeContact Contact { get; set; } = new();
}

/// <summary>政府信息公开工作机构的联系方式, as the disclosure guide publishes it (Art. 12).</summary>
public sealed class DisclosureOfficeContact
{
    public string? OfficeName { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? Phone { get; set; }
    public string? OfficeHours { get; set; }
    public string? Email { get; set; }
    /// <summary>How an applicant pays the information processing fee (收款单位、账号、开户行或缴费渠道): every fee notice states it (fee rules).</summary>
    public string? FeePayment { get; set; }
}

/// <summary>What a person submits when creating or editing an agency; validated before anything is written.</summary>
public sealed record AgencyInput(
    string? FullName,
    string? ShortName,
    string? CreditCode,
    AgencyLevel Level,
    int? ParentId,
    string? OfficeName = null,
    string? Address = null,
    string? Postcode = null,
    string? Phone = null,
    string? OfficeHours = null,
    string? Email = null,
    string? FeePayment = null,
    int? HandledById = null,
    string? NoticeNumberPattern = null)
{
    public const int MaxNoticeNumberPattern = 50;

    /// <summary>Field-level problems, in Chinese, keyed by field name. Empty when the input is acceptable on its own.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(FullName))
        {
            errors[nameof(FullName)] = "请填写机关全称。";
        }
        else if (FullName.Trim().Length > 100)
        {
            errors[nameof(FullName)] = "机关全称不能超过 100 个字。";
        }

        if (string.IsNullOrWhiteSpace(ShortName))
        {
            errors[nameof(ShortName)] = "请填写机关简称。";
        }
        else if (ShortName.Trim().Length > 40)
        {
            errors[nameof(ShortName)] = "机关简称不能超过 40 个字。";
        }

        if (UnifiedSocialCreditCode.Validate(CreditCode is null ? null : UnifiedSocialCreditCode.Normalize(CreditCode)) is { } codeError)
        {
            errors[nameof(CreditCode)] = codeError;
        }

        if (!Enum.IsDefined(Level))
        {
            errors[nameof(Level)] = "请选择机关层级。";
        }

        if (!string.IsNullOrWhiteSpace(Postcode) && (Postcode.Trim().Length != 6 || !Postcode.Trim().All(char.IsAsciiDigit)))
        {
            errors[nameof(Postcode)] = "邮政编码应为 6 位数字。";
        }

        if (!string.IsNullOrWhiteSpace(Email) && !LooksLikeEmail(Email.Trim()))
        {
            errors[nameof(Email)] = "电子邮箱格式不正确。";
        }

        if (!string.IsNullOrWhiteSpace(FeePayment) && FeePayment.Trim().Length > 300)
        {
            errors[nameof(FeePayment)] = "缴纳方式不能超过 300 个字。";
        }

        if (!string.IsNullOrWhiteSpace(NoticeNumberPattern)
            && (!NoticeNumberPattern.Contains("{号}", StringComparison.Ordinal) || NoticeNumberPattern.Trim().Length > MaxNoticeNumberPattern))
        {
            errors[nameof(NoticeNumberPattern)] = $"文号格式须含“{{号}}”（序号），可含“{{年}}”（年份），不超过 {MaxNoticeNumberPattern} 个字，如“示府办依复〔{{年}}〕{{号}}号”。";
        }

        if (!string.IsNullOrWhiteSpace(Phone) && !Phone.Trim().All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '(' or ')' or '（' or '）' or '+' or '、' or ','))
        {
            errors[nameof(Phone)] = "联系电话只能包含数字、连字符和括号。";
        }

        return errors;
    }

    public void ApplyTo(Agency agency)
    {
        agency.FullName = FullName!.Trim();
        agency.ShortName = ShortName!.Trim();
        agency.CreditCode = UnifiedSocialCreditCode.Normalize(CreditCode!);
        agency.Level = Level;
        agency.ParentId = ParentId;
        agency.HandledById = HandledById;
        agency.NoticeNumberPattern = Clean(NoticeNumberPattern);
        agency.Contact = new DisclosureOfficeContact
        {
            OfficeName = Clean(OfficeName),
            Address = Clean(Address),
            Postcode = Clean(Postcode),
            Phone = Clean(Phone),
            OfficeHours = Clean(OfficeHours),
            Email = Clean(Email),
            FeePayment = Clean(FeePayment),
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.') && !value.Any(char.IsWhiteSpace);
    }
}

/// <summary>An agency's 文号 for its notices: the pattern filled in with a year and a number.</summary>
public static class NoticeNumbers
{
    public static string Format(string pattern, int year, int number) =>
        pattern.Replace("{年}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{号}", number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

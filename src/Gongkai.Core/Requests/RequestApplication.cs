namespace Gongkai.Core.Requests;

/// <summary>载体形式: the form the applicant wants the information in.</summary>
public enum ProvisionForm
{
    Paper,
    Electronic,
}

/// <summary>获取方式.</summary>
public enum ObtainMethod
{
    Mail,
    Email,
    PickUp,
    Online,
}

/// <summary>
/// Art. 43: "申请公开政府信息的公民存在阅读困难或者视听障碍的，行政机关应当为其提供必要的帮助" — what the applicant
/// says they need help with. Health information: shown only to those who handle the request.
/// </summary>
[Flags]
public enum AssistanceNeeds
{
    None = 0,
    /// <summary>阅读困难.</summary>
    Reading = 1,
    /// <summary>视力障碍.</summary>
    Sight = 2,
    /// <summary>听力障碍.</summary>
    Hearing = 4,
}

public static class ApplicationChoices
{
    public const AssistanceNeeds AllAssistanceNeeds = AssistanceNeeds.Reading | AssistanceNeeds.Sight | AssistanceNeeds.Hearing;

    public static string DisplayName(this AssistanceNeeds needs) => needs == AssistanceNeeds.None
        ? "无"
        : string.Join("、", new[] { (AssistanceNeeds.Reading, "阅读困难"), (AssistanceNeeds.Sight, "视力障碍"), (AssistanceNeeds.Hearing, "听力障碍") }
            .Where(n => needs.HasFlag(n.Item1)).Select(n => n.Item2));

    public static string DisplayName(this ProvisionForm form) => form switch
    {
        ProvisionForm.Paper => "纸质文本",
        ProvisionForm.Electronic => "电子文本",
    };

    public static string DisplayName(this ObtainMethod method) => method switch
    {
        ObtainMethod.Mail => "邮寄",
        ObtainMethod.Email => "电子邮件",
        ObtainMethod.PickUp => "当面领取",
        ObtainMethod.Online => "在线获取（本平台）",
    };
}

/// <summary>
/// What an applicant submits (the 政府信息公开申请表), from the public form, a clerk's entry or the API. Validation
/// says what is wrong, field by field, in Chinese; nothing is stored unless it is empty.
/// </summary>
public sealed record RequestApplication
{
    public ApplicantType ApplicantType { get; init; }
    /// <summary>The person's name, or the organization's name.</summary>
    public string? ApplicantName { get; init; }
    public IdentityDocumentType IdType { get; init; }
    public string? IdNumber { get; init; }
    /// <summary>For organizations: who to contact.</summary>
    public string? ContactPerson { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    /// <summary>所需政府信息的名称.</summary>
    public string? InformationTitle { get; init; }
    public string? DocumentNumber { get; init; }
    /// <summary>所需政府信息的其他特征描述.</summary>
    public string? Description { get; init; }
    public ProvisionForm ProvisionForm { get; init; }
    public ObtainMethod ObtainMethod { get; init; }
    /// <summary>Art. 43: the help the applicant asks for, if any.</summary>
    public AssistanceNeeds Assistance { get; init; }
    /// <summary>Art. 43: how the office can help (e.g. 请电话告知答复内容、需要大字版).</summary>
    public string? AssistanceDetail { get; init; }

    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(ApplicantType))
        {
            errors[nameof(ApplicantType)] = "请选择申请人类型。";
        }

        Required(errors, nameof(ApplicantName), ApplicantName, ApplicantType.IsOrganization() ? "请填写法人或其他组织的名称。" : "请填写申请人姓名。", 100);
        if (!Enum.IsDefined(IdType))
        {
            errors[nameof(IdType)] = "请选择证件类型。";
        }
        else if (ApplicantType == ApplicantType.NaturalPerson && IdType == IdentityDocumentType.UnifiedSocialCreditCode)
        {
            errors[nameof(IdType)] = "自然人请使用居民身份证、护照或其他身份证件。";
        }
        else if (ApplicantType.IsOrganization() && IdType != IdentityDocumentType.UnifiedSocialCreditCode && IdType != IdentityDocumentType.Other)
        {
            errors[nameof(IdType)] = "法人或其他组织请填写统一社会信用代码（没有的，选“其他证件”）。";
        }
        else if (IdentityDocument.Validate(IdType, IdNumber) is { } idError)
        {
            errors[nameof(IdNumber)] = idError;
        }

        if (ApplicantType.IsOrganization())
        {
            Required(errors, nameof(ContactPerson), ContactPerson, "请填写联系人姓名。", 50);
        }

        var phoneDigits = new string((Phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (string.IsNullOrWhiteSpace(Phone))
        {
            errors[nameof(Phone)] = "请填写联系电话：查询办理进度需要它的后四位。";
        }
        else if (phoneDigits.Length is < 7 or > 15 || Phone.Any(c => !(char.IsAsciiDigit(c) || c is '-' or ' ' or '+' or '(' or ')')))
        {
            errors[nameof(Phone)] = "联系电话应为 7 至 15 位数字（可含连字符）。";
        }

        if (!string.IsNullOrWhiteSpace(Email) && !LooksLikeEmail(Email.Trim()))
        {
            errors[nameof(Email)] = "电子邮箱格式不正确。";
        }

        if (!string.IsNullOrWhiteSpace(Postcode) && (Postcode.Trim().Length != 6 || !Postcode.Trim().All(char.IsAsciiDigit)))
        {
            errors[nameof(Postcode)] = "邮政编码应为 6 位数字。";
        }

        Required(errors, nameof(InformationTitle), InformationTitle, "请填写所需政府信息的名称。", 200);
        Optional(errors, nameof(DocumentNumber), DocumentNumber, 100);
        Optional(errors, nameof(Description), Description, 2000);
        if (!Enum.IsDefined(ProvisionForm))
        {
            errors[nameof(ProvisionForm)] = "请选择载体形式。";
        }

        if (!Enum.IsDefined(ObtainMethod))
        {
            errors[nameof(ObtainMethod)] = "请选择获取方式。";
        }
        else if (ObtainMethod == ObtainMethod.Mail && string.IsNullOrWhiteSpace(Address))
        {
            errors[nameof(Address)] = "选择邮寄的，请填写通信地址。";
        }
        else if (ObtainMethod == ObtainMethod.Email && string.IsNullOrWhiteSpace(Email))
        {
            errors[nameof(Email)] = "选择电子邮件的，请填写电子邮箱。";
        }

        Optional(errors, nameof(Address), Address, 200);
        if ((Assistance & ~ApplicationChoices.AllAssistanceNeeds) != 0)
        {
            errors[nameof(Assistance)] = "需要的帮助选择无效。";
        }

        Optional(errors, nameof(AssistanceDetail), AssistanceDetail, 200);
        return errors;
    }

    /// <summary>The last four digits of the phone: the second half of the tracking credential.</summary>
    public static string PhoneTail(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 ? digits[^4..] : digits;
    }

    private static void Required(Dictionary<string, string> errors, string field, string? value, string message, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = message;
        }
        else
        {
            Optional(errors, field, value, max);
        }
    }

    private static void Optional(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length is var length && length > max)
        {
            // The message names the field and the length: the form shows it beside the field, a list above the form.
            errors[field] = $"{FieldLabels.GetValueOrDefault(field, "此项")}不能超过 {max} 个字，现为 {length} 个字。";
        }
    }

    /// <summary>The form's names of the fields whose length is limited.</summary>
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        [nameof(ApplicantName)] = "申请人姓名或名称",
        [nameof(ContactPerson)] = "联系人姓名",
        [nameof(InformationTitle)] = "所需政府信息的名称",
        [nameof(DocumentNumber)] = "文号",
        [nameof(Description)] = "所需政府信息的内容描述",
        [nameof(Address)] = "通信地址",
        [nameof(AssistanceDetail)] = "需要的帮助说明",
    };

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.') && !value.Any(char.IsWhiteSpace);
    }
}

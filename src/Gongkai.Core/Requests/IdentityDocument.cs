using System.Globalization;

namespace Gongkai.Core.Requests;

/// <summary>Checks and masks the document number an applicant gives, by document type.</summary>
public static class IdentityDocument
{
    private const int MaxOtherLength = 50;

    /// <summary>
    /// Null when <paramref name="number"/> is acceptable for <paramref name="type"/>; otherwise why not, in Chinese.
    /// A 统一社会信用代码 is checked exactly as typed (lower case refused), so pass what <see cref="Normalize"/> returns.
    /// </summary>
    public static string? Validate(IdentityDocumentType type, string? number)
    {
        // A form can post a number that names no type; that is the applicant's mistake to correct, not a crash.
        if (!Enum.IsDefined(type))
        {
            return "请选择证件类型。";
        }

        return type switch
        {
            IdentityDocumentType.ResidentIdCard => ResidentIdNumber.Validate(number),
            IdentityDocumentType.UnifiedSocialCreditCode => Agencies.UnifiedSocialCreditCode.Validate(number),
            IdentityDocumentType.Passport => ValidatePassport(number),
            IdentityDocumentType.Other => ValidateOther(number),
        };
    }

    public static bool IsValid(IdentityDocumentType type, string? number) => Validate(type, number) is null;

    /// <summary>What to store: surrounding spaces removed and, where the standard uses capitals, letters upper-cased.</summary>
    public static string Normalize(IdentityDocumentType type, string number) => Defined(type) switch
    {
        IdentityDocumentType.ResidentIdCard => ResidentIdNumber.Normalize(number),
        IdentityDocumentType.UnifiedSocialCreditCode => Agencies.UnifiedSocialCreditCode.Normalize(number),
        IdentityDocumentType.Passport => number.Trim().ToUpperInvariant(),
        // Other documents may be in any script; their case is left as typed.
        IdentityDocumentType.Other => number.Trim(),
    };

    /// <summary>
    /// For display: a resident ID keeps its first 3 and last 4 characters, any other document its first 2 and
    /// last 2; each hidden character becomes '*'.
    /// </summary>
    public static string Mask(IdentityDocumentType type, string number) => PersonalData.IsPlaceholder(number) ? number.Trim() : Defined(type) switch
    {
        IdentityDocumentType.ResidentIdCard => ResidentIdNumber.Mask(number),
        IdentityDocumentType.Passport or IdentityDocumentType.UnifiedSocialCreditCode or IdentityDocumentType.Other =>
            Masking.KeepEnds(Normalize(type, number), 2, 2),
    };

    private static string? ValidatePassport(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return "护照号码不能为空。";
        }

        var passport = number.Trim().ToUpperInvariant();
        if (passport.Length is < 5 or > 20)
        {
            return $"护照号码应为 5–20 位字母或数字，输入的是 {passport.Length.ToString(CultureInfo.InvariantCulture)} 位。";
        }

        for (var i = 0; i < passport.Length; i++)
        {
            if (!char.IsAsciiLetterUpper(passport[i]) && !char.IsAsciiDigit(passport[i]))
            {
                return $"护照号码只能包含英文字母和数字，第 {(i + 1).ToString(CultureInfo.InvariantCulture)} 位是“{passport[i]}”。";
            }
        }

        return null;
    }

    private static string? ValidateOther(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return "证件号码不能为空。";
        }

        // UTF-16 units, not characters: never more than the code points, so 50 always fits a 50-character column.
        var length = number.Trim().Length;
        return length > MaxOtherLength
            ? $"证件号码不能超过 {MaxOtherLength.ToString(CultureInfo.InvariantCulture)} 个字符，输入的是 {length.ToString(CultureInfo.InvariantCulture)} 个。"
            : null;
    }

    private static IdentityDocumentType Defined(IdentityDocumentType type) =>
        Enum.IsDefined(type) ? type : throw new ArgumentOutOfRangeException(nameof(type), type, "未知的证件类型。");
}

using System.Globalization;

namespace Gongkai.Core.Requests;

/// <summary>
/// 公民身份号码 (GB 11643-1999): a 6-digit address code, an 8-digit birth date (yyyyMMdd), a 3-digit sequence
/// number and a check character, ISO 7064 MOD 11-2 over the first 17 digits ('X' stands for 10).
/// The address code is not checked: that needs the GB/T 2260 division table, which changes over time.
/// </summary>
public static class ResidentIdNumber
{
    private const string CheckCharacters = "10X98765432";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // Core has no clock, so "not in the future" is the caller's to check; this range only refuses dates that
    // cannot belong to anyone living under the 1999 standard.
    private static readonly DateOnly EarliestBirth = new(1900, 1, 1);
    private static readonly DateOnly LatestBirth = new(2100, 12, 31);

    /// <summary>Null when the number is valid; otherwise why not, in Chinese. Spaces around it and a lower-case x are accepted.</summary>
    public static string? Validate(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return "身份证号码不能为空。";
        }

        number = Normalize(number);
        if (number.Length != 18)
        {
            // People still type the first-generation 15-digit number, which stopped being valid on 2013-01-01.
            return number.Length == 15
                ? "身份证号码应为 18 位，输入的是 15 位。15 位的第一代身份证号码已停止使用，请填写现用的 18 位号码。"
                : $"身份证号码应为 18 位，输入的是 {number.Length.ToString(CultureInfo.InvariantCulture)} 位。";
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                return $"身份证号码前 17 位应为数字，第 {(i + 1).ToString(CultureInfo.InvariantCulture)} 位是“{number[i]}”。";
            }
        }

        if (!char.IsAsciiDigit(number[17]) && number[17] != 'X')
        {
            return $"身份证号码第 18 位应为数字或 X，输入的是“{number[17]}”。";
        }

        var birth = number.AsSpan(6, 8);
        if (!DateOnly.TryParseExact(birth, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            return $"身份证号码第 7–14 位应为出生日期，“{birth}”不是有效的日期。";
        }

        if (born < EarliestBirth || born > LatestBirth)
        {
            return $"身份证号码第 7–14 位应为出生日期，“{birth}”不在 1900 年至 2100 年之间。";
        }

        var expected = CheckCharacter(number.AsSpan(0, 17));
        return number[17] == expected
            ? null
            : $"身份证号码校验位不符：按 GB 11643-1999 计算，第 18 位应为“{expected}”，输入的是“{number[17]}”。请核对号码是否抄错。";
    }

    public static bool IsValid(string? number) => Validate(number) is null;

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("需要前 17 位。", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                throw new ArgumentException($"“{first17[i]}”不是数字。", nameof(first17));
            }

            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Normalizes what people type: surrounding spaces removed, a lower-case x upper-cased.</summary>
    public static string Normalize(string number) => number.Trim().ToUpperInvariant();

    /// <summary>For display: the first 3 and last 4 characters, the rest '*', the length kept (110***********123X).</summary>
    public static string Mask(string number) => PersonalData.IsPlaceholder(number) ? number.Trim() : Masking.KeepEnds(Normalize(number), 3, 4);
}

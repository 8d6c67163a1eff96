namespace Gongkai.Core.Agencies;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (digits and capitals without I, O, Z, S, V):
/// registration authority (1), organization type (1), administrative division (6 digits), organization code (9),
/// and a check character computed over the first 17 with weights 3^i mod 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Null when the code is valid; otherwise why not, in Chinese.</summary>
    public static string? Validate(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "统一社会信用代码不能为空。";
        }

        code = code.Trim();
        if (code.Length != 18)
        {
            return $"统一社会信用代码应为 18 位，输入的是 {code.Length} 位。";
        }

        for (var i = 0; i < code.Length; i++)
        {
            if (Alphabet.IndexOf(code[i], StringComparison.Ordinal) < 0)
            {
                return $"统一社会信用代码第 {i + 1} 位“{code[i]}”不是允许的字符（数字或除 I、O、Z、S、V 以外的大写字母）。";
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                return "统一社会信用代码第 3–8 位是行政区划码，应为数字。";
            }
        }

        var expected = CheckCharacter(code.AsSpan(0, 17));
        return code[17] == expected
            ? null
            : $"统一社会信用代码校验位不符：按 GB 32100-2015 计算，第 18 位应为“{expected}”，输入的是“{code[17]}”。请核对代码是否抄错。";
    }

    public static bool IsValid(string? code) => Validate(code) is null;

    /// <summary>The check character for the first 17 characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("需要前 17 位。", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"“{first17[i]}”不是统一社会信用代码字符。", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Normalizes what people type: surrounding spaces removed, letters upper-cased.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}

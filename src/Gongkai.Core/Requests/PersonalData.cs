using System.Text;

namespace Gongkai.Core.Requests;

/// <summary>Masks an applicant's contact details wherever they are shown to someone other than the applicant.</summary>
public static class PersonalData
{
    private const int PhoneDigitsKept = 4;
    private const int AddressKept = 6;
    private const int ShortAddressKept = 2;

    /// <summary>
    /// A mainland mobile number (11 digits starting with 1, spaces and hyphens allowed) becomes 138****5678. Any other
    /// number keeps its last 4 letters or digits; the others become '*', and separators such as '-', ' ', '(' stay.
    /// </summary>
    public static string MaskPhone(string phone)
    {
        var trimmed = phone.Trim();
        var compact = string.Concat(trimmed.Where(c => c is not (' ' or '-')));
        if (compact.Length == 11 && compact[0] == '1' && compact.All(char.IsAsciiDigit))
        {
            return $"{compact[..3]}****{compact[7..]}";
        }

        // Letters are masked too: a phone field sometimes holds something else (an e-mail address, a name).
        var toHide = trimmed.Count(char.IsLetterOrDigit) - PhoneDigitsKept;
        var masked = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (char.IsLetterOrDigit(c) && toHide > 0)
            {
                masked.Append('*');
                toHide--;
            }
            else
            {
                masked.Append(c);
            }
        }

        return masked.ToString();
    }

    /// <summary>
    /// The first 6 characters then "****" (enough to show the district); an address of 6 characters or fewer would
    /// be shown whole that way, so it keeps only its first 2.
    /// </summary>
    public static string MaskAddress(string address)
    {
        var trimmed = address.Trim();
        if (trimmed.Length == 0)
        {
            return "";
        }

        var kept = Masking.Head(trimmed, AddressKept);
        return kept.Length < trimmed.Length
            ? kept + "****"
            : Masking.Head(trimmed, ShortAddressKept) + "****";
    }

    /// <summary>A person's name in a list: the family name and one '*' per other character (张**).</summary>
    public static string MaskName(string name)
    {
        var trimmed = name.Trim();
        var length = new System.Globalization.StringInfo(trimmed).LengthInTextElements;
        return length == 0 ? "" : Masking.Head(trimmed, 1) + new string('*', Math.Max(1, length - 1));
    }
}

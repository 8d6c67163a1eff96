using System.Text;

namespace Gongkai.Core.Requests;

/// <summary>Masks an applicant's contact details wherever they are shown to someone other than the applicant.</summary>
public static class PersonalData
{
    private const int PhoneHeadKept = 3;
    private const int PhoneDigitsHidden = 8;
    private const int AddressKept = 6;
    private const int ShortAddressKept = 2;

    /// <summary>What a ledger import stores where a historical record has no value: shown as it is, never masked.</summary>
    public const string NotRecorded = "（台账未记录）";

    /// <summary>
    /// A note in place of a value — the whole text in full-width brackets and without a digit, such as
    /// <see cref="NotRecorded"/>: it tells nothing about a person, and masked it would read as nonsense ("（*账未记录）").
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length > 2 && trimmed[0] == '（' && trimmed[^1] == '）' && !trimmed.Any(char.IsDigit);
    }

    /// <summary>
    /// A mainland mobile number (11 digits starting with 1, spaces and hyphens allowed) becomes 138********. Any other
    /// value keeps its first 3 letters or digits only when at least 8 digits follow them, and otherwise nothing; the
    /// rest become '*', and separators such as '-', ' ', '(' stay. Never the last 4 digits: with the tracking code shown
    /// beside it, they are the applicant's key to /track.
    /// </summary>
    public static string MaskPhone(string phone)
    {
        if (IsPlaceholder(phone))
        {
            return phone.Trim();
        }

        var trimmed = phone.Trim();
        var compact = string.Concat(trimmed.Where(c => c is not (' ' or '-')));
        if (compact.Length == 11 && compact[0] == '1' && compact.All(char.IsAsciiDigit))
        {
            return compact[..PhoneHeadKept] + new string('*', compact.Length - PhoneHeadKept);
        }

        // Letters are masked too: a phone field sometimes holds something else (an e-mail address, a name).
        var kept = 0;
        var digitsAfterHead = 0;
        foreach (var c in trimmed)
        {
            if (kept < PhoneHeadKept && char.IsLetterOrDigit(c))
            {
                kept++;
            }
            else if (kept == PhoneHeadKept && char.IsAsciiDigit(c))
            {
                digitsAfterHead++;
            }
        }

        var toShow = digitsAfterHead >= PhoneDigitsHidden ? PhoneHeadKept : 0;
        var masked = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (!char.IsLetterOrDigit(c))
            {
                masked.Append(c);
            }
            else if (toShow > 0)
            {
                masked.Append(c);
                toShow--;
            }
            else
            {
                masked.Append('*');
            }
        }

        return masked.ToString();
    }

    /// <summary>The first character of the mailbox name, then "****" and the domain (z****@example.com).</summary>
    public static string MaskEmail(string email)
    {
        if (IsPlaceholder(email))
        {
            return email.Trim();
        }

        var trimmed = email.Trim();
        if (trimmed.Length == 0)
        {
            return "";
        }

        var at = trimmed.LastIndexOf('@');
        return Masking.Head(trimmed, 1) + "****" + (at > 0 ? trimmed[at..] : "");
    }

    /// <summary>
    /// The first 6 characters then "****" (enough to show the district); an address of 6 characters or fewer would
    /// be shown whole that way, so it keeps only its first 2.
    /// </summary>
    public static string MaskAddress(string address)
    {
        if (IsPlaceholder(address))
        {
            return address.Trim();
        }

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
        if (IsPlaceholder(name))
        {
            return name.Trim();
        }

        var trimmed = name.Trim();
        var length = new System.Globalization.StringInfo(trimmed).LengthInTextElements;
        return length == 0 ? "" : Masking.Head(trimmed, 1) + new string('*', Math.Max(1, length - 1));
    }
}

using System.Text.RegularExpressions;

namespace Gongkai.Core.Interaction;

/// <summary>The portal's ways for the public to write in (互动交流).</summary>
public enum InteractionChannel
{
    /// <summary>领导信箱.</summary>
    LeaderMailbox,
    /// <summary>网上投诉.</summary>
    Complaint,
    /// <summary>咨询.</summary>
    Inquiry,
}

/// <summary>Where a letter is.</summary>
public enum LetterStatus
{
    /// <summary>待分办: received, not yet given to a unit.</summary>
    Received,
    /// <summary>办理中: a unit and handler are on it.</summary>
    Assigned,
    /// <summary>答复待审核: the reply waits for approval before it is sent.</summary>
    AwaitingApproval,
    /// <summary>已答复.</summary>
    Answered,
    /// <summary>已办结 without a reply (a duplicate, a letter with no content).</summary>
    Closed,
}

/// <summary>How the writer rated the reply.</summary>
public enum LetterRating
{
    Satisfied,
    Unsatisfied,
}

public static class InteractionNames
{
    public static string Of(InteractionChannel channel) => channel switch
    {
        InteractionChannel.LeaderMailbox => "领导信箱",
        InteractionChannel.Complaint => "网上投诉",
        InteractionChannel.Inquiry => "咨询",
    };

    public static string Of(LetterStatus status) => status switch
    {
        LetterStatus.Received => "待分办",
        LetterStatus.Assigned => "办理中",
        LetterStatus.AwaitingApproval => "答复待审核",
        LetterStatus.Answered => "已答复",
        LetterStatus.Closed => "已办结",
    };

    public static string Of(LetterRating rating) => rating switch
    {
        LetterRating.Satisfied => "满意",
        LetterRating.Unsatisfied => "不满意",
    };

    /// <summary>Default reply time in working days: inquiries are quick, complaints and the mailbox take longer.</summary>
    public static int DefaultReplyWorkingDays(InteractionChannel channel) => channel switch
    {
        InteractionChannel.Inquiry => 5,
        _ => 10,
    };
}

/// <summary>What the year's report needs of one letter.</summary>
public sealed record LetterFacts(InteractionChannel Channel, DateOnly ReceivedOn, DateOnly DueOn, DateOnly? AnsweredOn, LetterStatus Status);

/// <summary>Letters of one channel in one year: received, answered (by the end of the year), answered on time.</summary>
public sealed record ChannelCount(InteractionChannel Channel, int Received, int Answered, int OnTime);

/// <summary>
/// The year's letters per channel, counted by the day received: answered means a reply sent (or the letter closed)
/// by 31 December; on time means on or before the due date.
/// </summary>
public static class LetterCounting
{
    public static IReadOnlyList<ChannelCount> Count(IEnumerable<LetterFacts> letters, int year)
    {
        var end = new DateOnly(year, 12, 31);
        var inYear = letters.Where(l => l.ReceivedOn.Year == year).ToList();
        return Enum.GetValues<InteractionChannel>().Select(channel =>
        {
            var of = inYear.Where(l => l.Channel == channel).ToList();
            var answered = of.Where(l => l.AnsweredOn is { } a && a <= end && l.Status is LetterStatus.Answered or LetterStatus.Closed).ToList();
            return new ChannelCount(channel, of.Count, answered.Count, answered.Count(l => l.AnsweredOn <= l.DueOn));
        }).ToList();
    }

    /// <summary>The sentence section 一 of the annual report starts from, e.g. “领导信箱收到来信21件，网上投诉9件……”.</summary>
    public static string Paragraph(IReadOnlyList<ChannelCount> counts)
    {
        var received = counts.Where(c => c.Received > 0).ToList();
        if (received.Count == 0)
        {
            return "本年度政府网站互动交流栏目未收到来信。";
        }

        var parts = string.Join("，", received.Select(c => $"{InteractionNames.Of(c.Channel)}{c.Received}件"));
        var total = received.Sum(c => c.Received);
        var answered = received.Sum(c => c.Answered);
        var onTime = received.Sum(c => c.OnTime);
        return answered == total && onTime == total
            ? $"本年度通过政府网站互动交流栏目收到{parts}，均已按期办理答复。"
            : $"本年度通过政府网站互动交流栏目收到{parts}，已办理答复{answered}件，其中按期答复{onTime}件。";
    }
}

/// <summary>
/// Removes personal data from a letter before it is published: the writer's name and contact details, the names of
/// persons found in the text (by the caller's tokenizer), any street address with a house number, mobile, landline,
/// ID-card number or e-mail address. What the agency publishes itself — its office's phone, e-mail and address —
/// is never removed.
/// </summary>
public static partial class LetterRedaction
{
    public const string Mask = "×××";

    /// <summary>The writer's own data (<paramref name="known"/>) masked, then names, addresses and numbers.</summary>
    public static string Redact(string text, params string?[] known) => Redact(text, known, keep: [], names: []);

    /// <param name="known">The writer's name and contact details, masked wherever they appear.</param>
    /// <param name="keep">The agency's published contact data (phone, e-mail, address): never masked.</param>
    /// <param name="names">Persons' names found in the text.</param>
    public static string Redact(string text, IEnumerable<string?> known, IEnumerable<string?> keep, IEnumerable<string> names)
    {
        var (result, kept) = Protect(text, keep);
        foreach (var value in known.Concat(names).Where(k => !string.IsNullOrWhiteSpace(k) && k!.Trim().Length >= 2).Select(k => k!.Trim()).Distinct().OrderByDescending(k => k.Length))
        {
            result = result.Replace(value, Mask, StringComparison.OrdinalIgnoreCase);
        }

        return Restore(Patterns(result), kept);
    }

    /// <summary>
    /// Whether <paramref name="text"/> still holds something the patterns recognise as personal data (the agency's
    /// own published contact data aside): a publication with it is refused.
    /// </summary>
    public static bool HasPersonalData(string text, IEnumerable<string?> keep)
    {
        var (protectedText, _) = Protect(text, keep);
        return Patterns(protectedText) != protectedText;
    }

    private static string Patterns(string text)
    {
        var result = Address().Replace(text, Mask);
        result = IdNumber().Replace(result, Mask);
        result = Email().Replace(result, Mask);
        result = Mobile().Replace(result, Mask);
        return Landline().Replace(result, Mask);
    }

    /// <summary>Replaces each kept value by a marker no pattern matches, so that redaction leaves it whole.</summary>
    private static (string Text, List<string> Kept) Protect(string text, IEnumerable<string?> keep)
    {
        var kept = new List<string>();
        var result = text;
        foreach (var value in keep.SelectMany(Variants).Distinct().OrderByDescending(k => k.Length))
        {
            if (result.Contains(value, StringComparison.OrdinalIgnoreCase))
            {
                result = result.Replace(value, $"\uE000{(char)(0xE100 + kept.Count)}\uE001", StringComparison.OrdinalIgnoreCase);
                kept.Add(value);
            }
        }

        return (result, kept);
    }

    private static string Restore(string text, List<string> kept)
    {
        for (var i = 0; i < kept.Count; i++)
        {
            text = text.Replace($"\uE000{(char)(0xE100 + i)}\uE001", kept[i], StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A kept value as written, and each part of a list of them ("0999-12345678、12345").</summary>
    private static IEnumerable<string> Variants(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield break;
        }

        var trimmed = value.Trim();
        if (trimmed.Length >= 5)
        {
            yield return trimmed;
        }

        foreach (var part in trimmed.Split(['、', ',', '，', ';', '；', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Length >= 5)
            {
                yield return part;
            }
        }

        // An address as a reply writes it: without spaces, from the road on, down to the house number.
        var compact = string.Concat(trimmed.Where(c => !char.IsWhiteSpace(c)));
        if (compact != trimmed && compact.Length >= 5)
        {
            yield return compact;
        }

        var street = compact[(compact.LastIndexOfAny(['省', '市', '区', '县', '旗', '镇', '乡']) + 1)..];
        if (street.Length >= 4 && street.Length < compact.Length && street.Any(char.IsDigit))
        {
            yield return street;
            var door = street.IndexOf('号', StringComparison.Ordinal);
            if (door >= 3 && door < street.Length - 1)
            {
                yield return street[..(door + 1)];
            }
        }
    }

    /// <summary>
    /// A street address down to the door: a road, street, lane, village or estate name, a house number and what
    /// follows it (和平路8号3单元502, 幸福小区3栋2单元501室, 东大街12号院).
    /// </summary>
    [GeneratedRegex(@"(?:(?:(?![住在于是的与到从向我])\p{IsCJKUnifiedIdeographs}){1,10}?(?:大道|路|街|巷|弄|胡同|里|村|组|小区|花园|家园|苑|公寓|大厦|新村))\s*[0-9０-９]+\s*(?:号院|号楼|号|栋|幢|弄)(?:\s*[0-9０-９]+\s*(?:号楼|号|栋|幢|座|单元|楼|层|室|户))*(?:\s*[0-9０-９]{2,4}(?:室|户)?)?")]
    private static partial Regex Address();

    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![0-9])0[0-9]{2,3}[ -]?[0-9]{7,8}(?![0-9])")]
    private static partial Regex Landline();
}

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
/// Removes personal data from a letter before it is published: the writer's name and contact details, any mobile,
/// landline, ID-card number or e-mail address in the text.
/// </summary>
public static partial class LetterRedaction
{
    public const string Mask = "×××";

    public static string Redact(string text, params string?[] known)
    {
        var result = text;
        foreach (var value in known.Where(k => !string.IsNullOrWhiteSpace(k) && k!.Trim().Length >= 2).Select(k => k!.Trim()).OrderByDescending(k => k.Length))
        {
            result = result.Replace(value, Mask, StringComparison.OrdinalIgnoreCase);
        }

        result = IdNumber().Replace(result, Mask);
        result = Email().Replace(result, Mask);
        result = Mobile().Replace(result, Mask);
        return Landline().Replace(result, Mask);
    }

    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![0-9])0[0-9]{2,3}[ -]?[0-9]{7,8}(?![0-9])")]
    private static partial Regex Landline();
}

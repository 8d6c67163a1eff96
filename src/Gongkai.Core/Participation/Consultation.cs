namespace Gongkai.Core.Participation;

/// <summary>What an office fills in to put a draft out for public comment (意见征集).</summary>
public sealed record ConsultationInput(string? Title, string? Body, DateOnly? OpensOn, DateOnly? ClosesOn);

/// <summary>Where a consultation stands on a given day.</summary>
public enum ConsultationPhase
{
    /// <summary>Announced, not yet taking comments.</summary>
    Upcoming,
    /// <summary>Taking comments.</summary>
    Open,
    /// <summary>The period is over; the feedback on what was adopted is due.</summary>
    Closed,
}

/// <summary>A consultation as saved: the draft, its period and the feedback once published.</summary>
public sealed record ConsultationState(string Title, string Body, DateOnly OpensOn, DateOnly ClosesOn, string? Feedback, DateOnly? FeedbackOn);

/// <summary>
/// 意见征集: a draft put out for public comment for a period, the comments taken only while it runs, and the feedback
/// on what was adopted (采纳情况) published after it. Every refusal is a Chinese sentence saying why.
/// </summary>
public sealed class Consultation
{
    public const int TitleMax = 100;
    public const int BodyMax = 20000;
    public const int CommentMin = 5;
    public const int CommentMax = 2000;
    public const int FeedbackMin = 10;
    public const int FeedbackMax = 5000;

    /// <summary>The shortest period: 国办发〔2018〕37号 asks at least 7 working days for normative documents; a week of calendar days is the floor here.</summary>
    public const int MinimumDays = 7;

    private Consultation(ConsultationState state) => State = state;

    public ConsultationState State { get; private set; }

    public static Consultation From(ConsultationState state) => new(state);

    /// <summary>A new consultation, or the problems with the input by field.</summary>
    public static (Consultation? Consultation, IReadOnlyDictionary<string, string> Errors) Start(ConsultationInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var title = input.Title?.Trim() ?? "";
        var body = input.Body?.Trim() ?? "";
        if (title.Length is < 4 or > TitleMax)
        {
            errors[nameof(input.Title)] = $"标题须为 4 至 {TitleMax} 个字（现为 {title.Length} 个字）。";
        }

        if (body.Length is < 20 or > BodyMax)
        {
            errors[nameof(input.Body)] = $"征求意见稿须为 20 至 {BodyMax} 个字（现为 {body.Length} 个字）。";
        }

        if (input.OpensOn is not { } opens)
        {
            errors[nameof(input.OpensOn)] = "请填写开始日期。";
        }
        else if (opens < today)
        {
            errors[nameof(input.OpensOn)] = "开始日期不能早于今天。";
        }

        if (input.ClosesOn is not { } closes)
        {
            errors[nameof(input.ClosesOn)] = "请填写截止日期。";
        }
        else if (input.OpensOn is { } start && closes.DayNumber - start.DayNumber + 1 < MinimumDays)
        {
            errors[nameof(input.ClosesOn)] = $"征求意见期限不少于 {MinimumDays} 日（重大行政决策一般不少于 30 日）。";
        }

        return errors.Count > 0
            ? (null, errors)
            : (new Consultation(new ConsultationState(title, body, input.OpensOn!.Value, input.ClosesOn!.Value, null, null)), errors);
    }

    public ConsultationPhase PhaseOn(DateOnly today) =>
        today < State.OpensOn ? ConsultationPhase.Upcoming : today <= State.ClosesOn ? ConsultationPhase.Open : ConsultationPhase.Closed;

    /// <summary>Whether a comment may be taken today; the refusal in Chinese otherwise.</summary>
    public string? CheckComment(string? content, DateOnly today)
    {
        switch (PhaseOn(today))
        {
            case ConsultationPhase.Upcoming:
                return $"征求意见自 {Iso(State.OpensOn)} 开始，请届时提交。";
            case ConsultationPhase.Closed:
                return $"征求意见已于 {Iso(State.ClosesOn)} 截止。";
        }

        var length = content?.Trim().Length ?? 0;
        return length is < CommentMin or > CommentMax ? $"意见须为 {CommentMin} 至 {CommentMax} 个字（现为 {length} 个字）。" : null;
    }

    /// <summary>The feedback on what was adopted and why not (采纳情况), published once the period is over.</summary>
    public string? PublishFeedback(string? text, DateOnly today)
    {
        if (PhaseOn(today) != ConsultationPhase.Closed)
        {
            return $"征求意见 {Iso(State.ClosesOn)} 截止后才能发布采纳情况。";
        }

        var feedback = text?.Trim() ?? "";
        if (feedback.Length is < FeedbackMin or > FeedbackMax)
        {
            return $"采纳情况须为 {FeedbackMin} 至 {FeedbackMax} 个字（现为 {feedback.Length} 个字）。";
        }

        State = State with { Feedback = feedback, FeedbackOn = today };
        return null;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

using Gongkai.Core.Deadlines;

namespace Gongkai.Core.Interaction;

/// <summary>One step in a letter's handling as its history shows it: who, what, with what note.</summary>
public sealed record LetterStep(string Actor, string Action, string? Details);

/// <summary>The writer's name and contact details as given: they are kept out of anything published.</summary>
public sealed record LetterWriter(string? Name, string? Phone, string? Email, string? Address)
{
    public IEnumerable<string> Values => new[] { Name, Phone, Email, Address }.Where(v => !string.IsNullOrWhiteSpace(v) && v.Trim().Length >= 2).Select(v => v!.Trim());
}

/// <summary>Where a letter stands: everything its workflow decides (the text of the letter itself never changes).</summary>
public sealed record LetterState
{
    public required InteractionChannel Channel { get; init; }
    public required LetterStatus Status { get; init; }
    public required DateOnly ReceivedOn { get; init; }
    public required DateOnly DueOn { get; init; }
    public required LetterWriter Writer { get; init; }
    public bool AgreesToPublish { get; init; }
    /// <summary>承办单位 and 承办人.</summary>
    public string? Unit { get; init; }
    public string? Handler { get; init; }
    /// <summary>The reply as drafted (awaiting approval) or as sent.</summary>
    public string? Reply { get; init; }
    public DateOnly? AnsweredOn { get; init; }
    public string? AnsweredBy { get; init; }
    public string? ClosedReason { get; init; }
    public LetterRating? Rating { get; init; }
    public string? RatingComment { get; init; }
    public bool IsPublished { get; init; }
    public string? PublicSubject { get; init; }
    public string? PublicBody { get; init; }
    public string? PublicReply { get; init; }
    public DateOnly? PublishedOn { get; init; }

    public bool IsOpen => Status is LetterStatus.Received or LetterStatus.Assigned or LetterStatus.AwaitingApproval;
}

/// <summary>
/// A letter to the leader mailbox, a complaint or an inquiry (互动交流) and its handling: received, assigned to a
/// unit (分办) or transferred (转办, with a reason), answered — after approval where the agency wants it — or closed
/// without a reply, reopened on the writer's objection with a new reply time, rated once by the writer, published
/// with the writer's consent and without their personal data. Each command returns why it is refused, in Chinese,
/// and changes nothing then; a step taken is added to <see cref="NewSteps"/> for the letter's history.
/// </summary>
public sealed class Letter
{
    public const int SubjectMax = 100;
    public const int BodyMax = 5000;
    public const string Writer = "来信人";
    public const string ReplyTime = "答复期限";

    private readonly List<LetterStep> _steps = [];

    private Letter(LetterState state) => State = state;

    public LetterState State { get; private set; }

    /// <summary>The steps taken since the letter was received or restored, oldest first.</summary>
    public IReadOnlyList<LetterStep> NewSteps => _steps;

    public LetterStatus Status => State.Status;

    /// <summary>A letter as it arrives: waiting to be assigned, due when the channel's reply time ends.</summary>
    /// <param name="from">Where it came from when not from the writer: a request turned into a complaint (Art. 39).</param>
    public static Letter Receive(InteractionChannel channel, LetterWriter writer, bool agreesToPublish, DateOnly receivedOn, Deadline due, string actor, string? from = null)
    {
        var letter = new Letter(new LetterState
        {
            Channel = channel,
            Status = LetterStatus.Received,
            ReceivedOn = receivedOn,
            DueOn = StoredDue(due),
            Writer = writer,
            AgreesToPublish = agreesToPublish,
        });
        letter.Take(actor, "收到来信", from is null ? $"{InteractionNames.Of(channel)}，{DueNote(due)}" : $"{from}，{DueNote(due)}");
        return letter;
    }

    /// <summary>A letter as stored, to take its next step.</summary>
    public static Letter Restore(LetterState state) => new(state);

    /// <summary>Gives the letter to a unit and handler; a change of unit is a transfer (转办) and needs a reason.</summary>
    /// <param name="units">The channel's units; when the agency listed none, any unit.</param>
    public string? Assign(string? unit, string? handler, string? reason, string actor, IReadOnlyCollection<string> units)
    {
        if (!State.IsOpen)
        {
            return "来信已办结；如需重新办理，请先重新打开。";
        }

        unit = Clean(unit);
        if (unit is null || unit.Length > 100)
        {
            return "请选择承办单位。";
        }

        if (units.Count > 0 && !units.Contains(unit))
        {
            return $"“{unit}”不在本栏目的承办单位中。";
        }

        var transfer = State.Unit is not null && State.Unit != unit;
        if (transfer && string.IsNullOrWhiteSpace(reason))
        {
            return "转办须说明理由。";
        }

        handler = Clean(handler);
        Take(actor, transfer ? "转办" : "分办",
            $"{(transfer ? $"由 {State.Unit} 转至 " : "")}{unit}{(handler is { } h ? $"，承办人 {h}" : "")}{(transfer ? $"；理由：{reason!.Trim()}" : "")}");
        State = State with
        {
            Unit = unit,
            Handler = handler,
            Status = State.Status == LetterStatus.Received ? LetterStatus.Assigned : State.Status,
        };
        return null;
    }

    /// <summary>Replies to the writer; where the agency wants it, the reply waits for an approver first.</summary>
    public string? Answer(string? reply, string actor, DateOnly today, bool requireApproval)
    {
        if (State.Status is not (LetterStatus.Assigned or LetterStatus.Received))
        {
            return State.Status == LetterStatus.AwaitingApproval ? "答复正在等待审核。" : "来信已办结。";
        }

        reply = reply?.Trim();
        if (string.IsNullOrEmpty(reply) || reply.Length is < 10 or > BodyMax)
        {
            return $"答复内容须为 10 至 {BodyMax} 个字。";
        }

        State = State with { Reply = reply, Unit = State.Unit ?? "（未分办）" };
        if (requireApproval)
        {
            State = State with { Status = LetterStatus.AwaitingApproval };
            Take(actor, "拟定答复", "提交审核");
        }
        else
        {
            Send(actor, today);
        }

        return null;
    }

    /// <summary>An approver sends the drafted reply, or returns it with a note.</summary>
    public string? Approve(bool approve, string? note, string actor, DateOnly today)
    {
        if (State.Status != LetterStatus.AwaitingApproval)
        {
            return "没有等待审核的答复。";
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            return "退回修改须说明意见。";
        }

        if (approve)
        {
            Take(actor, "审核通过", Clean(note));
            Send(actor, today);
        }
        else
        {
            State = State with { Status = LetterStatus.Assigned };
            Take(actor, "退回修改", note!.Trim());
        }

        return null;
    }

    /// <summary>Closes a letter that needs no reply (a duplicate, no content), with the reason.</summary>
    public string? Close(string? reason, string actor, DateOnly today)
    {
        if (!State.IsOpen)
        {
            return "来信已办结。";
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length is < 4 or > 500)
        {
            return "办结理由须为 4 至 500 个字。";
        }

        State = State with { Status = LetterStatus.Closed, ClosedReason = reason, AnsweredOn = today, AnsweredBy = actor };
        Take(actor, "办结", reason);
        return null;
    }

    /// <summary>
    /// Reopens an answered or closed letter (the writer objects, or the office finds the reply wanting): back to its
    /// unit with a new reply time <paramref name="due"/>; the earlier reply stays in the history, the publication is withdrawn.
    /// </summary>
    public string? Reopen(string? reason, string actor, Deadline due)
    {
        if (State.IsOpen)
        {
            return "来信尚未办结，无需重新打开。";
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length is < 4 or > 500)
        {
            return "重新办理的理由须为 4 至 500 个字。";
        }

        Take(actor, "重新办理", $"{reason}；原答复：{State.Reply ?? State.ClosedReason}；{DueNote(due)}");
        State = State with
        {
            Status = State.Unit is null ? LetterStatus.Received : LetterStatus.Assigned,
            AnsweredOn = null,
            AnsweredBy = null,
            ClosedReason = null,
            Rating = null,
            RatingComment = null,
            DueOn = StoredDue(due),
            IsPublished = false,
        };
        return null;
    }

    /// <summary>
    /// The writer rates the reply, once. “Not satisfied” with a reason of four characters or more reopens the letter
    /// in the same step, with a new reply time <paramref name="reopenedDue"/>.
    /// </summary>
    public string? Rate(LetterRating rating, string? comment, Deadline reopenedDue)
    {
        if (State.Status != LetterStatus.Answered)
        {
            return "来信答复后才能评价。";
        }

        if (State.Rating is not null)
        {
            return "您已评价过本次答复。";
        }

        comment = Clean(comment);
        if (comment?.Length > 500)
        {
            return "评价意见不能超过 500 个字。";
        }

        State = State with { Rating = rating, RatingComment = comment };
        Take(Writer, "评价", $"{InteractionNames.Of(rating)}{(comment is { } c ? "：" + c : "")}");
        return rating == LetterRating.Unsatisfied && comment is { Length: >= 4 } ? Reopen("来信人不满意：" + comment, Writer, reopenedDue) : null;
    }

    /// <summary>
    /// Publishes the letter and its reply as edited by the office: only with the writer's consent and without their
    /// personal data. <paramref name="agencyContact"/>: what the agency publishes of itself (its office's phone, e-mail,
    /// address), which a reply may well name.
    /// </summary>
    public string? Publish(string? subject, string? body, string? reply, string actor, DateOnly today, IReadOnlyCollection<string?>? agencyContact = null)
    {
        if (!State.AgreesToPublish)
        {
            return "来信人未同意公开，不能发布。";
        }

        if (State.Status != LetterStatus.Answered)
        {
            return "来信答复后才能公开。";
        }

        (subject, body, reply) = (subject?.Trim(), body?.Trim(), reply?.Trim());
        if (string.IsNullOrEmpty(subject) || subject.Length > SubjectMax || string.IsNullOrEmpty(body) || body.Length > BodyMax || string.IsNullOrEmpty(reply) || reply.Length > BodyMax)
        {
            return "请填写公开的标题、来信内容和答复内容。";
        }

        var text = subject + "\n" + body + "\n" + reply;
        if (State.Writer.Values.Any(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)) || LetterRedaction.HasPersonalData(text, agencyContact ?? []))
        {
            return "公开内容仍含有个人信息（姓名、电话、证件号码、电子邮箱或地址），请删除后再发布。";
        }

        State = State with { IsPublished = true, PublicSubject = subject, PublicBody = body, PublicReply = reply, PublishedOn = today };
        Take(actor, "公开", null);
        return null;
    }

    public string? Unpublish(string actor)
    {
        if (!State.IsPublished)
        {
            return "来信未公开。";
        }

        State = State with { IsPublished = false };
        Take(actor, "撤销公开", null);
        return null;
    }

    /// <summary>
    /// The holiday schedule changed: an open letter's reply time, counted again with the new one, ends on
    /// <paramref name="due"/>. Whether it moved.
    /// </summary>
    public bool Recount(DateOnly due, bool provisional)
    {
        if (!State.IsOpen || due == State.DueOn)
        {
            return false;
        }

        Take("系统", "重新计算答复期限", $"节假日安排变更，答复期限由 {State.DueOn:yyyy-MM-dd}（预计）改为 {due:yyyy-MM-dd}{(provisional ? "（预计）" : "")}");
        State = State with { DueOn = due };
        return true;
    }

    /// <summary>"答复期限 2026-12-18", or why there is no date.</summary>
    public static string DueNote(Deadline due) =>
        due.Due is null ? $"{ReplyTime}{Deadline.NoDate}（{due.Problem}）" : $"{ReplyTime} {due.DueText}";

    // The column needs a date. Only when the calendar reckons nothing about the day (no schedule imported for over
    // five years) is there none: the letter is then due at once rather than lost or given an invented date, and its
    // history says why.
    private static DateOnly StoredDue(Deadline due) => due.Due ?? due.AsOf;

    private void Send(string actor, DateOnly today)
    {
        State = State with { Status = LetterStatus.Answered, AnsweredOn = today, AnsweredBy = actor };
        Take(actor, "答复", State.Reply);
    }

    private void Take(string actor, string action, string? details) => _steps.Add(new(actor, action, details));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

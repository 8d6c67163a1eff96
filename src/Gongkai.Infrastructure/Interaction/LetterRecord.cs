using Gongkai.Core.Interaction;

namespace Gongkai.Infrastructure.Interaction;

/// <summary>A letter to the leader mailbox, a complaint or an inquiry, with its handling and its reply.</summary>
public sealed class LetterRecord
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public InteractionChannel Channel { get; set; }
    /// <summary>12 unambiguous characters; the writer's key to the letter.</summary>
    public required string TrackingCode { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public string? WriterName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    /// <summary>The writer agrees that the letter and its reply may be published (without personal data).</summary>
    public bool AgreesToPublish { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueOn { get; private set; }
    public LetterStatus Status { get; private set; }
    /// <summary>承办单位 and 承办人.</summary>
    public string? Unit { get; private set; }
    public string? Handler { get; private set; }
    /// <summary>The reply as drafted (awaiting approval) or as sent.</summary>
    public string? Reply { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }
    public string? AnsweredBy { get; private set; }
    public string? ClosedReason { get; private set; }
    public LetterRating? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    /// <summary>Published on the portal, as the redacted copy below.</summary>
    public bool IsPublished { get; private set; }
    public string? PublicSubject { get; private set; }
    public string? PublicBody { get; private set; }
    public string? PublicReply { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    /// <summary>The information request this complaint came from (Art. 39: 信访、投诉、举报 sent through a request).</summary>
    public long? RequestId { get; set; }
    /// <summary>SHA-256 of the normalized subject and body, to find the same letter sent twice.</summary>
    public required string ContentHash { get; set; }
    public int Version { get; set; }
    public List<LetterEventRecord> Events { get; set; } = [];
    public List<LetterAttachment> Attachments { get; set; } = [];

    /// <summary>The letter's workflow as Core decides it, to take a step (see <see cref="Letter"/>).</summary>
    public Letter ToLetter() => Letter.Restore(new LetterState
    {
        Channel = Channel,
        Status = Status,
        ReceivedOn = ReceivedOn,
        DueOn = DueOn,
        Writer = new LetterWriter(WriterName, Phone, Email, Address),
        AgreesToPublish = AgreesToPublish,
        Unit = Unit,
        Handler = Handler,
        Reply = Reply,
        AnsweredOn = AnsweredOn,
        AnsweredBy = AnsweredBy,
        ClosedReason = ClosedReason,
        Rating = Rating,
        RatingComment = RatingComment,
        IsPublished = IsPublished,
        PublicSubject = PublicSubject,
        PublicBody = PublicBody,
        PublicReply = PublicReply,
        PublishedOn = PublishedOn,
    });

    /// <summary>
    /// Keeps what the letter's step decided: its state, and each step taken as an entry of its history (at
    /// <paramref name="at"/>). The only place a letter record's workflow fields are set.
    /// </summary>
    /// <summary>The e-mails to the writer, one per step they are told of (<see cref="LetterMail"/>).</summary>
    public List<Requests.RequestEmail> Emails { get; set; } = [];

    public IReadOnlyList<LetterEventRecord> Take(Letter letter, DateTimeOffset at)
    {
        var state = letter.State;
        (Status, DueOn, Unit, Handler, Reply) = (state.Status, state.DueOn, state.Unit, state.Handler, state.Reply);
        (AnsweredOn, AnsweredBy, ClosedReason, Rating, RatingComment) = (state.AnsweredOn, state.AnsweredBy, state.ClosedReason, state.Rating, state.RatingComment);
        (IsPublished, PublicSubject, PublicBody, PublicReply, PublishedOn) = (state.IsPublished, state.PublicSubject, state.PublicBody, state.PublicReply, state.PublishedOn);
        return letter.NewSteps.Select(step => new LetterEventRecord { LetterId = Id, At = at, UserName = step.Actor, Action = step.Action, Details = step.Details }).ToList();
    }
}

/// <summary>One step in a letter's life (append-only): who did what, when, with what note.</summary>
public sealed class LetterEventRecord
{
    public long Id { get; set; }
    public long LetterId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public string? Details { get; set; }
}

/// <summary>A file the writer attached; the bytes are kept once per content in <see cref="Publications.StoredFile"/>.</summary>
public sealed class LetterAttachment
{
    public long Id { get; set; }
    public long LetterId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
}

/// <summary>An agency's settings for one channel: open or not, whose mailbox, which units handle it, the reply time.</summary>
public sealed class InteractionChannelSettings
{
    public int AgencyId { get; set; }
    public InteractionChannel Channel { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>For the leader mailbox: the leader's name and post shown to writers.</summary>
    public string? LeaderName { get; set; }
    /// <summary>The units letters may be assigned to, one per line.</summary>
    public string Units { get; set; } = "";
    public int ReplyWorkingDays { get; set; }
    /// <summary>A reply is approved by an approver before it is sent.</summary>
    public bool RequireApproval { get; set; }
    /// <summary>Shown above the form.</summary>
    public string? Intro { get; set; }

    public IReadOnlyList<string> UnitList => Units.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using Gongkai.Core.Requests;

namespace Gongkai.Infrastructure.Requests;

/// <summary>
/// A stored request: what the applicant submitted (who they are, what they want), and a projection of its history
/// for lists, dashboards and the yearly ledger. The truth of the handling is <see cref="RequestEventRecord"/>; the
/// projection columns are rewritten from it after every step.
/// </summary>
public sealed class RequestRecord
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>查询码: with the last four digits of the phone, lets the applicant follow the request without an account.</summary>
    public required string TrackingCode { get; set; }

    // What the applicant submitted.
    public required string ApplicantName { get; set; }
    public IdentityDocumentType IdType { get; set; }
    public required string IdNumber { get; set; }
    public string? ContactPerson { get; set; }
    public required string Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public required string InformationTitle { get; set; }
    public string? DocumentNumber { get; set; }
    public string? Description { get; set; }
    public ProvisionForm ProvisionForm { get; set; }
    public ObtainMethod ObtainMethod { get; set; }
    /// <summary>Art. 43: the help the applicant asked for (health information: caseworkers only).</summary>
    public AssistanceNeeds Assistance { get; set; }
    public string? AssistanceDetail { get; set; }

    // Projection of the history, set by Project() from the aggregate (RequestStore.ProjectAsync). The setters are
    // internal only so that tests can write ledger-shaped rows straight to the database, as the benchmarks do with SQL.
    public Channel Channel { get; internal set; }
    public ApplicantType ApplicantType { get; internal set; }
    public RequestStatus Status { get; internal set; }
    public DateOnly SubmittedOn { get; internal set; }
    public DateOnly? ReceivedOn { get; internal set; }
    public DateOnly? DueOn { get; internal set; }
    /// <summary>The due date rests on days beyond the official holiday schedule: shown as 预计 until that year is imported.</summary>
    public bool DueProvisional { get; internal set; }
    public ClockState ClockState { get; internal set; }
    /// <summary>While paused, the last day the pause can last by law; after it the request counts again (queries compare it with today).</summary>
    public DateOnly? PausedUntil { get; internal set; }
    public DateOnly? DecidedOn { get; internal set; }
    public Outcome? Outcome { get; internal set; }
    public string? HandlerUserName { get; internal set; }
    /// <summary>分办: the user name of the handler the request is assigned to (the handler's own list), and their name.</summary>
    public string? AssignedTo { get; internal set; }
    public string? AssignedToName { get; internal set; }
    /// <summary>A published document of the catalog given as (part of) the information disclosed.</summary>
    public long? DisclosedPublicationId { get; set; }
    /// <summary>The number of events; the optimistic-concurrency token: two people acting at once cannot both win.</summary>
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Rewrites the projection columns from the request's aggregate and its clock: the only place they are set, so a
    /// request's status is always the one <see cref="InformationRequest"/> decided.
    /// </summary>
    /// <param name="handler">The last staff member who took a step; the one recorded before stays when null.</param>
    public void Project(InformationRequest request, StatutoryDeadline deadline, string? handler)
    {
        Channel = request.Channel;
        ApplicantType = request.ApplicantType;
        Status = request.Status;
        SubmittedOn = request.SubmittedOn;
        ReceivedOn = request.ReceivedOn;
        DueOn = deadline.Due;
        DueProvisional = deadline.Provisional;
        ClockState = deadline.State;
        PausedUntil = deadline.PausedUntil;
        DecidedOn = request.Decision?.On;
        Outcome = request.Decision?.Outcome;
        HandlerUserName = handler ?? HandlerUserName;
        AssignedTo = request.Handler?.UserName;
        AssignedToName = request.Handler?.DisplayName;
    }

    public List<RequestEventRecord> Events { get; set; } = [];
    public List<RequestAttachment> Attachments { get; set; } = [];
    public List<RequestNotice> Notices { get; set; } = [];
    public List<RequestEmail> Emails { get; set; } = [];
}

/// <summary>One step of a request's history, as JSON. Append-only: the database refuses updates and deletes.</summary>
public sealed class RequestEventRecord
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    /// <summary>1, 2, 3… within the request; unique, so two concurrent steps cannot both be appended.</summary>
    public int Sequence { get; set; }
    public required string Type { get; set; }
    public DateOnly On { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string UserName { get; set; }
    public required string Json { get; set; }
}

/// <summary>
/// A file the applicant attached. The bytes are kept in the database (saved, backed up and shared with the request),
/// once per content in <see cref="Publications.StoredFile"/>: the same file attached to many applications is stored once.
/// </summary>
public sealed class RequestAttachment
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>What the file is: sent with the application, sent as a correction, or disclosed with the reply.</summary>
    public AttachmentPurpose Purpose { get; set; }
    /// <summary>When the applicant first downloaded it from the tracking page.</summary>
    public DateTimeOffset? DownloadedAt { get; set; }
}

/// <summary>Why a file is kept with a request.</summary>
public enum AttachmentPurpose
{
    /// <summary>Sent by the applicant with the application.</summary>
    Application,
    /// <summary>Sent by the applicant to correct the application (补正, Art. 30).</summary>
    Correction,
    /// <summary>The information disclosed, given to the applicant with the reply.</summary>
    Disclosed,
}

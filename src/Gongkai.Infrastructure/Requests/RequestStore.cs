using System.Security.Cryptography;
using System.Text.Json;
using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Requests;

/// <summary>
/// Loads a request with its history, lets Core take a step, and saves the new events with the refreshed projection
/// in one transaction. Two people acting on the same request at once: the second save fails on the version check
/// and nothing of it is written.
/// </summary>
public sealed class RequestStore(GongkaiDbContext db, CalendarStore calendars, NoticeWriter notices, Mailer mailer, Gongkai.Infrastructure.AnnualReports.ReportLocks locks, TimeProvider clock)
{
    // Enums are stored by name: a history written today must read the same after members are added or reordered.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public sealed record Loaded(RequestRecord Record, InformationRequest Request);

    public sealed record NewAttachment(string FileName, string ContentType, byte[] Content);

    public DateOnly Today() => ChinaDate.Today(clock);

    /// <summary>Records a new request. Nothing is written unless everything is valid; the caller validated the application.</summary>
    public async Task<Loaded> CreateAsync(int agencyId, RequestApplication application, Channel channel, Actor by, DateOnly submittedOn,
        DateOnly? receivedOn, IReadOnlyList<NewAttachment> attachments, CancellationToken ct = default)
    {
        var step = new Step(submittedOn, by, Today());
        var request = InformationRequest.Submit(channel, application.ApplicantType, step, receivedOn);
        var record = new RequestRecord
        {
            AgencyId = agencyId,
            TrackingCode = NewTrackingCode(),
            ApplicantName = application.ApplicantName!.Trim(),
            IdType = application.IdType,
            IdNumber = IdentityDocument.Normalize(application.IdType, application.IdNumber!),
            ContactPerson = Clean(application.ContactPerson),
            Phone = application.Phone!.Trim(),
            Email = Clean(application.Email),
            Address = Clean(application.Address),
            Postcode = Clean(application.Postcode),
            InformationTitle = application.InformationTitle!.Trim(),
            DocumentNumber = Clean(application.DocumentNumber),
            Description = Clean(application.Description),
            ProvisionForm = application.ProvisionForm,
            ObtainMethod = application.ObtainMethod,
            Assistance = application.Assistance,
            AssistanceDetail = Clean(application.AssistanceDetail),
            CreatedAt = clock.GetUtcNow(),
        };
        foreach (var a in attachments)
        {
            // Kept once per content: the same scan attached to six applications is one stored file.
            await StageFileAsync(record, a, AttachmentPurpose.Application, ct);
        }

        db.Requests.Add(record);
        await AppendAsync(record, request, ct);
        return new Loaded(record, request);
    }

    /// <summary>
    /// The information disclosed with a reply: files (kept once per content, as the applicant's are) and a published
    /// document of the catalog. Staged on the loaded request and saved with its step by <see cref="SaveAsync"/>; the
    /// applicant downloads them on the tracking page, and an applicant who chose e-mail gets them with the reply.
    /// </summary>
    public async Task AttachDisclosedAsync(Loaded loaded, IReadOnlyList<NewAttachment> files, long? publicationId, CancellationToken ct = default)
    {
        if (files.Count == 0 && publicationId is null)
        {
            return;
        }

        loaded.Request.CheckDisclosedInformation();
        if (publicationId is { } id)
        {
            var published = await db.Publications.AsNoTracking().AnyAsync(p => p.Id == id && p.Status == Core.Publications.PublicationStatus.Published
                && p.Attribute == Core.Publications.DisclosureAttribute.Proactive, ct);
            if (!published)
            {
                throw new RequestRuleException($"政府信息公开目录中没有已发布的第 {id} 号文件，请检查链接。");
            }

            loaded.Record.DisclosedPublicationId = id;
        }

        foreach (var file in files)
        {
            await StageFileAsync(loaded.Record, file, AttachmentPurpose.Disclosed, ct);
        }
    }

    /// <summary>
    /// Art. 30, online: the applicant corrects the request on the tracking page — the text asked for and files. The
    /// clock counts afresh from today, the day the correction arrived. Refused (nothing saved) with the reason when
    /// the request awaits no correction or the period has run out.
    /// </summary>
    public async Task CorrectOnlineAsync(long id, string? supplied, IReadOnlyList<NewAttachment> files, DateOnly today, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(id, ct) ?? throw new RequestRuleException("申请不存在。");
        try
        {
            loaded.Request.ReceiveCorrection(new Step(today, Actor.Applicant, today, "申请人通过查询页面在线补正"), await CalendarAsync(ct), supplied);
            foreach (var file in files)
            {
                await StageFileAsync(loaded.Record, file, AttachmentPurpose.Correction, ct);
            }

            await SaveAsync(loaded, ct);
        }
        catch (Exception e) when (e is RequestRuleException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw e is RequestRuleException ? e : new RequestRuleException("该申请刚刚已被办理，您的补正未保存，请刷新后重试。");
        }
    }

    /// <summary>A file kept with the request: stored once per content, as publications' and letters' files are.</summary>
    private async Task StageFileAsync(RequestRecord record, NewAttachment file, AttachmentPurpose purpose, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        if (!await db.StoredFiles.AnyAsync(f => f.Sha256 == sha, ct) && db.StoredFiles.Local.All(f => f.Sha256 != sha))
        {
            db.StoredFiles.Add(new Publications.StoredFile { Sha256 = sha, Size = file.Content.Length, Content = file.Content, CreatedAt = clock.GetUtcNow() });
        }

        record.Attachments.Add(new RequestAttachment { FileName = file.FileName, ContentType = file.ContentType, Size = file.Content.Length, Sha256 = sha, Purpose = purpose });
    }

    /// <summary>A request from a historic ledger, as it ended (see <see cref="InformationRequest.Historic"/>).</summary>
    public async Task<Loaded> CreateHistoricAsync(int agencyId, HistoricCase c, Actor by, CancellationToken ct = default)
    {
        var created = await CreateHistoricAsync([(agencyId, c)], by, ct);
        return created[0];
    }

    /// <summary>Many historic requests in one save (a ledger import, the demo's history); all or, on a refusal, none.</summary>
    public async Task<IReadOnlyList<Loaded>> CreateHistoricAsync(IReadOnlyList<(int AgencyId, HistoricCase Case)> cases, Actor by, CancellationToken ct = default)
    {
        var created = new List<Loaded>();
        try
        {
            foreach (var (agencyId, c) in cases)
            {
                var request = InformationRequest.Historic(c, by);
                var record = new RequestRecord
                {
                    AgencyId = agencyId,
                    TrackingCode = NewTrackingCode(),
                    ApplicantName = c.ApplicantName,
                    IdType = IdentityDocumentType.Other,
                    IdNumber = c.IdNumber ?? PersonalData.NotRecorded,
                    Phone = c.Phone ?? PersonalData.NotRecorded,
                    InformationTitle = c.InformationTitle,
                    ProvisionForm = ProvisionForm.Paper,
                    ObtainMethod = ObtainMethod.PickUp,
                    CreatedAt = clock.GetUtcNow(),
                };
                db.Requests.Add(record);
                await StageAsync(record, request, ct);
                created.Add(new Loaded(record, request));
            }

            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return created;
    }

    public async Task<Loaded?> LoadAsync(long id, CancellationToken ct = default)
    {
        var record = await db.Requests.Include(r => r.Events.OrderBy(e => e.Sequence)).FirstOrDefaultAsync(r => r.Id == id, ct);
        return record is null ? null : new Loaded(record, Replay(record));
    }

    public async Task<Loaded?> FindByTrackingCodeAsync(string code, CancellationToken ct = default)
    {
        var normalized = NormalizeCode(code);
        var record = await db.Requests.AsNoTracking().Include(r => r.Events.OrderBy(e => e.Sequence)).FirstOrDefaultAsync(r => r.TrackingCode == normalized, ct);
        return record is null ? null : new Loaded(record, Replay(record));
    }

    /// <summary>
    /// Saves the steps taken on <paramref name="loaded"/> since it was loaded. Throws
    /// <see cref="DbUpdateConcurrencyException"/> when someone else saved a step on the same request meanwhile.
    /// </summary>
    public Task SaveAsync(Loaded loaded, CancellationToken ct = default) => AppendAsync(loaded.Record, loaded.Request, ct);

    public async Task<WorkingDayCalendar> CalendarAsync(CancellationToken ct = default) => await calendars.GetCalendarAsync(ct);

    public async Task<StatutoryDeadline> DeadlineAsync(InformationRequest request, CancellationToken ct = default) =>
        StatutoryClock.Compute(request, await calendars.GetCalendarAsync(ct), Today());

    private async Task AppendAsync(RequestRecord record, InformationRequest request, CancellationToken ct)
    {
        await StageAsync(record, request, ct);
        await db.SaveChangesAsync(ct);
        if (record.Emails.Any(m => m.SentAt is null))
        {
            // After the commit: a mail server that is down delays the e-mail, never the step.
            await mailer.SendPendingAsync(record.Id, ct);
        }
    }

    /// <summary>Everything of a step but the save: the lock check, the new events, notices, the query columns.</summary>
    private async Task StageAsync(RequestRecord record, InformationRequest request, CancellationToken ct)
    {
        // An approved annual report's figures must not move: refuse before anything is tracked for saving.
        var before = record.Version == 0 ? null : new LedgerFact(record.Id, record.ApplicantType, record.ReceivedOn, record.DecidedOn, record.Outcome);
        var after = new LedgerFact(record.Id, request.ApplicantType, request.ReceivedOn, request.Decision?.On, request.Decision?.Outcome);
        try
        {
            await locks.EnsureRequestChangeAllowedAsync(record.AgencyId, before, after, ct);
        }
        catch (RequestRuleException) when (record.Version == 0)
        {
            // The new record (and its attachments) must not be saved by anything else in this unit of work.
            db.ChangeTracker.Clear();
            throw;
        }

        var now = clock.GetUtcNow();
        var stored = record.Version;
        for (var i = stored; i < request.History.Count; i++)
        {
            var e = request.History[i];
            record.Events.Add(new RequestEventRecord
            {
                Sequence = i + 1,
                Type = TypeName(e),
                On = e.On,
                RecordedAt = now,
                UserName = e.By.UserName,
                Json = JsonSerializer.Serialize(e, Json),
            });
        }

        await notices.WriteAsync(record, request, stored, await calendars.GetCalendarAsync(ct), ct);
        await ProjectAsync(record, request, ct);
        record.Version = request.History.Count;
        record.UpdatedAt = now;
    }

    /// <summary>Rewrites the query columns from the history and today's clock.</summary>
    public async Task ProjectAsync(RequestRecord record, InformationRequest request, CancellationToken ct = default)
    {
        var calendar = await calendars.GetCalendarAsync(ct);
        var deadline = StatutoryClock.Compute(request, calendar, Today());
        if (deadline.PausedUntil is { } until)
        {
            // Stored as the due date if the pause runs its full legal length: once that day passes without an
            // answer or payment, the stored date is the real one, and queries see lateness without a recompute.
            deadline = StatutoryClock.Compute(request, calendar, until) with { State = ClockState.Paused, PausedUntil = until };
        }

        var handler = request.History.LastOrDefault(e => e is not (Submitted or ReceiptConfirmed or DeadlineRecomputed) && e.By.UserName is not ("system" or "applicant"));
        record.Project(request, deadline, handler?.By.UserName);
    }

    /// <summary>
    /// After the holiday schedule changed: recomputes the due date of every open request, and of every request whose
    /// date was provisional or unknown, under both schedules (same day, so a paused clock does not count as a change).
    /// Where the date moved, the request's history records the old and new dates (and an applicant with an e-mail
    /// address is told); where only its standing changed (a provisional date now official), the query columns are
    /// refreshed. Returns how many moved.
    /// </summary>
    public async Task<int> RecomputeOpenDeadlinesAsync(WorkingDayCalendar before, WorkingDayCalendar after, string reason, CancellationToken ct = default)
    {
        var today = Today();
        var open = new[] { RequestStatus.Processing, RequestStatus.AwaitingCorrection, RequestStatus.AwaitingFee };
        var ids = await db.Requests
            .Where(r => open.Contains(r.Status) || r.DueProvisional || r.ClockState == ClockState.Unknown)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        var moved = 0;
        foreach (var id in ids)
        {
            var loaded = (await LoadAsync(id, ct))!;
            var oldDue = StatutoryClock.Compute(loaded.Request, before, today).Due;
            var newDue = StatutoryClock.Compute(loaded.Request, after, today).Due;
            if (oldDue != newDue)
            {
                loaded.Request.RecordDeadlineChange(new Step(today, Actor.System, today), oldDue, newDue, reason);
                await SaveAsync(loaded, ct);
                moved++;
            }
            else
            {
                await RefreshAsync(loaded, ct);
            }
        }

        return moved;
    }

    /// <summary>
    /// Rewrites a request's query columns when today's clock or the calendar gives them other values (no step is
    /// taken): requests projected before provisional dates existed, and provisional dates that became official.
    /// </summary>
    public async Task<bool> RefreshAsync(Loaded loaded, CancellationToken ct = default)
    {
        var record = loaded.Record;
        var (due, provisional, state) = (record.DueOn, record.DueProvisional, record.ClockState);
        await ProjectAsync(record, loaded.Request, ct);
        if (record.DueOn == due && record.DueProvisional == provisional && record.ClockState == state)
        {
            return false;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Open requests still projected without a due date for want of a calendar: given one where the calendar now reaches.</summary>
    public async Task<int> RefreshUnknownDeadlinesAsync(CancellationToken ct = default)
    {
        var open = new[] { RequestStatus.Processing, RequestStatus.AwaitingCorrection, RequestStatus.AwaitingFee };
        var ids = await db.Requests.Where(r => open.Contains(r.Status) && r.ClockState == ClockState.Unknown).Select(r => r.Id).ToListAsync(ct);
        var refreshed = 0;
        foreach (var id in ids)
        {
            refreshed += await RefreshAsync((await LoadAsync(id, ct))!, ct) ? 1 : 0;
        }

        return refreshed;
    }

    public static InformationRequest Replay(RequestRecord record) =>
        InformationRequest.Replay(record.Events.OrderBy(e => e.Sequence).Select(e => JsonSerializer.Deserialize<RequestEvent>(e.Json, Json)!));

    public static string NormalizeCode(string code) => new string(code.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    internal static string NewTrackingCode()
    {
        // 12 characters from 31 unambiguous symbols: about 59 bits, not guessable, and read aloud without confusion.
        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }

        return new string(chars);
    }

    public static string FormatCode(string code) => code.Length == 12 ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;

    private static string TypeName(RequestEvent e) => e.GetType().Name;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Statutory dates are China dates (Asia/Shanghai, UTC+8 all year, no daylight saving).</summary>
public static class ChinaDate
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}

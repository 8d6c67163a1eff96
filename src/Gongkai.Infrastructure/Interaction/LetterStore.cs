using System.Security.Cryptography;
using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Interaction;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Gongkai.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Interaction;

/// <summary>What a writer submits on the portal (or what the office types in for them).</summary>
public sealed record LetterInput(InteractionChannel Channel, string? Subject, string? Body, string? WriterName, string? Phone, string? Email, string? Address, bool AgreesToPublish);

/// <summary>The letter after a change, or why the change was refused (field → Chinese message); a refusal writes nothing.</summary>
public sealed record LetterOutcome(LetterRecord? Letter, IReadOnlyDictionary<string, string> Errors) : IStepOutcome
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>When an attachment was refused: the HTTP status of the refusal (413 too large, 422 unreadable).</summary>
    public int? FileStatus { get; init; }

    public static LetterOutcome Refused(string message, string field = "") => new(null, new Dictionary<string, string> { [field] = message });
}

/// <summary>An open letter and its reply deadline: the working days left (negative: overdue); a due date past the published holiday schedule is provisional.</summary>
public sealed record LetterDue(long Id, InteractionChannel Channel, string Subject, LetterStatus Status, string? Unit, string? Handler, DateOnly ReceivedOn, Deadline Deadline);

/// <summary>
/// The leader mailbox, complaints and inquiries: letters received, assigned to a unit, transferred, answered (after
/// approval when the agency wants it), closed, reopened on the writer's objection, rated, and published without
/// personal data. Every step is recorded (who, when, what); every refusal says why in Chinese and writes nothing.
/// </summary>
public sealed partial class LetterStore(GongkaiDbContext db, CalendarStore calendars, TimeProvider clock, Files.UntrustedFileLimits limits, PersonNames names, Mailer mailer)
{
    public const int SubjectMax = Letter.SubjectMax;
    public const int BodyMax = Letter.BodyMax;
    /// <summary>The same letter again within this many days is refused as a duplicate.</summary>
    public const int DuplicateDays = 30;
    public const string Public = Letter.Writer;

    /// <summary>The agency's settings for a channel (defaults when the office has not set it up).</summary>
    public async Task<InteractionChannelSettings> SettingsAsync(int agencyId, InteractionChannel channel, CancellationToken ct = default) =>
        await db.InteractionChannels.AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == agencyId && s.Channel == channel, ct)
        ?? new InteractionChannelSettings { AgencyId = agencyId, Channel = channel, ReplyWorkingDays = InteractionNames.DefaultReplyWorkingDays(channel) };

    public async Task<LetterOutcome> SubmitAsync(int agencyId, LetterInput input, IReadOnlyList<NewPublicationFile> files, DateOnly today, string actor = Public, long? requestId = null, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(agencyId, input.Channel, ct);
        var errors = Validate(input, settings);
        var attachments = new List<(string Name, string Type, byte[] Content)>();
        int? fileStatus = null;
        if (files.Count > AttachmentRules.MaxFiles)
        {
            errors["Files"] = $"附件最多 {AttachmentRules.MaxFiles} 个。";
            fileStatus = Files.UntrustedFileException.UnreadableStatus;
        }
        else
        {
            var problems = new List<string>();
            foreach (var file in files)
            {
                var name = AttachmentRules.SafeName(file.FileName);
                if (Files.UntrustedFiles.Run(limits, ct, budget => AttachmentRules.Refusal(name, file.Content, budget)) is { } refusal)
                {
                    problems.Add(refusal.Message);
                    fileStatus ??= refusal.StatusCode;
                }
                else
                {
                    attachments.Add((name, AttachmentRules.ContentTypeOf(file.Content)!, file.Content));
                }
            }

            if (problems.Count > 0)
            {
                errors["Files"] = string.Join(" ", problems);
            }
        }

        if (errors.Count > 0)
        {
            return new LetterOutcome(null, errors) { FileStatus = fileStatus };
        }

        var hash = ContentHash(input.Subject!, input.Body!);
        var since = today.AddDays(-DuplicateDays);
        var same = await db.Letters.AsNoTracking()
            .Where(l => l.AgencyId == agencyId && l.ContentHash == hash && l.ReceivedOn >= since)
            .OrderBy(l => l.Id).Select(l => new { l.ReceivedOn, l.Phone }).FirstOrDefaultAsync(ct);
        if (same is not null)
        {
            // Never the earlier letter's tracking code: it alone opens and rates that letter, and a phone number is
            // no proof of who is asking. The writer who sent it (same phone) is told when, and where the code is.
            var yours = !string.IsNullOrWhiteSpace(input.Phone) && Digits(same.Phone) == Digits(input.Phone);
            return LetterOutcome.Refused(yours
                ? $"您已于{NoticeWriter.Chinese(same.ReceivedOn)}提交过相同内容的来信，我们已收到并正在办理，请勿重复提交。查询码已在当时提交成功的页面上显示，"
                    + $"凭查询码可查看办理情况和答复；如查询码遗失，请联系{await OfficeContactAsync(agencyId, ct)}。"
                : "近期已收到相同内容的来信，正在办理，请勿重复提交。", "Body");
        }

        var calendar = await calendars.GetCalendarAsync(ct);
        var record = NewRecord(agencyId, input, today, requestId, hash, Letter.Receive(input.Channel, Writer(input), input.AgreesToPublish, today, DueFrom(calendar, today, settings), actor,
            requestId is null ? null : "由政府信息公开申请转来（第三十九条）"));
        foreach (var (name, type, content) in attachments)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            if (!await db.StoredFiles.AnyAsync(f => f.Sha256 == sha, ct) && db.StoredFiles.Local.All(f => f.Sha256 != sha))
            {
                db.StoredFiles.Add(new StoredFile { Sha256 = sha, Size = content.Length, Content = content, CreatedAt = clock.GetUtcNow() });
            }

            record.Attachments.Add(new LetterAttachment { FileName = name, ContentType = type, Size = content.Length, Sha256 = sha });
        }

        LetterMail.Queue(record, record.Events, await AgencyNameAsync(agencyId, ct), clock.GetUtcNow());
        db.Letters.Add(record);
        await db.SaveChangesAsync(ct);
        await SendMailAsync(record, ct);
        return new LetterOutcome(record, new Dictionary<string, string>());
    }

    /// <summary>A new letter's record: the text as written, the workflow as <paramref name="letter"/> began it.</summary>
    private LetterRecord NewRecord(int agencyId, LetterInput input, DateOnly today, long? requestId, string hash, Letter letter)
    {
        var record = new LetterRecord
        {
            AgencyId = agencyId,
            Channel = input.Channel,
            TrackingCode = RequestStore.NewTrackingCode(),
            Subject = input.Subject!.Trim(),
            Body = input.Body!.Trim(),
            WriterName = Clean(input.WriterName),
            Phone = Clean(input.Phone),
            Email = Clean(input.Email),
            Address = Clean(input.Address),
            AgreesToPublish = input.AgreesToPublish,
            ReceivedAt = clock.GetUtcNow(),
            ReceivedOn = today,
            RequestId = requestId,
            ContentHash = hash,
        };
        record.Events.AddRange(record.Take(letter, clock.GetUtcNow()));
        return record;
    }

    private static LetterWriter Writer(LetterInput input) => new(Clean(input.WriterName), Clean(input.Phone), Clean(input.Email), Clean(input.Address));

    /// <summary>
    /// Art. 39: a request closed as 不予处理 because it is really a petition, complaint or report becomes a complaint
    /// here in one step, linked both ways; the applicant's contact details go with it.
    /// </summary>
    /// <summary>"示例区政务公开办公室（电话 010-…）": whom a writer calls about a letter.</summary>
    private async Task<string> OfficeContactAsync(int agencyId, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
            .Select(a => new { a.FullName, a.Contact.OfficeName, a.Contact.Phone }).SingleAsync(ct);
        var office = string.IsNullOrWhiteSpace(agency.OfficeName) ? agency.FullName : agency.OfficeName;
        return string.IsNullOrWhiteSpace(agency.Phone) ? office : $"{office}（电话 {agency.Phone}）";
    }

    public async Task<LetterOutcome> FromRequestAsync(long requestId, string actor, DateOnly today, CancellationToken ct = default)
    {
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return LetterOutcome.Refused("申请不存在。");
        }

        if (request.Outcome != Outcome.NotProcessedPetitionOrComplaint)
        {
            return LetterOutcome.Refused("只有以“不予处理 · 信访举报投诉类申请”答复的申请才能转为网上投诉。");
        }

        if (await db.Letters.AsNoTracking().Where(l => l.RequestId == requestId).Select(l => l.TrackingCode).FirstOrDefaultAsync(ct) is { } existing)
        {
            return LetterOutcome.Refused($"该申请已转为网上投诉（查询码 {RequestStore.FormatCode(existing)}）。");
        }

        var subject = request.InformationTitle.Length > SubjectMax ? request.InformationTitle[..SubjectMax] : request.InformationTitle;
        var body = $"（由政府信息公开申请 {RequestStore.FormatCode(request.TrackingCode)} 转来）\n{request.InformationTitle}\n{request.Description}".Trim();
        var input = new LetterInput(InteractionChannel.Complaint, subject.Length >= 4 ? subject : "转来的投诉：" + subject, body.Length > BodyMax ? body[..BodyMax] : body,
            request.ApplicantName, request.Phone, request.Email, request.Address, AgreesToPublish: false);
        var settings = await SettingsAsync(request.AgencyId, InteractionChannel.Complaint, ct);
        // The office decided this belongs here; a channel the public cannot use still takes it.
        settings.Enabled = true;
        var errors = Validate(input, settings);
        errors.Remove(nameof(LetterInput.Email));
        if (errors.Count > 0)
        {
            return new LetterOutcome(null, errors);
        }

        var calendar = await calendars.GetCalendarAsync(ct);
        var record = NewRecord(request.AgencyId, input, today, requestId, ContentHash(input.Subject!, input.Body!),
            Letter.Receive(InteractionChannel.Complaint, Writer(input), agreesToPublish: false, today, DueFrom(calendar, today, settings), actor,
                $"由政府信息公开申请 {RequestStore.FormatCode(request.TrackingCode)} 转来（《条例》第三十九条）"));
        LetterMail.Queue(record, record.Events, await AgencyNameAsync(request.AgencyId, ct), clock.GetUtcNow());
        db.Letters.Add(record);
        await db.SaveChangesAsync(ct);
        await SendMailAsync(record, ct);
        return new LetterOutcome(record, new Dictionary<string, string>());
    }

    /// <summary>Gives the letter to a unit and handler; a change of unit is a transfer (转办) and needs a reason.</summary>
    public Task<LetterOutcome> AssignAsync(long id, string? unit, string? handler, string? reason, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, async (record, letter) => letter.Assign(unit, handler, reason, actor, (await SettingsAsync(record.AgencyId, record.Channel, ct)).UnitList), ct);

    /// <summary>Replies to the writer; where the agency wants it, the reply waits for an approver first.</summary>
    public Task<LetterOutcome> ReplyAsync(long id, string? reply, string actor, DateOnly today, CancellationToken ct = default) =>
        ChangeAsync(id, async (record, letter) => letter.Answer(reply, actor, today, (await SettingsAsync(record.AgencyId, record.Channel, ct)).RequireApproval), ct);

    /// <summary>An approver sends the drafted reply, or returns it with a note.</summary>
    public Task<LetterOutcome> ApproveAsync(long id, bool approve, string? note, string actor, DateOnly today, CancellationToken ct = default) =>
        ChangeAsync(id, (_, letter) => Task.FromResult(letter.Approve(approve, note, actor, today)), ct);

    /// <summary>Closes a letter that needs no reply (a duplicate, no content), with the reason.</summary>
    public Task<LetterOutcome> CloseAsync(long id, string? reason, string actor, DateOnly today, CancellationToken ct = default) =>
        ChangeAsync(id, (_, letter) => Task.FromResult(letter.Close(reason, actor, today)), ct);

    /// <summary>
    /// Reopens an answered or closed letter (the writer objects, or the office finds the reply wanting): back to its
    /// unit with a new reply time; the earlier reply stays in the history.
    /// </summary>
    public Task<LetterOutcome> ReopenAsync(long id, string? reason, string actor, DateOnly today, CancellationToken ct = default) =>
        ChangeAsync(id, async (record, letter) => letter.Reopen(reason, actor, await NewReplyTimeAsync(record, today, ct)), ct);

    /// <summary>The writer rates the reply, once; “not satisfied” with a reason reopens the letter in the same step.</summary>
    public Task<LetterOutcome> RateAsync(long id, LetterRating rating, string? comment, DateOnly today, CancellationToken ct = default) =>
        ChangeAsync(id, async (record, letter) => letter.Rate(rating, comment, await NewReplyTimeAsync(record, today, ct)), ct);

    /// <summary>Publishes the letter and its reply as edited here; only with the writer's consent and without their personal data.</summary>
    public Task<LetterOutcome> PublishAsync(long id, string? subject, string? body, string? reply, string actor, DateOnly today, CancellationToken ct = default) =>
        ChangeAsync(id, async (_, letter) => letter.Publish(subject, body, reply, actor, today, await PublicContactsAsync(ct)), ct);

    /// <summary>
    /// The copy of a letter offered for publication, before the office edits it: the writer's name and contact
    /// details, persons' names (<see cref="PersonNames"/>), street addresses and numbers removed; the agencies'
    /// published contact data kept.
    /// </summary>
    public async Task<(string Subject, string Body, string? Reply)> PublicCopyAsync(LetterRecord letter, CancellationToken ct = default)
    {
        var keep = await PublicContactsAsync(ct);
        string?[] known = [letter.WriterName, letter.Phone, letter.Email, letter.Address];
        string Copy(string text) => LetterRedaction.Redact(text, known, keep, names.Find(text));
        return (Copy(letter.Subject), Copy(letter.Body), letter.Reply is null ? null : Copy(letter.Reply));
    }

    /// <summary>
    /// What the agencies publish of themselves in their disclosure guides — their offices' phones, e-mail addresses
    /// and addresses: a reply may name them, and publishing a letter never removes them.
    /// </summary>
    public async Task<IReadOnlyCollection<string?>> PublicContactsAsync(CancellationToken ct = default)
    {
        var contacts = await db.Agencies.AsNoTracking().Select(a => new { a.Contact.Phone, a.Contact.Email, a.Contact.Address }).ToListAsync(ct);
        return contacts.SelectMany(c => new[] { c.Phone, c.Email, c.Address }).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct().ToList();
    }

    public Task<LetterOutcome> UnpublishAsync(long id, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, (_, letter) => Task.FromResult(letter.Unpublish(actor)), ct);

    /// <summary>The channel's reply time counted from <paramref name="today"/>: a reopened letter's new deadline.</summary>
    private async Task<Deadline> NewReplyTimeAsync(LetterRecord record, DateOnly today, CancellationToken ct) =>
        DueFrom(await calendars.GetCalendarAsync(ct), today, await SettingsAsync(record.AgencyId, record.Channel, ct));

    /// <summary>
    /// Loads the letter, lets Core take the step, and saves the step with its history — and with whatever else the
    /// unit of work holds, such as the audit entry the page added — in one SaveChanges. A refusal saves nothing.
    /// </summary>
    private async Task<LetterOutcome> ChangeAsync(long id, Func<LetterRecord, Letter, Task<string?>> step, CancellationToken ct)
    {
        var record = await db.Letters.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (record is null)
        {
            db.ChangeTracker.Clear();
            return LetterOutcome.Refused("来信不存在。");
        }

        var letter = record.ToLetter();
        if (await step(record, letter) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return LetterOutcome.Refused(refusal);
        }

        var steps = record.Take(letter, clock.GetUtcNow());
        db.LetterEvents.AddRange(steps);
        LetterMail.Queue(record, steps, await AgencyNameAsync(record.AgencyId, ct), clock.GetUtcNow());
        record.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return LetterOutcome.Refused("这封来信刚被其他人修改过，请刷新后重试。");
        }

        await SendMailAsync(record, ct);
        return new LetterOutcome(record, new Dictionary<string, string>());
    }

    /// <summary>After the commit: a mail server that is down delays the e-mail (the outbox retries), never the step.</summary>
    private async Task SendMailAsync(LetterRecord record, CancellationToken ct)
    {
        if (record.Emails.Any(m => m.SentAt is null))
        {
            await mailer.SendPendingAsync(null, ct, record.Id);
        }
    }

    private async Task<string> AgencyNameAsync(int agencyId, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.FullName).SingleAsync(ct);

    private static Dictionary<string, string> Validate(LetterInput input, InteractionChannelSettings settings)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(input.Channel))
        {
            errors[nameof(input.Channel)] = "请选择来信类型。";
        }
        else if (!settings.Enabled)
        {
            errors[nameof(input.Channel)] = $"本机关未开通“{InteractionNames.Of(input.Channel)}”栏目。";
        }

        var subject = input.Subject?.Trim() ?? "";
        if (subject.Length is < 4 or > SubjectMax)
        {
            errors[nameof(input.Subject)] = $"标题须为 4 至 {SubjectMax} 个字。";
        }

        var body = input.Body?.Trim() ?? "";
        if (body.Length is < 10 or > BodyMax)
        {
            errors[nameof(input.Body)] = $"来信内容须为 10 至 {BodyMax} 个字（现为 {body.Length} 个字）。";
        }

        var contactRequired = input.Channel != InteractionChannel.Inquiry;
        var name = input.WriterName?.Trim() ?? "";
        if (name.Length > 50)
        {
            errors[nameof(input.WriterName)] = "姓名不能超过 50 个字。";
        }
        else if (contactRequired && name.Length == 0)
        {
            errors[nameof(input.WriterName)] = $"{InteractionNames.Of(input.Channel)}须填写姓名，以便答复。";
        }

        var phone = Digits(input.Phone);
        if (!string.IsNullOrWhiteSpace(input.Phone) && (phone.Length is < 7 or > 15 || input.Phone.Trim().Length > 30))
        {
            errors[nameof(input.Phone)] = "联系电话应为 7 至 15 位数字。";
        }
        else if (contactRequired && phone.Length == 0)
        {
            errors[nameof(input.Phone)] = $"{InteractionNames.Of(input.Channel)}须填写联系电话，以便核实和答复。";
        }

        if (!string.IsNullOrWhiteSpace(input.Email) && (input.Email.Trim().Length > 100 || !System.Net.Mail.MailAddress.TryCreate(input.Email.Trim(), out _)))
        {
            errors[nameof(input.Email)] = "电子邮箱格式不正确。";
        }

        if (input.Address?.Trim().Length > 200)
        {
            errors[nameof(input.Address)] = "地址不能超过 200 个字。";
        }

        return errors;
    }

    /// <summary>The channel's reply period: at least one working day.</summary>
    public static WorkingDays ReplyPeriod(InteractionChannelSettings settings) => new(Math.Max(1, settings.ReplyWorkingDays));

    // Past the published schedule the calendar reckons provisionally; the date is recounted on import.
    private static Deadline DueFrom(WorkingDayCalendar calendar, DateOnly received, InteractionChannelSettings settings) =>
        Deadline.Count(calendar, received, ReplyPeriod(settings), received, null, Letter.ReplyTime);

    private static string Digits(string? text) => new((text ?? "").Where(char.IsAsciiDigit).ToArray());

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

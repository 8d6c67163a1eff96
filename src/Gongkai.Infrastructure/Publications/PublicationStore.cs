using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Publications;

/// <summary>What staff write about a document (the form's fields).</summary>
public sealed record PublicationInput(
    string? Title,
    string? DocumentNumber,
    string? Issuer,
    DateOnly? WrittenOn,
    string? Category,
    PublicationType Type,
    DisclosureAttribute Attribute,
    string? AttributeReason,
    string? BodyHtml,
    string? Keywords,
    string? DraftingUnit,
    long? InterpretsId = null,
    string? IndexNumber = null);

/// <summary>A file uploaded with a document.</summary>
public sealed record NewPublicationFile(string FileName, byte[] Content);

/// <summary>The result of a change: the document's id, or the reasons it was refused (field → Chinese message); a refused change writes nothing.</summary>
public sealed record PublicationOutcome(long? Id, IReadOnlyDictionary<string, string> Errors) : IStepOutcome
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>When an attachment was refused: the HTTP status of the refusal (413 too large, 422 unreadable).</summary>
    public int? FileStatus { get; init; }

    public static PublicationOutcome Refused(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}

/// <summary>Told when documents change, so the search index (and anything else that mirrors them) follows.</summary>
public interface IPublicationObserver
{
    Task ChangedAsync(IReadOnlyCollection<long> ids, CancellationToken ct);
}

/// <summary>
/// One line of the Art. 26 list: a proactive document not yet published, or published late, with its deadline. A
/// due date past the published holiday schedule is provisional (预计); one that cannot be computed says why.
/// </summary>
public sealed record Article26Item(long Id, string Title, DateOnly WrittenOn, DateOnly? PublishedOn, PublicationStatus Status, Deadline Deadline)
{
    public bool Late => Deadline.State is DeadlineState.Overdue or DeadlineState.Late;
}

/// <summary>
/// The catalog's documents and their life: drafted, cleared by the confidentiality review (先审查、后公开),
/// published (a normative document together with its policy interpretation, 同步发布, or with the reason why not),
/// repealed or expired. Every rule is checked before anything is written; refusals say why in Chinese.
/// </summary>
public sealed partial class PublicationStore(GongkaiDbContext db, CalendarStore calendars, TimeProvider clock, IEnumerable<IPublicationObserver> observers, Files.UntrustedFileLimits limits)
{
    /// <summary>Art. 26: proactive information is published within 20 working days of being made or changed.</summary>
    public const int Article26WorkingDays = 20;

    /// <summary>The default catalog tree a new agency starts with.</summary>
    public static readonly (string Name, string[] Children)[] DefaultCatalog =
    [
        ("机构职能", []),
        ("法规文件", ["规章", "行政规范性文件", "其他文件"]),
        ("政策解读", []),
        ("规划计划", []),
        ("财政资金", ["财政预决算", "“三公”经费"]),
        ("人事信息", []),
        ("重点领域信息", []),
        ("政务服务", []),
        ("其他", []),
    ];

    /// <summary>The agency's catalog tree, created from <see cref="DefaultCatalog"/> the first time it is asked for.</summary>
    public async Task<List<CatalogCategory>> CategoriesAsync(int agencyId, CancellationToken ct = default)
    {
        var existing = await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync(ct);
        if (existing.Count > 0)
        {
            return existing;
        }

        var order = 0;
        foreach (var (name, children) in DefaultCatalog)
        {
            var parent = new CatalogCategory { AgencyId = agencyId, Name = name, Order = order++ };
            db.CatalogCategories.Add(parent);
            await db.SaveChangesAsync(ct);
            foreach (var child in children)
            {
                db.CatalogCategories.Add(new CatalogCategory { AgencyId = agencyId, Name = child, ParentId = parent.Id, Order = order++ });
            }
        }

        await db.SaveChangesAsync(ct);
        return await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.Order).ToListAsync(ct);
    }

    public async Task<DisclosureSettings> SettingsAsync(int agencyId, CancellationToken ct = default) =>
        await db.DisclosureSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == agencyId, ct) ?? new DisclosureSettings { AgencyId = agencyId };

    public async Task<PublicationOutcome> CreateAsync(int agencyId, PublicationInput input, IReadOnlyList<NewPublicationFile> files, string user, DateOnly today, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return PublicationOutcome.Refused("AgencyId", "机关不存在。");
        }

        var (errors, html) = await ValidateAsync(agencyId, null, input, today, ct);
        var (checkedFiles, fileErrors, fileStatus) = CheckFiles(files, 0, ct);
        foreach (var (key, value) in fileErrors)
        {
            errors[key] = value;
        }

        if (errors.Count > 0)
        {
            return new PublicationOutcome(null, errors) { FileStatus = fileStatus };
        }

        var settings = await SettingsAsync(agencyId, ct);
        var year = input.WrittenOn!.Value.Year;
        var scheme = IndexNumberScheme.Parse(settings.IndexNumberPattern);
        var used = await db.Publications.Where(p => p.AgencyId == agencyId).Select(p => p.IndexNumber).ToListAsync(ct);
        var record = new PublicationRecord
        {
            AgencyId = agencyId,
            IndexNumber = Trimmed(input.IndexNumber) ?? scheme.Next(agency.CreditCode, year, used),
            Title = "",
            Issuer = "",
            CreatedAt = clock.GetUtcNow(),
        };
        Apply(record, input, html!);
        record.Take(Publication.Draft(record.Title, input.Type, input.Attribute, input.WrittenOn!.Value, user, input.InterpretsId));
        await StoreFilesAsync(record, checkedFiles, ct);
        db.Publications.Add(record);
        await db.SaveChangesAsync(ct);
        return new PublicationOutcome(record.Id, new Dictionary<string, string>());
    }

    /// <summary>Changes a document. A draft or reviewed document goes back to draft (the review must be redone); a published one stays published and its page and the index follow.</summary>
    public async Task<PublicationOutcome> UpdateAsync(long id, PublicationInput input, IReadOnlyList<NewPublicationFile> files, IReadOnlyCollection<long> removeAttachments, string user, DateOnly today, CancellationToken ct = default)
    {
        var record = await db.Publications.Include(p => p.Attachments).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (record is null)
        {
            return PublicationOutcome.Refused("Id", "文件不存在。");
        }

        var (errors, html) = await ValidateAsync(record.AgencyId, record, input, today, ct);
        var kept = record.Attachments.Count(a => !removeAttachments.Contains(a.Id));
        var (checkedFiles, fileErrors, fileStatus) = CheckFiles(files, kept, ct);
        foreach (var (key, value) in fileErrors)
        {
            errors[key] = value;
        }

        var publication = record.ToPublication();
        if (errors.Count == 0 && publication.Edit(input.Title!.Trim(), input.Type, input.Attribute, input.WrittenOn!.Value) is { } refused)
        {
            errors[refused.Field] = refused.Message;
        }

        if (errors.Count > 0)
        {
            return new PublicationOutcome(null, errors) { FileStatus = fileStatus };
        }

        Apply(record, input, html!);
        record.Take(publication);
        record.Attachments.RemoveAll(a => removeAttachments.Contains(a.Id));
        await StoreFilesAsync(record, checkedFiles, ct);
        record.UpdatedAt = clock.GetUtcNow();

        await db.SaveChangesAsync(ct);
        await NotifyAsync([record.Id], ct);
        return new PublicationOutcome(record.Id, new Dictionary<string, string>());
    }

    /// <summary>保密审查: an approver other than the drafter clears a draft for publication, with an opinion.</summary>
    public async Task<PublicationOutcome> ReviewAsync(long id, string? opinion, string user, CancellationToken ct = default)
    {
        var record = await db.Publications.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (record is null)
        {
            return PublicationOutcome.Refused("Id", "文件不存在。");
        }

        var publication = record.ToPublication();
        if (publication.Review(opinion, user, clock.GetUtcNow()) is { } refused)
        {
            return PublicationOutcome.Refused(refused.Field, refused.Message);
        }

        record.Take(publication);
        await db.SaveChangesAsync(ct);
        return new PublicationOutcome(record.Id, new Dictionary<string, string>());
    }

    /// <summary>
    /// Publishes a reviewed, proactive document on <paramref name="on"/> (default today). A normative document or
    /// rule is published with its reviewed interpretation the same day, or with <paramref name="noInterpretationReason"/>.
    /// </summary>
    public async Task<PublicationOutcome> PublishAsync(long id, DateOnly? on, string? noInterpretationReason, string user, DateOnly today, CancellationToken ct = default)
    {
        var record = await db.Publications.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (record is null)
        {
            return PublicationOutcome.Refused("Id", "文件不存在。");
        }

        Publication? policy = null;
        var interpretations = new List<PublicationRecord>();
        if (record.InterpretsId is { } policyId)
        {
            policy = (await db.Publications.AsNoTracking().FirstAsync(p => p.Id == policyId, ct)).ToPublication();
        }
        else if (record.Type is PublicationType.NormativeDocument or PublicationType.Regulation)
        {
            interpretations = await db.Publications.Where(p => p.InterpretsId == record.Id).ToListAsync(ct);
        }

        var publication = record.ToPublication();
        var restored = interpretations.Select(i => (Record: i, Publication: i.ToPublication())).ToList();
        if (publication.Publish(on ?? today, today, noInterpretationReason, user, clock.GetUtcNow(), policy, restored.Select(i => i.Publication).ToList(), out var together) is { } refused)
        {
            return PublicationOutcome.Refused(refused.Field, refused.Message);
        }

        record.Take(publication);
        var published = restored.Where(i => together.Contains(i.Publication)).ToList();
        foreach (var (interpretation, taken) in published)
        {
            interpretation.Take(taken);
        }

        await db.SaveChangesAsync(ct);
        await NotifyAsync(published.Select(i => i.Record.Id).Prepend(record.Id).ToList(), ct);
        return new PublicationOutcome(record.Id, new Dictionary<string, string>());
    }

    /// <summary>Records that a document was repealed (废止) on a date by another document, or expired (失效) on a date.</summary>
    public async Task<PublicationOutcome> EndValidityAsync(long id, bool repealed, DateOnly? on, string? by, string user, DateOnly today, CancellationToken ct = default)
    {
        var record = await db.Publications.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (record is null)
        {
            return PublicationOutcome.Refused("Id", "文件不存在。");
        }

        var publication = record.ToPublication();
        if (publication.EndValidity(repealed, on, by, today) is { } refused)
        {
            return PublicationOutcome.Refused(refused.Field, refused.Message);
        }

        record.Take(publication);
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await NotifyAsync([record.Id], ct);
        return new PublicationOutcome(record.Id, new Dictionary<string, string>());
    }

    /// <summary>
    /// Art. 26 for the agencies on <paramref name="today"/>: every proactive document not yet published, with its
    /// deadline (20 working days after the date written) and the working days left (negative: late), and those of the
    /// last 12 months published late. None is left out: a document whose due date cannot be computed is listed
    /// without one, saying why.
    /// </summary>
    public async Task<List<Article26Item>> Article26Async(IReadOnlyCollection<int> agencyIds, DateOnly today, CancellationToken ct = default)
    {
        var calendar = await calendars.GetCalendarAsync(ct);
        var since = today.AddYears(-1);
        var ids = agencyIds.ToList();
        var rows = await db.Publications.AsNoTracking()
            .Where(p => ids.Contains(p.AgencyId) && p.Attribute == DisclosureAttribute.Proactive && (p.Status != PublicationStatus.Published || p.PublishedOn >= since))
            .Select(p => new { p.Id, p.Title, p.WrittenOn, p.PublishedOn, p.Status })
            .ToListAsync(ct);
        var items = new List<Article26Item>();
        foreach (var row in rows)
        {
            var deadline = Article26Deadline(calendar, row.WrittenOn, row.Status == PublicationStatus.Published ? row.PublishedOn : null, today);
            var item = new Article26Item(row.Id, row.Title, row.WrittenOn, row.PublishedOn, row.Status, deadline);
            if (row.Status != PublicationStatus.Published || item.Late)
            {
                items.Add(item);
            }
        }

        // What cannot be counted comes first: someone must look at it.
        return items.OrderBy(i => i.PublishedOn is not null).ThenBy(i => i.Deadline.Due is not null).ThenBy(i => i.Deadline.Due).ToList();
    }

    /// <summary>Art. 26: the document's deadline to be published, on <paramref name="today"/>.</summary>
    public async Task<Deadline> Article26DeadlineAsync(PublicationRecord document, DateOnly today, CancellationToken ct = default) =>
        Article26Deadline(await calendars.GetCalendarAsync(ct), document.WrittenOn, document.Status == PublicationStatus.Published ? document.PublishedOn : null, today);

    /// <summary>Art. 26: the deadline to publish a document written on <paramref name="writtenOn"/>.</summary>
    public static Deadline Article26Deadline(WorkingDayCalendar calendar, DateOnly writtenOn, DateOnly? publishedOn, DateOnly today) =>
        Deadline.Count(calendar, writtenOn, new WorkingDays(Article26WorkingDays), today, publishedOn, "发布期限")
            .Prepend($"{writtenOn:yyyy-MM-dd} 形成或者变更，应自该日起 {Article26WorkingDays} 个工作日内公开（《条例》第二十六条）。");

    public static string TypeName(PublicationType type) => PublicationNames.Of(type);

    public static string AttributeName(DisclosureAttribute attribute) => PublicationNames.Of(attribute);

    public static string StatusName(PublicationStatus status) => PublicationNames.Of(status);

    private async Task NotifyAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            await observer.ChangedAsync(ids, ct);
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

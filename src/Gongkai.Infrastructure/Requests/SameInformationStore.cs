using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Publications;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.SameInformation;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Requests;

/// <summary>What a same-information step did: how many requests it linked, or why nothing was written.</summary>
public sealed record SameInformationOutcome(int Linked, IReadOnlyDictionary<string, string> Errors) : IStepOutcome
{
    public bool Succeeded => Errors.Count == 0;

    public static SameInformationOutcome Refused(string message) => new(0, new Dictionary<string, string> { ["SameInformation"] = message });
}

/// <summary>A group of requests for the same information among an agency's requests, with the document published for it, if any.</summary>
/// <param name="Requests">The members, in the group's order.</param>
/// <param name="PublicationId">The document linked to the group (published), or being prepared for it (a draft).</param>
/// <param name="Linked">The document is out and the group's requests are linked to it.</param>
public sealed record SameInformationGroupView(SameInformationGroup Group, IReadOnlyList<RequestRecord> Requests, long? PublicationId, string? PublicationTitle, bool Linked);

/// <summary>The published document a request asks for, found through a linked group.</summary>
public sealed record SameInformationPublished(long PublicationId, string Title);

/// <summary>
/// Art. 44 in the office: finds the groups of requests from several applicants for the same information (the Core
/// engine, <see cref="SameInformationGrouping"/>), ties a group to the document the office publishes for it, finds
/// that document for later requests, and counts the year's groups for the annual report. Every change is checked by
/// <see cref="SameInformationLinking"/> first and saved with its audit entry in one SaveChanges; a refusal writes nothing.
/// </summary>
public sealed class SameInformationStore(GongkaiDbContext db, TimeProvider clock)
{
    public const string Suggestion = "多个申请人就相同政府信息提出申请，建议依据《条例》第四十四条纳入主动公开范围";

    /// <summary>
    /// The key the engine tells applicants apart by: a hash of the identity document (or, for a ledger row without one,
    /// of the name and phone). It never leaves the server and is never stored or shown.
    /// </summary>
    public static string ApplicantKey(IdentityDocumentType type, string idNumber, string name, string phone)
    {
        var identity = idNumber == PersonalData.NotRecorded
            ? $"name\n{name.Trim()}\n{phone.Trim()}"
            : $"{type}\n{idNumber.Trim().ToUpperInvariant()}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("gongkai-same-information\n" + identity)));
    }

    /// <summary>
    /// The groups among the requests of <paramref name="scope"/> (null: all) received from <paramref name="from"/> to
    /// <paramref name="to"/>: those not yet linked first, then the largest and the most recently asked for.
    /// </summary>
    public async Task<List<SameInformationGroupView>> GroupsAsync(IReadOnlySet<int>? scope, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var ids = scope?.ToList();
        var texts = await TextsAsync(db.Requests.Where(r => (ids == null || ids.Contains(r.AgencyId)) && r.ReceivedOn >= from && r.ReceivedOn <= to), ct);
        var groups = SameInformationGrouping.Find(texts);
        var members = groups.SelectMany(g => g.RequestIds).ToList();
        var records = new Dictionary<long, RequestRecord>();
        var links = new List<SameInformationLink>();
        foreach (var chunk in members.Chunk(500))
        {
            foreach (var r in await db.Requests.AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(ct))
            {
                records[r.Id] = r;
            }

            links.AddRange(await db.SameInformationLinks.AsNoTracking().Where(l => chunk.Contains(l.RequestId)).ToListAsync(ct));
        }

        var publicationIds = links.Select(l => l.PublicationId).Distinct().ToList();
        var titles = await db.Publications.AsNoTracking().Where(p => publicationIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        return groups.Select(g =>
        {
            var groupLinks = links.Where(l => g.RequestIds.Contains(l.RequestId)).ToList();
            var link = groupLinks.FirstOrDefault(l => l.LinkedOn is not null) ?? groupLinks.FirstOrDefault();
            return new SameInformationGroupView(g, g.RequestIds.Select(id => records[id]).ToList(), link?.PublicationId,
                link is null ? null : titles.GetValueOrDefault(link.PublicationId), link?.LinkedOn is not null);
        })
            // What still waits for a decision first, the largest and most recent groups at the top.
            .OrderBy(v => v.Linked).ThenByDescending(v => v.Group.RequestIds.Count).ThenByDescending(v => v.Group.LastReceivedOn).ThenBy(v => v.Group.RepresentativeRequestId)
            .ToList();
    }

    /// <summary>A document is being drafted for the group: its requests are tied to it, to be linked when it is published.</summary>
    public Task<SameInformationOutcome> PrepareAsync(long publicationId, IReadOnlyCollection<long> requestIds, IReadOnlySet<int>? scope, string user, CancellationToken ct = default) =>
        TieAsync(publicationId, requestIds, scope, user, null, ct);

    /// <summary>The group's requests linked at once to a document already published in the catalog.</summary>
    public Task<SameInformationOutcome> LinkAsync(long publicationId, IReadOnlyCollection<long> requestIds, IReadOnlySet<int>? scope, string user, DateOnly today, CancellationToken ct = default) =>
        TieAsync(publicationId, requestIds, scope, user, today, ct);

    /// <summary>
    /// After a document is published: the requests prepared for it are linked to it, with an audit entry, in the
    /// publishing step's unit of work. Returns how many were linked (none when it was not made for a group).
    /// </summary>
    public async Task<int> LinkPreparedAsync(long publicationId, string user, DateOnly today, CancellationToken ct = default)
    {
        var publication = await db.Publications.AsNoTracking().Where(p => p.Id == publicationId)
            .Select(p => new { p.Title, p.Status, p.Attribute }).FirstOrDefaultAsync(ct);
        if (publication is not { Status: PublicationStatus.Published, Attribute: DisclosureAttribute.Proactive })
        {
            return 0;
        }

        var prepared = await db.SameInformationLinks.Where(l => l.PublicationId == publicationId && l.LinkedOn == null).ToListAsync(ct);
        if (prepared.Count == 0)
        {
            return 0;
        }

        foreach (var link in prepared)
        {
            (link.LinkedOn, link.LinkedBy) = (today, user);
        }

        Audit(publicationId, prepared, user, $"《{publication.Title}》已发布，依据《条例》第四十四条关联为其起草的同一组申请");
        await db.SaveChangesAsync(ct);
        return prepared.Count;
    }

    /// <summary>
    /// The published document for an open request: the one its group is linked to, or — for a request that came
    /// later — the one of a linked group the engine puts it in. Null when there is none (or it is no longer published).
    /// </summary>
    public async Task<SameInformationPublished?> PublishedForAsync(RequestRecord request, CancellationToken ct = default)
    {
        var publicationId = await db.SameInformationLinks.AsNoTracking().Where(l => l.RequestId == request.Id && l.LinkedOn != null)
            .Select(l => (long?)l.PublicationId).FirstOrDefaultAsync(ct);
        if (publicationId is null && request.ReceivedOn is not null)
        {
            var linked = await db.SameInformationLinks.AsNoTracking().Where(l => l.AgencyId == request.AgencyId && l.LinkedOn != null)
                .OrderByDescending(l => l.Id).Take(MaxLinkedCompared).Select(l => new { l.RequestId, l.PublicationId }).ToListAsync(ct);
            if (linked.Count > 0)
            {
                var ids = linked.Select(l => l.RequestId).Append(request.Id).ToList();
                var group = SameInformationGrouping.Find(await TextsAsync(db.Requests.Where(r => ids.Contains(r.Id)), ct))
                    .FirstOrDefault(g => g.RequestIds.Contains(request.Id));
                publicationId = group is null ? null : linked.FirstOrDefault(l => group.RequestIds.Contains(l.RequestId))?.PublicationId;
            }
        }

        return publicationId is null ? null : await db.Publications.AsNoTracking()
            .Where(p => p.Id == publicationId && p.Status == PublicationStatus.Published && p.Attribute == DisclosureAttribute.Proactive)
            .Select(p => new SameInformationPublished(p.Id, p.Title)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The annual report's figure: groups whose requests were linked to a published document in the year, and those requests.</summary>
    public static async Task<(int Groups, int Requests)> YearAsync(GongkaiDbContext db, IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var ids = agencyIds.ToList();
        var links = await db.SameInformationLinks.AsNoTracking().Where(l => ids.Contains(l.AgencyId) && l.LinkedOn >= start && l.LinkedOn <= end)
            .Select(l => l.PublicationId).ToListAsync(ct);
        return (links.Distinct().Count(), links.Count);
    }

    /// <summary>Linked requests a later request is compared with: the agency's most recent.</summary>
    private const int MaxLinkedCompared = 2000;

    private async Task<SameInformationOutcome> TieAsync(long publicationId, IReadOnlyCollection<long> requestIds, IReadOnlySet<int>? scope, string user, DateOnly? today, CancellationToken ct)
    {
        var asked = requestIds.Distinct().ToList();
        var scopeIds = scope?.ToList();
        var requests = await db.Requests.AsNoTracking().Where(r => asked.Contains(r.Id) && (scopeIds == null || scopeIds.Contains(r.AgencyId)))
            .Select(r => new { r.Id, r.AgencyId, r.IdType, r.IdNumber, r.ApplicantName, r.Phone, r.TrackingCode }).ToListAsync(ct);
        var existing = await db.SameInformationLinks.Where(l => asked.Contains(l.RequestId)).ToListAsync(ct);
        var candidates = requests.Select(r => new LinkCandidate(r.Id, r.AgencyId, ApplicantKey(r.IdType, r.IdNumber, r.ApplicantName, r.Phone),
            existing.FirstOrDefault(l => l.RequestId == r.Id && l.LinkedOn != null)?.PublicationId)).ToList();
        var target = await db.Publications.AsNoTracking().Where(p => p.Id == publicationId && (scopeIds == null || scopeIds.Contains(p.AgencyId)))
            .Select(p => new { p.AgencyId, p.Title, p.Status, p.Attribute }).FirstOrDefaultAsync(ct);
        var refusal = SameInformationLinking.Refusal(asked, candidates, target is null ? null
            : new LinkTarget(publicationId, target.AgencyId, target.Attribute == DisclosureAttribute.Proactive, target.Status == PublicationStatus.Published), today is not null);
        if (refusal is not null)
        {
            db.ChangeTracker.Clear();
            return SameInformationOutcome.Refused(refusal);
        }

        var now = clock.GetUtcNow();
        var tied = new List<SameInformationLink>();
        foreach (var r in requests)
        {
            var link = existing.FirstOrDefault(l => l.RequestId == r.Id);
            if (link is null)
            {
                link = new SameInformationLink { RequestId = r.Id, PublicationId = publicationId, AgencyId = r.AgencyId, CreatedAt = now, CreatedBy = user };
                db.SameInformationLinks.Add(link);
            }
            else if (link.PublicationId != publicationId)
            {
                // A draft begun for the group earlier and never published: the group now goes with this document.
                (link.PublicationId, link.CreatedAt, link.CreatedBy) = (publicationId, now, user);
            }

            if (today is { } on && link.LinkedOn is null)
            {
                (link.LinkedOn, link.LinkedBy) = (on, user);
            }

            tied.Add(link);
        }

        var codes = string.Join("、", requests.Select(r => RequestStore.FormatCode(r.TrackingCode)));
        Audit(publicationId, tied, user, today is null
            ? $"为同一组申请起草主动公开文件《{target!.Title}》（《条例》第四十四条），发布后关联：{codes}"
            : $"依据《条例》第四十四条将同一组申请关联到已发布的《{target!.Title}》：{codes}");
        await db.SaveChangesAsync(ct);
        return new SameInformationOutcome(tied.Count, new Dictionary<string, string>());
    }

    private void Audit(long publicationId, IReadOnlyList<SameInformationLink> links, string user, string details)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserName = user.Length > 64 ? user[..64] : user,
            AgencyId = links[0].AgencyId,
            Action = links.All(l => l.LinkedOn is null) ? AuditActions.SameInformationPrepared : AuditActions.SameInformationLinked,
            Target = $"文件 {publicationId}",
            Details = details.Length > 2000 ? details[..1999] + "…" : details,
        });
    }

    private static async Task<List<SameInformationText>> TextsAsync(IQueryable<RequestRecord> requests, CancellationToken ct) =>
        (await requests.AsNoTracking().Where(r => r.ReceivedOn != null)
            .Select(r => new { r.Id, r.AgencyId, r.InformationTitle, r.DocumentNumber, r.Description, r.ReceivedOn, r.IdType, r.IdNumber, r.ApplicantName, r.Phone })
            .ToListAsync(ct))
        .Select(r => new SameInformationText(r.Id, r.AgencyId, r.InformationTitle, r.DocumentNumber, r.Description, r.ReceivedOn!.Value,
            ApplicantKey(r.IdType, r.IdNumber, r.ApplicantName, r.Phone)))
        .ToList();
}

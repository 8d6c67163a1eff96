using Gongkai.Core.Agencies;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Publications;

/// <summary>The result of a change: the issue's id, or the reasons it was refused (field → Chinese message); a refused change writes nothing.</summary>
public sealed record GazetteOutcome(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>An issue as it is printed: its agency and its documents in order.</summary>
public sealed record GazetteView(GazetteIssueRecord Issue, Agency Agency, IReadOnlyList<PublicationRecord> Documents)
{
    /// <summary>《示例区政府公报》: the gazette's name after its agency.</summary>
    public string Masthead => GazetteStore.Masthead(Agency);

    /// <summary>2024年第3期（总第27期）.</summary>
    public string IssueLabel => GazetteStore.IssueLabel(Issue);

    public string IssuedOn => GazetteIssue.ChineseDate(Issue.IssuedOn);

    public IReadOnlyList<string> DistributionPoints => GazetteIssue.Lines(Issue.DistributionPoints);
}

/// <summary>
/// The government gazette (政府公报) as stored: loads an issue, lets <see cref="GazetteIssue"/> take the step, saves.
/// Issues are shown on the portal once published.
/// </summary>
public sealed class GazetteStore(GongkaiDbContext db)
{
    /// <summary>The documents a gazette may print: published and proactively disclosed.</summary>
    public static IQueryable<PublicationRecord> Printable(IQueryable<PublicationRecord> documents) =>
        documents.Where(p => p.Status == PublicationStatus.Published && p.Attribute == DisclosureAttribute.Proactive);

    public static string Masthead(Agency agency) => GazetteIssue.Masthead(string.IsNullOrWhiteSpace(agency.ShortName) ? agency.FullName : agency.ShortName);

    public static string IssueLabel(GazetteIssueRecord issue) => GazetteIssue.IssueLabel(issue.Year, issue.Number, issue.TotalNumber);

    /// <summary>Creates (null <paramref name="id"/>) or changes an issue of <paramref name="agencyId"/>; a refused change writes nothing.</summary>
    public async Task<GazetteOutcome> SaveAsync(int? id, int agencyId, GazetteInput input, CancellationToken ct = default)
    {
        GazetteIssueRecord? record = null;
        if (id is { } existing)
        {
            record = await db.GazetteIssues.Include(g => g.Items).FirstOrDefaultAsync(g => g.Id == existing, ct);
            if (record is null)
            {
                return Refused("Id", "公报不存在。");
            }

            agencyId = record.AgencyId;
        }

        var numberTaken = await db.GazetteIssues.AnyAsync(g => g.AgencyId == agencyId && g.Year == input.Year && g.Number == input.Number && g.Id != (id ?? 0), ct);
        var ids = input.Entries.Select(e => e.PublicationId).Distinct().ToList();
        var documents = await db.Publications.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new GazetteCandidate(p.Id, p.AgencyId, p.Title, p.Status, p.Attribute)).ToDictionaryAsync(p => p.Id, ct);
        IReadOnlyDictionary<string, string> refusals;
        if (record is null)
        {
            if (GazetteIssue.Compose(agencyId, input, numberTaken, documents, out refusals) is { } composed)
            {
                record = GazetteIssueRecord.For(composed);
                db.GazetteIssues.Add(record);
            }
        }
        else
        {
            var issue = record.ToIssue();
            refusals = issue.Revise(input, numberTaken, documents);
            if (refusals.Count == 0)
            {
                record.Take(issue);
            }
        }

        if (refusals.Count > 0)
        {
            return new GazetteOutcome(null, refusals);
        }

        await db.SaveChangesAsync(ct);
        return new GazetteOutcome(record!.Id, refusals);
    }

    /// <summary>Shows the issue on the portal, or takes it off; an issue without documents is not published.</summary>
    public async Task<GazetteOutcome> SetPublishedAsync(int id, bool published, CancellationToken ct = default)
    {
        var record = await db.GazetteIssues.Include(g => g.Items).FirstOrDefaultAsync(g => g.Id == id, ct);
        if (record is null)
        {
            return Refused("Id", "公报不存在。");
        }

        var issue = record.ToIssue();
        if (published)
        {
            if (issue.Publish() is { Count: > 0 } refusals)
            {
                return new GazetteOutcome(null, refusals);
            }
        }
        else
        {
            issue.Unpublish();
        }

        record.Take(issue);
        await db.SaveChangesAsync(ct);
        return new GazetteOutcome(record.Id, new Dictionary<string, string>());
    }

    /// <summary>An issue with its documents in order; with <paramref name="publishedOnly"/>, null unless it is on the portal.</summary>
    public async Task<GazetteView?> ViewAsync(int id, bool publishedOnly, CancellationToken ct = default)
    {
        var issue = await db.GazetteIssues.AsNoTracking().Include(g => g.Items).FirstOrDefaultAsync(g => g.Id == id && (g.IsPublished || !publishedOnly), ct);
        if (issue is null)
        {
            return null;
        }

        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == issue.AgencyId, ct);
        var ids = issue.Items.Select(i => i.PublicationId).ToList();
        var query = db.Publications.AsNoTracking().Where(p => ids.Contains(p.Id));
        var documents = await (publishedOnly ? Printable(query) : query).ToListAsync(ct);
        var order = issue.Items.ToDictionary(i => i.PublicationId, i => i.Order);
        return new GazetteView(issue, agency, documents.OrderBy(d => order[d.Id]).ThenBy(d => d.Id).ToList());
    }

    private static GazetteOutcome Refused(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}

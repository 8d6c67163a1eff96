using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Publications;

/// <summary>A document chosen for an issue and where it goes (smaller first; equal or missing orders keep the given sequence).</summary>
public sealed record GazetteEntry(long PublicationId, int? Order);

/// <summary>What staff write about an issue (the form's fields).</summary>
public sealed record GazetteInput(int? Year, int? Number, int? TotalNumber, DateOnly? IssuedOn, int? PrintRun, string? DistributionPoints, IReadOnlyList<GazetteEntry> Entries);

/// <summary>The result of a change: the issue's id, or the reasons it was refused (field → Chinese message); a refused change writes nothing.</summary>
public sealed record GazetteOutcome(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>An issue as it is printed: its agency and its documents in order.</summary>
public sealed record GazetteView(GazetteIssue Issue, Agency Agency, IReadOnlyList<PublicationRecord> Documents)
{
    /// <summary>《示例区政府公报》: the gazette's name after its agency.</summary>
    public string Masthead => GazetteStore.Masthead(Agency);

    /// <summary>2024年第3期（总第27期）.</summary>
    public string IssueLabel => GazetteStore.IssueLabel(Issue);

    public string IssuedOn => GazetteStore.ChineseDate(Issue.IssuedOn);

    public IReadOnlyList<string> DistributionPoints => GazetteStore.Lines(Issue.DistributionPoints);
}

/// <summary>
/// The government gazette (政府公报): issues numbered within a year, each a printed collection of the agency's
/// published catalog documents, with its print run and distribution points, shown on the portal once published.
/// </summary>
public sealed class GazetteStore(GongkaiDbContext db)
{
    public const int MaxNumber = 99;
    public const int MaxDistributionPoints = 2000;

    /// <summary>The documents a gazette may print: published and proactively disclosed.</summary>
    public static IQueryable<PublicationRecord> Printable(IQueryable<PublicationRecord> documents) =>
        documents.Where(p => p.Status == PublicationStatus.Published && p.Attribute == DisclosureAttribute.Proactive);

    public static string Masthead(Agency agency)
    {
        var name = string.IsNullOrWhiteSpace(agency.ShortName) ? agency.FullName : agency.ShortName;
        return name.EndsWith("政府", StringComparison.Ordinal) ? $"《{name}公报》" : $"《{name}政府公报》";
    }

    public static string IssueLabel(GazetteIssue issue) =>
        string.Create(CultureInfo.InvariantCulture, $"{issue.Year}年第{issue.Number}期{(issue.TotalNumber is { } total ? $"（总第{total}期）" : "")}");

    public static string ChineseDate(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Creates (null <paramref name="id"/>) or changes an issue of <paramref name="agencyId"/>; every rule is checked before anything is written.</summary>
    public async Task<GazetteOutcome> SaveAsync(int? id, int agencyId, GazetteInput input, CancellationToken ct = default)
    {
        GazetteIssue? issue = null;
        if (id is { } existing)
        {
            issue = await db.GazetteIssues.Include(g => g.Items).FirstOrDefaultAsync(g => g.Id == existing, ct);
            if (issue is null)
            {
                return Refused("Id", "公报不存在。");
            }

            agencyId = issue.AgencyId;
        }

        var errors = new Dictionary<string, string>();
        if (input.Year is not (>= 1949 and <= 2100))
        {
            errors[nameof(input.Year)] = "请填写年份（如 2024）。";
        }

        if (input.Number is not (>= 1 and <= MaxNumber))
        {
            errors[nameof(input.Number)] = $"期号应为 1 至 {MaxNumber} 的整数。";
        }

        if (input.TotalNumber is < 1)
        {
            errors[nameof(input.TotalNumber)] = "总期号应为正整数；不编总期号的不填。";
        }

        if (input.IssuedOn is not { } issuedOn)
        {
            errors[nameof(input.IssuedOn)] = "请填写出版日期。";
        }
        else if (input.Year is { } y && issuedOn.Year != y)
        {
            errors[nameof(input.IssuedOn)] = string.Create(CultureInfo.InvariantCulture, $"出版日期应在 {y} 年内。");
        }

        if (input.PrintRun is not { } printRun)
        {
            errors[nameof(input.PrintRun)] = "请填写印数（不印刷的填 0）。";
        }
        else if (printRun < 0)
        {
            errors[nameof(input.PrintRun)] = "印数不能为负数。";
        }

        var points = string.Join("\n", Lines(input.DistributionPoints ?? ""));
        if (points.Length > MaxDistributionPoints)
        {
            errors[nameof(input.DistributionPoints)] = $"发放点不能超过 {MaxDistributionPoints} 个字。";
        }

        if (errors.Count == 0 && await db.GazetteIssues.AnyAsync(g => g.AgencyId == agencyId && g.Year == input.Year && g.Number == input.Number && g.Id != (id ?? 0), ct))
        {
            errors[nameof(input.Number)] = string.Create(CultureInfo.InvariantCulture, $"{input.Year}年第{input.Number}期已存在。");
        }

        var ids = input.Entries.Select(e => e.PublicationId).Distinct().ToList();
        var documents = await db.Publications.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.AgencyId, p.Title, p.Status, p.Attribute }).ToDictionaryAsync(p => p.Id, ct);
        foreach (var documentId in ids)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"Document{documentId}");
            if (!documents.TryGetValue(documentId, out var document) || document.AgencyId != agencyId)
            {
                errors[key] = string.Create(CultureInfo.InvariantCulture, $"编号 {documentId} 的文件不是本机关公开目录中的文件。");
            }
            else if (document.Status != PublicationStatus.Published || document.Attribute != DisclosureAttribute.Proactive)
            {
                errors[key] = $"《{document.Title}》尚未主动公开发布，不能编入公报。";
            }
        }

        if (errors.Count > 0)
        {
            return new GazetteOutcome(null, errors);
        }

        if (issue is null)
        {
            issue = new GazetteIssue { AgencyId = agencyId };
            db.GazetteIssues.Add(issue);
        }

        (issue.Year, issue.Number, issue.TotalNumber, issue.IssuedOn, issue.PrintRun, issue.DistributionPoints) =
            (input.Year!.Value, input.Number!.Value, input.TotalNumber, input.IssuedOn!.Value, input.PrintRun!.Value, points);
        var ordered = input.Entries.DistinctBy(e => e.PublicationId).Select((e, i) => (e.PublicationId, Key: e.Order ?? int.MaxValue, i))
            .OrderBy(e => e.Key).ThenBy(e => e.i).Select(e => e.PublicationId).ToList();
        issue.Items.RemoveAll(item => !ordered.Contains(item.PublicationId));
        for (var i = 0; i < ordered.Count; i++)
        {
            var item = issue.Items.FirstOrDefault(x => x.PublicationId == ordered[i]);
            if (item is null)
            {
                issue.Items.Add(new GazetteItem { PublicationId = ordered[i], Order = i + 1 });
            }
            else
            {
                item.Order = i + 1;
            }
        }

        await db.SaveChangesAsync(ct);
        return new GazetteOutcome(issue.Id, new Dictionary<string, string>());
    }

    /// <summary>Shows the issue on the portal, or takes it off; an issue without documents is not published.</summary>
    public async Task<GazetteOutcome> SetPublishedAsync(int id, bool published, CancellationToken ct = default)
    {
        var issue = await db.GazetteIssues.Include(g => g.Items).FirstOrDefaultAsync(g => g.Id == id, ct);
        if (issue is null)
        {
            return Refused("Id", "公报不存在。");
        }

        if (published && issue.Items.Count == 0)
        {
            return Refused("Items", "本期还没有编入文件，不能发布。");
        }

        issue.IsPublished = published;
        await db.SaveChangesAsync(ct);
        return new GazetteOutcome(issue.Id, new Dictionary<string, string>());
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

using System.Globalization;

namespace Gongkai.Core.Publications;

/// <summary>A document chosen for an issue and where it goes (smaller first; equal or missing orders keep the given sequence).</summary>
public sealed record GazetteEntry(long PublicationId, int? Order);

/// <summary>What staff write about an issue (the form's fields).</summary>
public sealed record GazetteInput(int? Year, int? Number, int? TotalNumber, DateOnly? IssuedOn, int? PrintRun, string? DistributionPoints, IReadOnlyList<GazetteEntry> Entries);

/// <summary>What an issue needs to know of a document it is asked to print.</summary>
public sealed record GazetteCandidate(long Id, int AgencyId, string Title, PublicationStatus Status, DisclosureAttribute Attribute)
{
    /// <summary>A gazette prints only what the catalog has published proactively.</summary>
    public bool Printable => Status == PublicationStatus.Published && Attribute == DisclosureAttribute.Proactive;
}

/// <summary>An issue as its workflow decides it: numbers, print details, its documents in print order, whether the portal shows it.</summary>
public sealed record GazetteIssueState
{
    public required int AgencyId { get; init; }
    public required int Year { get; init; }
    /// <summary>期号 within the year.</summary>
    public required int Number { get; init; }
    /// <summary>总期号, when the gazette counts them.</summary>
    public int? TotalNumber { get; init; }
    public required DateOnly IssuedOn { get; init; }
    /// <summary>印数.</summary>
    public required int PrintRun { get; init; }
    /// <summary>发放点, one per line.</summary>
    public string DistributionPoints { get; init; } = "";
    /// <summary>The documents printed, in order.</summary>
    public IReadOnlyList<long> Documents { get; init; } = [];
    /// <summary>Shown on the portal.</summary>
    public bool IsPublished { get; init; }
}

/// <summary>
/// An issue of the government gazette (政府公报, Art. 23): numbered within a year (期号, and 总期号 where the gazette
/// counts them), dated in that year, with its print run and distribution points, printing the agency's published
/// proactive catalog documents in a chosen order; shown on the portal once it has documents. Every rule is checked
/// before anything changes: a refused command returns its reasons (form field → Chinese message) and changes nothing.
/// </summary>
public sealed class GazetteIssue
{
    public const int MaxNumber = 99;
    public const int MaxDistributionPoints = 2000;

    private GazetteIssue(GazetteIssueState state) => State = state;

    public GazetteIssueState State { get; private set; }

    /// <summary>An issue as stored, to take its next step.</summary>
    public static GazetteIssue Restore(GazetteIssueState state) => new(state);

    /// <summary>A new issue of <paramref name="agencyId"/>; null with the reasons when refused.</summary>
    /// <param name="numberTaken">Whether the agency already has an issue with this year and number.</param>
    /// <param name="documents">The documents the entries name, as far as they exist.</param>
    public static GazetteIssue? Compose(int agencyId, GazetteInput input, bool numberTaken, IReadOnlyDictionary<long, GazetteCandidate> documents, out IReadOnlyDictionary<string, string> refusals)
    {
        refusals = Validate(agencyId, input, numberTaken, documents, out var state);
        return refusals.Count == 0 ? new GazetteIssue(state!) : null;
    }

    /// <summary>Changes the issue's numbers, print details and documents; a published issue stays published.</summary>
    public IReadOnlyDictionary<string, string> Revise(GazetteInput input, bool numberTaken, IReadOnlyDictionary<long, GazetteCandidate> documents)
    {
        var refusals = Validate(State.AgencyId, input, numberTaken, documents, out var state);
        if (refusals.Count == 0)
        {
            State = state! with { IsPublished = State.IsPublished };
        }

        return refusals;
    }

    /// <summary>Shows the issue on the portal; an issue without documents is not published.</summary>
    public IReadOnlyDictionary<string, string> Publish()
    {
        if (State.Documents.Count == 0)
        {
            return Refused("Items", "本期还没有编入文件，不能发布。");
        }

        State = State with { IsPublished = true };
        return NoRefusal;
    }

    /// <summary>Takes the issue off the portal.</summary>
    public void Unpublish() => State = State with { IsPublished = false };

    /// <summary>《示例区政府公报》: the gazette's name after its agency's short name (or full name).</summary>
    public static string Masthead(string agencyName) =>
        agencyName.EndsWith("政府", StringComparison.Ordinal) ? $"《{agencyName}公报》" : $"《{agencyName}政府公报》";

    /// <summary>2024年第3期（总第27期）.</summary>
    public static string IssueLabel(int year, int number, int? totalNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}年第{number}期{(totalNumber is { } total ? $"（总第{total}期）" : "")}");

    public string IssueLabel() => IssueLabel(State.Year, State.Number, State.TotalNumber);

    public static string ChineseDate(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The non-blank lines of a text, trimmed (distribution points are one per line).</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static readonly IReadOnlyDictionary<string, string> NoRefusal = new Dictionary<string, string>();

    private static Dictionary<string, string> Refused(string field, string message) => new() { [field] = message };

    private static Dictionary<string, string> Validate(int agencyId, GazetteInput input, bool numberTaken, IReadOnlyDictionary<long, GazetteCandidate> documents, out GazetteIssueState? state)
    {
        state = null;
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

        if (errors.Count == 0 && numberTaken)
        {
            errors[nameof(input.Number)] = string.Create(CultureInfo.InvariantCulture, $"{input.Year}年第{input.Number}期已存在。");
        }

        foreach (var documentId in input.Entries.Select(e => e.PublicationId).Distinct())
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"Document{documentId}");
            if (!documents.TryGetValue(documentId, out var document) || document.AgencyId != agencyId)
            {
                errors[key] = string.Create(CultureInfo.InvariantCulture, $"编号 {documentId} 的文件不是本机关公开目录中的文件。");
            }
            else if (!document.Printable)
            {
                errors[key] = $"《{document.Title}》尚未主动公开发布，不能编入公报。";
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var ordered = input.Entries.DistinctBy(e => e.PublicationId).Select((e, i) => (e.PublicationId, Key: e.Order ?? int.MaxValue, i))
            .OrderBy(e => e.Key).ThenBy(e => e.i).Select(e => e.PublicationId).ToList();
        state = new GazetteIssueState
        {
            AgencyId = agencyId,
            Year = input.Year!.Value,
            Number = input.Number!.Value,
            TotalNumber = input.TotalNumber,
            IssuedOn = input.IssuedOn!.Value,
            PrintRun = input.PrintRun!.Value,
            DistributionPoints = points,
            Documents = ordered,
        };
        return errors;
    }
}

using Gongkai.Core.Publications;

namespace Gongkai.Infrastructure.Publications;

/// <summary>
/// An issue of the government gazette (政府公报) as stored. Its fields are set only from a <see cref="GazetteIssue"/>
/// that took a step (<see cref="Take"/>): the rules live in Core.
/// </summary>
public sealed class GazetteIssueRecord
{
    private GazetteIssueRecord()
    {
    }

    public int Id { get; private set; }
    public int AgencyId { get; private set; }
    public int Year { get; private set; }
    /// <summary>期号 within the year.</summary>
    public int Number { get; private set; }
    /// <summary>总期号, when the gazette counts them.</summary>
    public int? TotalNumber { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    /// <summary>印数.</summary>
    public int PrintRun { get; private set; }
    /// <summary>发放点, one per line.</summary>
    public string DistributionPoints { get; private set; } = "";
    /// <summary>Shown on the portal.</summary>
    public bool IsPublished { get; private set; }
    public List<GazetteItem> Items { get; private set; } = [];

    /// <summary>A new record for an issue composed in Core.</summary>
    public static GazetteIssueRecord For(GazetteIssue issue)
    {
        var record = new GazetteIssueRecord();
        record.Take(issue);
        return record;
    }

    public GazetteIssue ToIssue() => GazetteIssue.Restore(new GazetteIssueState
    {
        AgencyId = AgencyId,
        Year = Year,
        Number = Number,
        TotalNumber = TotalNumber,
        IssuedOn = IssuedOn,
        PrintRun = PrintRun,
        DistributionPoints = DistributionPoints,
        Documents = Items.OrderBy(i => i.Order).Select(i => i.PublicationId).ToList(),
        IsPublished = IsPublished,
    });

    /// <summary>Stores the issue's state after a step: its fields, and its items (kept, renumbered, added or removed).</summary>
    public void Take(GazetteIssue issue)
    {
        var s = issue.State;
        (AgencyId, Year, Number, TotalNumber, IssuedOn, PrintRun, DistributionPoints, IsPublished) =
            (s.AgencyId, s.Year, s.Number, s.TotalNumber, s.IssuedOn, s.PrintRun, s.DistributionPoints, s.IsPublished);
        Items.RemoveAll(item => !s.Documents.Contains(item.PublicationId));
        for (var i = 0; i < s.Documents.Count; i++)
        {
            var item = Items.FirstOrDefault(x => x.PublicationId == s.Documents[i]);
            if (item is null)
            {
                Items.Add(new GazetteItem { PublicationId = s.Documents[i], Order = i + 1 });
            }
            else
            {
                item.Order = i + 1;
            }
        }
    }
}

/// <summary>A document printed in a gazette issue, in order.</summary>
public sealed class GazetteItem
{
    public int IssueId { get; set; }
    public long PublicationId { get; set; }
    public int Order { get; set; }
}

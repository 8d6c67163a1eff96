using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests;

namespace Gongkai.Infrastructure.Supervision;

/// <summary>
/// One agency's disclosure work in a <see cref="SupervisionPeriod"/>, as the supervision dashboard shows it. Every
/// figure is a count of records the dashboard links to (docs/supervision.md says which); for a whole year the request,
/// outcome, appeal and letter figures are the agency's annual report's as the records give it.
/// </summary>
public sealed record SupervisionFigures
{
    public required int AgencyId { get; init; }
    public required string Agency { get; init; }
    public int? ParentId { get; init; }
    /// <summary>The agency's depth below the top of the viewer's tree (0: the top).</summary>
    public int Depth { get; init; }

    /// <summary>Requests received in the period (the report's 本年新收).</summary>
    public int Received { get; init; }
    /// <summary>Requests answered in the period, whatever they were received.</summary>
    public int Decided { get; init; }
    /// <summary>Of <see cref="Decided"/>: answered by their due date.</summary>
    public int DecidedOnTime { get; init; }
    /// <summary>Of <see cref="Decided"/>: answered after their due date (逾期答复).</summary>
    public int DecidedLate { get; init; }
    /// <summary>Open today and past their due date (the clock not validly paused): 目前超期未答复.</summary>
    public int OverdueNow { get; init; }
    /// <summary>Working days from the day after receipt to the answer, summed over <see cref="Timed"/> requests.</summary>
    public long WorkingDays { get; init; }
    /// <summary>The decided requests whose days could be counted (both dates within the holiday schedule).</summary>
    public int Timed { get; init; }
    /// <summary>Decided requests by the report's six outcome categories.</summary>
    public IReadOnlyDictionary<OutcomeCategory, int> Outcomes { get; init; } = new Dictionary<OutcomeCategory, int>();

    public int Reconsiderations { get; init; }
    public int ReconsiderationsCorrected { get; init; }
    public int Lawsuits { get; init; }
    public int LawsuitsCorrected { get; init; }

    public int LettersReceived { get; init; }
    public int LettersAnswered { get; init; }
    public int LettersOnTime { get; init; }

    /// <summary>Art. 26: proactive documents published late in the period, or unpublished and past their deadline today.</summary>
    public int Article26Late { get; init; }

    public SupervisedReport? Report { get; init; }

    /// <summary>The mean working days to answer, or null with nothing timed.</summary>
    public double? AverageWorkingDays => Timed == 0 ? null : WorkingDays / (double)Timed;

    public int Outcome(OutcomeCategory category) => Outcomes.GetValueOrDefault(category);

    public int Appeals => Reconsiderations + Lawsuits;

    public int AppealsCorrected => ReconsiderationsCorrected + LawsuitsCorrected;

    /// <summary>Something a supervisor should look at: late or overdue answers, late publications, appeals lost, a late or faulty report.</summary>
    public bool NeedsAttention => DecidedLate > 0 || OverdueNow > 0 || Article26Late > 0 || AppealsCorrected > 0
        || (Report is { } r && (r.Timeliness is ReportTimeliness.Late or ReportTimeliness.Missing || r.Errors > 0));

    /// <summary>The figures of several agencies added up (the tree's total line).</summary>
    public static SupervisionFigures Sum(IReadOnlyCollection<SupervisionFigures> rows, int agencyId, string agency) => new()
    {
        AgencyId = agencyId,
        Agency = agency,
        Received = rows.Sum(r => r.Received),
        Decided = rows.Sum(r => r.Decided),
        DecidedOnTime = rows.Sum(r => r.DecidedOnTime),
        DecidedLate = rows.Sum(r => r.DecidedLate),
        OverdueNow = rows.Sum(r => r.OverdueNow),
        WorkingDays = rows.Sum(r => r.WorkingDays),
        Timed = rows.Sum(r => r.Timed),
        Outcomes = Enum.GetValues<OutcomeCategory>().ToDictionary(c => c, c => rows.Sum(r => r.Outcome(c))),
        Reconsiderations = rows.Sum(r => r.Reconsiderations),
        ReconsiderationsCorrected = rows.Sum(r => r.ReconsiderationsCorrected),
        Lawsuits = rows.Sum(r => r.Lawsuits),
        LawsuitsCorrected = rows.Sum(r => r.LawsuitsCorrected),
        LettersReceived = rows.Sum(r => r.LettersReceived),
        LettersAnswered = rows.Sum(r => r.LettersAnswered),
        LettersOnTime = rows.Sum(r => r.LettersOnTime),
        Article26Late = rows.Sum(r => r.Article26Late),
    };
}

/// <summary>Whether an annual report went public by its Art. 49 deadline.</summary>
public enum ReportTimeliness
{
    /// <summary>Published on or before the deadline.</summary>
    OnTime,
    /// <summary>Published after the deadline.</summary>
    Late,
    /// <summary>Not published, and the deadline has passed.</summary>
    Missing,
    /// <summary>Not published yet; the deadline is still ahead.</summary>
    NotYetDue,
    /// <summary>Not published on the platform, but a published copy was uploaded to the checker (its date is not known).</summary>
    PublishedElsewhere,
}

/// <summary>An agency's annual report for one year as supervision sees it: its stage, Art. 49 and the checker's findings.</summary>
/// <param name="Errors">Findings of severity error: of the approved or typed-in tables on the platform, else of the latest upload of
/// the published report to the checker (<see cref="CheckedUploadId"/>); null when not checked.</param>
public sealed record SupervisedReport(int Year, ReportStage? Stage, DateOnly? PublishedOn, DateOnly Deadline, ReportTimeliness Timeliness, int? Errors, int? Warnings)
{
    /// <summary>
    /// When the findings are those of the agency's published report as uploaded to the checker
    /// (/admin/supervision/reports/{id}) — an agency whose report is not made on the platform.
    /// </summary>
    public long? CheckedUploadId { get; init; }

    public static ReportTimeliness TimelinessOf(DateOnly? publishedOn, DateOnly deadline, DateOnly today) =>
        publishedOn is { } on ? (on <= deadline ? ReportTimeliness.OnTime : ReportTimeliness.Late)
        : today > deadline ? ReportTimeliness.Missing : ReportTimeliness.NotYetDue;

    public string TimelinessLabel => Timeliness switch
    {
        ReportTimeliness.OnTime => "按期公布",
        ReportTimeliness.Late => "逾期公布",
        ReportTimeliness.Missing => "逾期未公布",
        ReportTimeliness.PublishedElsewhere => "已在别处公布",
        _ => "未到期限",
    };
}

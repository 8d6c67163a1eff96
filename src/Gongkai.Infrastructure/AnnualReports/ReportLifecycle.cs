using System.Text.Json;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>Where one report (agency, year, own or subtree) is in its lifecycle, with who moved it and when.</summary>
public sealed class AnnualReportRecord
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public bool Subtree { get; set; }
    public ReportStage Stage { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>The date the report first went public (what Art. 49's deadline is measured against).</summary>
    public DateOnly? PublishedOn { get; set; }
    /// <summary>The date a corrected version replaced the published one, if it has.</summary>
    public DateOnly? CorrectedOn { get; set; }
    /// <summary>The report as approved (<see cref="ReportJson"/>): its figures no longer follow the records.</summary>
    public string? Snapshot { get; set; }
    /// <summary>What the portal shows: the snapshot as last published (a reopened report keeps it until republished).</summary>
    public string? PublishedSnapshot { get; set; }
    /// <summary>Tables typed in by staff for a historic year without records (<see cref="EnteredTables"/>), or null.</summary>
    public string? EnteredTables { get; set; }
    public int Version { get; set; }
}

/// <summary>A change to an approved report: reopened for correction, by whom and why. Never edited or deleted.</summary>
public sealed class ReportCorrectionRecord
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Reason { get; set; }
    /// <summary>The stage the report was in when it was reopened.</summary>
    public ReportStage From { get; set; }
}

/// <summary>The request and appeals tables as staff typed them for a historic year (stored as JSON).</summary>
public sealed record EnteredTables(Dictionary<string, int[]> Requests, Dictionary<string, int[]> Appeals)
{
    public static EnteredTables? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<EnteredTables>(json);

    public string ToJson() => JsonSerializer.Serialize(this);

    public RequestTable RequestTable(ReportFormat format)
    {
        var table = new RequestTable(format);
        foreach (var row in table.Rows.Where(r => r.Kind != RowKind.Heading))
        {
            var values = Requests.GetValueOrDefault(row.Code) ?? [];
            foreach (var column in ApplicantColumns.All.Take(values.Length))
            {
                table[row.Id, column] = values[(int)column];
            }
        }

        return table;
    }

    public AppealsTable AppealsTable()
    {
        var table = new AppealsTable();
        foreach (var kind in Enum.GetValues<AppealKind>())
        {
            var values = Appeals.GetValueOrDefault(kind.ToString()) ?? [];
            foreach (var column in AppealColumns.All.Take(values.Length))
            {
                table[kind, column] = values[(int)column];
            }
        }

        return table;
    }
}

/// <summary>A lifecycle step refused, in Chinese; nothing was changed.</summary>
public sealed class ReportLifecycleException(string message) : Exception(message);

/// <summary>
/// 草稿 → 已审核 → 已定稿 → 已发布. Approval keeps the report as a snapshot and locks its year: the written sections,
/// Art. 20 figures and typed tables can no longer change, and neither can any request or appeal record in a way that
/// would change a locked figure. An approver may reopen a locked report for correction, saying why; that is
/// recorded, and the published version stays on the portal until the corrected one is published.
/// </summary>
public sealed class ReportLifecycle(GongkaiDbContext db, ReportBuilder builder, TimeProvider clock)
{
    public Task<AnnualReportRecord?> FindAsync(int agencyId, int year, bool subtree, CancellationToken ct = default) =>
        db.AnnualReports.FirstOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year && r.Subtree == subtree, ct);

    public Task<List<ReportCorrectionRecord>> CorrectionsAsync(int reportId, CancellationToken ct = default) =>
        db.ReportCorrections.AsNoTracking().Where(c => c.ReportId == reportId).OrderBy(c => c.Id).ToListAsync(ct);

    /// <summary>The last day Art. 49 allows for publishing the report of <paramref name="year"/>.</summary>
    public static DateOnly Deadline(Agency agency, bool subtree, int year) =>
        agency.Level == AgencyLevel.Department && !subtree ? new DateOnly(year + 1, 1, 31) : new DateOnly(year + 1, 3, 31);

    public static string DeadlineRule(Agency agency, bool subtree) =>
        agency.Level == AgencyLevel.Department && !subtree ? "条例第四十九条：政府部门应当在每年1月31日前公布上一年度年度报告" : "条例第四十九条：本级政府上一年度年度报告应当在每年3月31日前向社会公布";

    /// <summary>Staff checked the draft: figures, written sections, Art. 20 data.</summary>
    public async Task ReviewAsync(int agencyId, int year, bool subtree, string by, CancellationToken ct = default)
    {
        var record = await EnsureRecordAsync(agencyId, year, subtree, ct);
        if (record.Stage != ReportStage.Draft)
        {
            throw new ReportLifecycleException($"报告当前为“{record.Stage.Label()}”，只有草稿可以提交审核。");
        }

        (record.Stage, record.ReviewedBy, record.ReviewedAt) = (ReportStage.Reviewed, by, clock.GetUtcNow());
        record.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>定稿: the report as built now becomes its snapshot; the year is locked.</summary>
    /// <param name="format">Another format than the year's (allowed, with the warning the report carries).</param>
    public async Task ApproveAsync(int agencyId, int year, bool subtree, string by, ReportFormat? format = null, CancellationToken ct = default)
    {
        var record = await EnsureRecordAsync(agencyId, year, subtree, ct);
        if (record.Stage != ReportStage.Reviewed)
        {
            throw new ReportLifecycleException(record.Stage == ReportStage.Draft
                ? "报告尚未审核，不能定稿：请先由撰写人核对后提交审核。"
                : $"报告已是“{record.Stage.Label()}”。");
        }

        if (string.Equals(record.ReviewedBy, by, StringComparison.Ordinal))
        {
            throw new ReportLifecycleException("定稿须由审核人以外的另一位工作人员（机构负责人）确认：同一人不能既审核又定稿。");
        }

        var report = await builder.BuildAsync(agencyId, year, subtree, format, live: true, withHistory: true, ct: ct);
        if (report.Findings.FirstOrDefault(f => f.Severity == Severity.Error) is { } broken)
        {
            throw new ReportLifecycleException($"表格勾稽关系不成立，不能定稿：[{broken.RuleId}] {broken.Location}：{broken.Message}");
        }

        (record.Stage, record.ApprovedBy, record.ApprovedAt) = (ReportStage.Approved, by, clock.GetUtcNow());
        record.Snapshot = ReportJson.Write(Staged(report, ReportStage.Approved, record.PublishedOn));
        record.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Publishes the approved snapshot on the portal, dated today (the first publication date is kept).</summary>
    public async Task<string?> PublishAsync(int agencyId, int year, bool subtree, string by, DateOnly today, CancellationToken ct = default)
    {
        var record = await FindAsync(agencyId, year, subtree, ct);
        if (record?.Stage != ReportStage.Approved || record.Snapshot is null)
        {
            throw new ReportLifecycleException(record?.Stage == ReportStage.Published
                ? "报告已经发布。"
                : "报告尚未定稿，不能发布：发布的只能是定稿的报告。");
        }

        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == agencyId, ct);
        var corrected = record.PublishedOn is not null;
        record.PublishedOn ??= today;
        record.CorrectedOn = corrected ? today : null;
        var approved = ReportJson.Read(record.Snapshot, agency);
        record.Snapshot = ReportJson.Write(Staged(approved, ReportStage.Published, record.PublishedOn));
        record.PublishedSnapshot = record.Snapshot;
        (record.Stage, record.PublishedBy, record.PublishedAt) = (ReportStage.Published, by, clock.GetUtcNow());
        record.Version++;
        await db.SaveChangesAsync(ct);
        var deadline = Deadline(agency, subtree, year);
        return record.PublishedOn > deadline
            ? $"发布日期 {record.PublishedOn:yyyy-MM-dd} 晚于法定时限 {deadline:yyyy-MM-dd}（{DeadlineRule(agency, subtree)}）。"
            : null;
    }

    /// <summary>Reopens an approved or published report for correction: recorded with who and why; back to draft.</summary>
    public async Task ReopenAsync(int agencyId, int year, bool subtree, string by, string? reason, CancellationToken ct = default)
    {
        var record = await FindAsync(agencyId, year, subtree, ct);
        if (record is null || !record.Stage.IsLocked())
        {
            throw new ReportLifecycleException("只有已定稿或已发布的报告需要撤回更正；草稿可以直接修改。");
        }

        var why = reason?.Trim() ?? "";
        if (why.Length is < 4 or > 500)
        {
            throw new ReportLifecycleException("请说明更正的原因（4 至 500 个字），它将与更正记录一并保存。");
        }

        db.ReportCorrections.Add(new ReportCorrectionRecord { ReportId = record.Id, By = by, At = clock.GetUtcNow(), Reason = why, From = record.Stage });
        (record.Stage, record.ReviewedBy, record.ReviewedAt, record.ApprovedBy, record.ApprovedAt) = (ReportStage.Draft, null, null, null, null);
        record.Snapshot = null;
        record.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Refuses a change to a report's own content (written sections, typed tables) once approved; a reviewed report
    /// goes back to draft, since what was reviewed has changed.
    /// </summary>
    public async Task ContentChangingAsync(int agencyId, int year, bool subtree, CancellationToken ct = default)
    {
        var record = await FindAsync(agencyId, year, subtree, ct);
        if (record?.Stage.IsLocked() == true)
        {
            throw new ReportLifecycleException($"{year} 年度报告已{record.Stage.Label()}，内容不能再修改；如确需更正，请由审核人撤回定稿并说明原因。");
        }

        if (record?.Stage == ReportStage.Reviewed)
        {
            (record.Stage, record.ReviewedBy, record.ReviewedAt) = (ReportStage.Draft, null, null);
            record.Version++;
        }
    }

    /// <summary>
    /// Stores (or, with null, removes) tables typed in for a historic year without records. Refused when the year
    /// has records (the tables then come from them) or the report is approved.
    /// </summary>
    public async Task EnterTablesAsync(int agencyId, int year, bool subtree, EnteredTables? tables, CancellationToken ct = default)
    {
        var live = await builder.BuildAsync(agencyId, year, subtree, live: true, ct: ct);
        if (tables is not null && !live.HandEntered && (live.Requests[RequestsRow.NewlyReceived, ApplicantColumn.Total] + live.Requests[RequestsRow.CarriedIn, ApplicantColumn.Total] > 0
            || Enum.GetValues<AppealKind>().Any(k => live.Appeals[k, AppealColumn.Total] > 0)))
        {
            throw new ReportLifecycleException($"{year} 年已有办件或复议诉讼记录，表格由记录统计生成，不能手工录入。");
        }

        await ContentChangingAsync(agencyId, year, subtree, ct);
        var record = await EnsureRecordAsync(agencyId, year, subtree, ct);
        record.EnteredTables = tables?.ToJson();
        record.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The reports published on the portal, newest year first.</summary>
    public async Task<List<(AnnualReportRecord Record, Agency Agency)>> PublishedAsync(CancellationToken ct = default)
    {
        var records = await db.AnnualReports.AsNoTracking().Where(r => r.PublishedSnapshot != null).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        return records.OrderByDescending(r => r.Year).ThenBy(r => r.AgencyId).ThenBy(r => r.Subtree)
            .Select(r => (r, agencies[r.AgencyId])).ToList();
    }

    private static AnnualReportModel Staged(AnnualReportModel report, ReportStage stage, DateOnly? publishedOn) =>
        report with { Findings = [], Stage = stage, PublishedOn = publishedOn };

    private async Task<AnnualReportRecord> EnsureRecordAsync(int agencyId, int year, bool subtree, CancellationToken ct)
    {
        var record = await FindAsync(agencyId, year, subtree, ct);
        if (record is not null)
        {
            return record;
        }

        // Building it checks the agency and the year exist and can have a report.
        await builder.BuildAsync(agencyId, year, subtree, live: true, ct: ct);
        record = new AnnualReportRecord { AgencyId = agencyId, Year = year, Subtree = subtree, Stage = ReportStage.Draft };
        db.AnnualReports.Add(record);
        return record;
    }
}

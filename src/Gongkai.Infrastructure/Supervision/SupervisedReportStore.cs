using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Checker;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Checker;
using Gongkai.Infrastructure.Files;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Supervision;

/// <summary>
/// One file to check: its name and content, or why it was refused before it could be read (too large: then its
/// <paramref name="Size"/> as declared, and the row is keyed by its name, since its content was never read).
/// </summary>
public sealed record ReportFile(string Name, byte[] Content, string? Refused = null, long? Size = null)
{
    public string Sha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        Refused is null ? Content : System.Text.Encoding.UTF8.GetBytes("unread\n" + Name + "\n" + Size?.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}

/// <summary>A finding as stored and shown.</summary>
public sealed record StoredFinding(string Rule, Severity Severity, string Location, string Message);

/// <summary>What a check of several files did: the rows written (new or replaced), in the files' order.</summary>
public sealed record SupervisedCheckOutcome(IReadOnlyList<SupervisedReportRecord> Reports, int Replaced);

/// <summary>The summary: one row per report, its error and warning findings counted per rule; the rules' totals.</summary>
public sealed record SupervisedSummary(IReadOnlyList<string> Rules, IReadOnlyList<SupervisedSummaryRow> Rows, IReadOnlyDictionary<string, int> Totals);

public sealed record SupervisedSummaryRow(SupervisedReportRecord Report, IReadOnlyDictionary<string, int> ByRule);

/// <summary>
/// Published annual reports of the agencies a supervising office answers for — usually agencies not on the platform —
/// checked by the report checker and kept with their findings (docs/supervision.md). Every file is read through the
/// untrusted-file gate with its limits; a file the limits refuse is kept as a row with its reason. Each change is saved
/// with its audit entry (counts and ids, never content) in one transaction.
/// </summary>
public sealed partial class SupervisedReportStore(GongkaiDbContext db, UntrustedFileGate gate, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Checks every file and saves it as a report checked by <paramref name="supervisorAgencyId"/> (null: a platform
    /// administrator). A file already checked by the same office (same SHA-256) has its row replaced.
    /// <paramref name="defaultYear"/> is the year of a file that does not state one.
    /// </summary>
    public async Task<SupervisedCheckOutcome> CheckAndSaveAsync(IReadOnlyList<ReportFile> files, int? supervisorAgencyId, string by, int? defaultYear = null, CancellationToken ct = default)
    {
        // Every file is read first, outside the transaction: a write lock is not held while the checker runs.
        var results = new List<(ReportFile File, string Sha, CheckResult Result)>();
        foreach (var file in files)
        {
            var result = file.Refused is { } refused ? new CheckResult(file.Name, null, [], refused) : await CheckAsync(file, ct);
            results.Add((file, file.Sha256, result));
        }

        var agencies = await ScopeAgenciesAsync(supervisorAgencyId, ct);
        var now = clock.GetUtcNow();
        var saved = new Dictionary<string, SupervisedReportRecord>(StringComparer.Ordinal);
        var replaced = 0;
        var order = new List<SupervisedReportRecord>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (file, sha, result) in results)
        {
            if (!saved.TryGetValue(sha, out var row))
            {
                row = await db.SupervisedReports.FirstOrDefaultAsync(r => r.SupervisorAgencyId == supervisorAgencyId && r.Sha256 == sha, ct);
                if (row is null)
                {
                    row = new SupervisedReportRecord { AgencyName = "", FileName = "", Sha256 = sha, CheckedBy = "", FindingsJson = "[]", SupervisorAgencyId = supervisorAgencyId };
                    db.SupervisedReports.Add(row);
                }
                else
                {
                    replaced++;
                }

                saved[sha] = row;
            }

            Fill(row, file, result, agencies, defaultYear);
            (row.CheckedAt, row.CheckedBy) = (now, Bounded(by, 256));
            if (!order.Contains(row))
            {
                order.Add(row);
            }
        }

        var unread = order.Count(r => r.ReadError is not null);
        Audit(supervisorAgencyId, by, AuditActions.SupervisedReportsChecked, $"{order.Count} 份",
            $"检查 {files.Count} 个文件，保存 {order.Count} 份报告（其中替换此前检查的 {replaced} 份）：{order.Count(r => r.Errors > 0)} 份有错误，{unread} 份无法读取");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SupervisedCheckOutcome(order, replaced);
    }

    private async Task<CheckResult> CheckAsync(ReportFile file, CancellationToken ct)
    {
        try
        {
            return await gate.RunAsync(budget => ReportCheck.Check(file.Name, file.Content, null, budget), ct);
        }
        catch (UntrustedFileException e)
        {
            // Too slow, or every slot busy: kept as a row with the reason, so that nothing sent is silently dropped.
            return new CheckResult(file.Name, null, [], e.Message) { ReadStatus = e.StatusCode };
        }
    }

    private static void Fill(SupervisedReportRecord row, ReportFile file, CheckResult result, IReadOnlyList<Agency> agencies, int? defaultYear)
    {
        var report = result.Report;
        row.FileName = Bounded(file.Name, 260);
        row.Size = file.Size ?? file.Content.LongLength;
        row.Title = report?.Title is { } title ? UntrustedFiles.Excerpt(title, ReportCheck.MaxEcho) : null;
        row.AgencyName = Bounded(AgencyOf(report?.Title) ?? "", 200);
        row.MatchedAgencyId = Match(row.AgencyName, agencies);
        row.Year = report?.Year ?? defaultYear;
        row.ReadError = result.ReadError is { } error ? UntrustedFiles.Excerpt(error, 1000) : null;
        row.Errors = result.Count(Severity.Error);
        row.Warnings = result.Count(Severity.Warning);
        row.Infos = result.Count(Severity.Info);
        row.FindingsJson = JsonSerializer.Serialize(
            result.Findings.Take(ReportCheck.MaxFindingsShown).Select(ReportCheck.Shown).Select(f => new StoredFinding(f.RuleId, f.Severity, f.Location, f.Message)).ToList(), Json);
    }

    /// <summary>
    /// The agency a report's title names: what stands before the year (“××区人民政府办公室2020年政府信息公开…”), or
    /// between the year and 政府信息公开 (“2024年××市政府信息公开…”). Null when the title names none.
    /// </summary>
    public static string? AgencyOf(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var compact = ReportText.Compact(title).Trim('#', '*', '《', '》', '“', '”', '"', ' ');
        var year = YearInTitle().Match(compact);
        if (!year.Success)
        {
            return null;
        }

        var before = compact[..year.Index].Trim('#', '*', '《', '“', '"', '(', ')', '（', '）');
        if (before.Length >= 2)
        {
            return before;
        }

        var after = compact[(year.Index + year.Length)..];
        var end = after.IndexOf("政府信息公开", StringComparison.Ordinal);
        return end >= 2 ? after[..end] : null;
    }

    private static int? Match(string name, IReadOnlyList<Agency> agencies) =>
        name.Length == 0 ? null : agencies.FirstOrDefault(a => string.Equals(a.FullName, name, StringComparison.Ordinal))?.Id;

    /// <summary>The platform agencies a report of this office may be matched to: its subtree (all for a platform administrator).</summary>
    private async Task<List<Agency>> ScopeAgenciesAsync(int? supervisorAgencyId, CancellationToken ct)
    {
        var all = await db.Agencies.AsNoTracking().ToListAsync(ct);
        if (supervisorAgencyId is not { } office)
        {
            return all;
        }

        var tree = new AgencyTree(all.Select(a => (a.Id, a.ParentId)));
        var subtree = tree.Contains(office) ? tree.Subtree(office) : new HashSet<int>();
        return all.Where(a => subtree.Contains(a.Id)).ToList();
    }

    /// <summary>The reports of the offices in <paramref name="scope"/> (null: all), optionally of one year, newest first.</summary>
    public async Task<List<SupervisedReportRecord>> ListAsync(IReadOnlySet<int>? scope, int? year = null, CancellationToken ct = default)
    {
        var ids = scope?.ToList();
        var rows = await db.SupervisedReports.AsNoTracking()
            .Where(r => ids == null || (r.SupervisorAgencyId != null && ids.Contains(r.SupervisorAgencyId.Value)))
            .Where(r => year == null || r.Year == year)
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.CheckedAt).ThenBy(r => r.AgencyName, StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
    }

    /// <summary>How many reports of a year the offices of <paramref name="scope"/> checked, and how many have errors or could not be read.</summary>
    public async Task<(int Checked, int WithErrors, int Unread)> CountAsync(IReadOnlySet<int>? scope, int year, CancellationToken ct = default)
    {
        var rows = await ListAsync(scope, year, ct);
        return (rows.Count, rows.Count(r => r.Errors > 0), rows.Count(r => r.ReadError is not null));
    }

    /// <summary>One report, if its office is in <paramref name="scope"/>; null otherwise (as if it did not exist).</summary>
    public async Task<SupervisedReportRecord?> FindAsync(long id, IReadOnlySet<int>? scope, CancellationToken ct = default)
    {
        var row = await db.SupervisedReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        return row is not null && InScope(row, scope) ? row : null;
    }

    public static bool InScope(SupervisedReportRecord row, IReadOnlySet<int>? scope) =>
        scope is null || (row.SupervisorAgencyId is { } office && scope.Contains(office));

    public static IReadOnlyList<StoredFinding> Findings(SupervisedReportRecord row) =>
        JsonSerializer.Deserialize<List<StoredFinding>>(row.FindingsJson, Json) ?? [];

    /// <summary>Corrects the agency a report is of (the title may not name it, or name it short); the match is found again.</summary>
    public async Task<bool> RenameAsync(long id, string agencyName, IReadOnlySet<int>? scope, string by, CancellationToken ct = default)
    {
        var row = await FindAsync(id, scope, ct);
        if (row is null)
        {
            return false;
        }

        row.AgencyName = Bounded(agencyName.Trim(), 200);
        row.MatchedAgencyId = Match(row.AgencyName, await ScopeAgenciesAsync(row.SupervisorAgencyId, ct));
        Audit(row.SupervisorAgencyId, by, AuditActions.SupervisedReportChanged, $"报告 {row.Id}", "修改机关名称");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> DeleteAsync(long id, IReadOnlySet<int>? scope, string by, CancellationToken ct = default)
    {
        var row = await FindAsync(id, scope, ct);
        if (row is null)
        {
            return false;
        }

        db.SupervisedReports.Remove(row);
        Audit(row.SupervisorAgencyId, by, AuditActions.SupervisedReportDeleted, $"报告 {row.Id}", $"{row.Year} 年度，错误 {row.Errors}，警告 {row.Warnings}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Per report (agency), the error and warning findings counted by rule; the columns are the rules that occur.</summary>
    public static SupervisedSummary Summary(IReadOnlyList<SupervisedReportRecord> reports)
    {
        var rows = reports
            .OrderBy(r => r.AgencyName, StringComparer.Ordinal).ThenBy(r => r.Year).ThenBy(r => r.Id)
            .Select(r => new SupervisedSummaryRow(r, Findings(r).Where(f => f.Severity is Severity.Error or Severity.Warning)
                .GroupBy(f => f.Rule).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)))
            .ToList();
        var totals = rows.SelectMany(r => r.ByRule).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);
        var rules = totals.Keys.OrderBy(RuleOrder).ThenBy(k => k, StringComparer.Ordinal).ToList();
        return new SupervisedSummary(rules, rows, totals);
    }

    /// <summary>Rules in the order of docs/report-check.md's groups: T, C, S, N, X.</summary>
    private static int RuleOrder(string rule) => rule.Length == 0 ? 9 : "TCSNX".IndexOf(rule[0], StringComparison.Ordinal) is var i and >= 0 ? i : 9;

    private void Audit(int? agencyId, string by, string action, string target, string details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserName = Bounded(by, 64),
            AgencyId = agencyId,
            Action = action,
            Target = target,
            Details = Bounded(details, 2000),
        });

    private static string Bounded(string value, int max) => value.Length > max ? value[..(max - 1)] + "…" : value;

    [GeneratedRegex(@"(?:19|20)\d{2}年(?:度)?")]
    private static partial Regex YearInTitle();
}

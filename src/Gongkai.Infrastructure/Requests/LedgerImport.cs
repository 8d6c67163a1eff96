using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Requests;

/// <summary>
/// Imports a historic ledger (台账) in the documented layout (docs/ledger-import.md): every row is checked first, and
/// while any row is bad nothing at all is imported — the answer lists each bad row with its number and reasons.
/// </summary>
public sealed class LedgerImport(GongkaiDbContext db, RequestStore store, AnnualReports.ReportLocks locks)
{
    public const int MaxRows = 20000;

    public sealed record RowError(int Row, IReadOnlyList<string> Reasons);

    public sealed record Result(int Imported, IReadOnlyList<RowError> Errors);

    public async Task<Result> ImportAsync(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlySet<int>? scope, Actor by, DateOnly today, CancellationToken ct = default)
    {
        if (rows.Count == 0 || !HistoricCase.Columns.Take(8).SequenceEqual(rows[0].Take(8).Select(c => c.Trim())))
        {
            return new Result(0, [new RowError(1, [$"第一行应为表头：{string.Join("，", HistoricCase.Columns)}"])]);
        }

        var data = rows.Select((cells, index) => (Cells: cells, Row: index + 1)).Skip(1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (data.Count == 0)
        {
            return new Result(0, [new RowError(2, ["表中没有数据行"])]);
        }

        if (data.Count > MaxRows)
        {
            return new Result(0, [new RowError(MaxRows + 2, [$"一次最多导入 {MaxRows} 行，请分批导入"])]);
        }

        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.CreditCode, a => a.Id, ct);
        var errors = new List<RowError>();
        var cases = new List<(int AgencyId, HistoricCase Case)>();
        foreach (var (cells, row) in data)
        {
            var (parsed, reasons) = HistoricCase.Parse(cells.ToList(), today);
            var problems = reasons.ToList();
            var agencyId = 0;
            if (parsed is not null)
            {
                if (!agencies.TryGetValue(parsed.AgencyCreditCode, out agencyId))
                {
                    problems.Add($"没有统一社会信用代码为 {parsed.AgencyCreditCode} 的机关");
                }
                else if (scope is not null && !scope.Contains(agencyId))
                {
                    problems.Add("该机关不在您的管理范围内");
                }
                else
                {
                    try
                    {
                        await locks.EnsureRequestChangeAllowedAsync(agencyId, null, new LedgerFact(0, parsed.ApplicantType, parsed.ReceivedOn, parsed.DecidedOn, parsed.Outcome), ct);
                    }
                    catch (RequestRuleException e)
                    {
                        problems.Add(e.Message);
                    }
                }
            }

            if (problems.Count > 0)
            {
                errors.Add(new RowError(row, problems));
            }
            else
            {
                cases.Add((agencyId, parsed!));
            }
        }

        if (errors.Count > 0)
        {
            return new Result(0, errors);
        }

        await store.CreateHistoricAsync(cases.Select(c => (c.AgencyId, c.Case)).ToList(), by, ct);
        return new Result(cases.Count, []);
    }
}

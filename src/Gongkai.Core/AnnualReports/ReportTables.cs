using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;

namespace Gongkai.Core.AnnualReports;

/// <summary>
/// Table 3 of the report (收到和处理政府信息公开申请情况): a number for every row and column the format prints.
/// Built from the year ledger it is right by construction; entered by hand (historic years) it is checked.
/// </summary>
public sealed class RequestTable
{
    private readonly Dictionary<(string Row, int Column), int> _cells = [];

    public RequestTable(ReportFormat format)
    {
        Format = format;
        Rows = ReportFormats.RequestRows(format);
    }

    public ReportFormat Format { get; }
    public IReadOnlyList<RequestTableRow> Rows { get; }

    public int this[string row, int column]
    {
        get => _cells.GetValueOrDefault((row, column));
        set
        {
            if (!Rows.Any(r => r.Code == row && r.Kind != RowKind.Heading) || column is < 0 or > 6)
            {
                throw new ArgumentOutOfRangeException(nameof(row), $"No number cell {row}/{column} in the {Format} request table.");
            }

            _cells[(row, column)] = value;
        }
    }

    /// <summary>The table from the ledger: every cell a count of cases; totals computed, never typed.</summary>
    public static RequestTable From(YearLedger ledger, ReportFormat format)
    {
        var table = new RequestTable(format);
        var types = Enum.GetValues<ApplicantType>();
        for (var c = 0; c < types.Length; c++)
        {
            var type = types[c];
            table["1", c] = ledger.NewThisYear(type);
            table["2", c] = ledger.CarriedIn(type);
            table["4", c] = ledger.CarriedOut(type);
            foreach (var row in table.Rows.Where(r => r.IsOutcomeLeaf))
            {
                table[row.Code, c] = row.Outcomes.Sum(o => ledger.Decided(type, o));
            }

            table["3.7", c] = table.Rows.Where(r => r.IsOutcomeLeaf).Sum(r => table[r.Code, c]);
        }

        foreach (var row in table.Rows.Where(r => r.Kind != RowKind.Heading))
        {
            table[row.Code, 6] = Enumerable.Range(0, 6).Sum(c => table[row.Code, c]);
        }

        return table;
    }
}

/// <summary>Table 4 of the report (行政复议、行政诉讼): 3 groups × 5 numbers.</summary>
public sealed class AppealsTable
{
    private readonly int[,] _cells = new int[3, 5];

    public int this[AppealKind kind, int column]
    {
        get => _cells[(int)kind, column];
        set => _cells[(int)kind, column] = value;
    }

    public static AppealsTable From(AppealLedger ledger)
    {
        var table = new AppealsTable();
        foreach (var kind in Enum.GetValues<AppealKind>())
        {
            var results = Enum.GetValues<AppealResult>();
            for (var c = 0; c < results.Length; c++)
            {
                table[kind, c] = ledger.Count(kind, results[c]);
            }

            table[kind, 4] = ledger.Total(kind);
        }

        return table;
    }
}

using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;

namespace Gongkai.Core.AnnualReports;

/// <summary>
/// Table 3 of the report (收到和处理政府信息公开申请情况): a number for every row and column the format prints.
/// Built from the year ledger it is right by construction; entered by hand (historic years) it is checked.
/// </summary>
public sealed class RequestTable
{
    private readonly Dictionary<(RequestsRow Row, ApplicantColumn Column), int> _cells = [];

    public RequestTable(ReportFormat format)
    {
        Format = format;
        Rows = ReportFormats.RequestRows(format);
    }

    public ReportFormat Format { get; }
    public IReadOnlyList<RequestTableRow> Rows { get; }

    public int this[RequestsRow row, ApplicantColumn column]
    {
        get => _cells.GetValueOrDefault((row, column));
        set
        {
            if (!Rows.Any(r => r.Id == row && r.Kind != RowKind.Heading) || !Enum.IsDefined(column))
            {
                throw new ArgumentOutOfRangeException(nameof(row), $"No number cell {row}/{column} in the {Format} request table.");
            }

            _cells[(row, column)] = value;
        }
    }

    /// <summary>The format's row of that name.</summary>
    public RequestTableRow Row(RequestsRow row) => Rows.Single(r => r.Id == row);

    /// <summary>The counted row a code stands for (the JSON export's and typed-in tables' key).</summary>
    public RequestsRow RowOf(string code) => Rows.FirstOrDefault(r => r.Code == code && r.Kind != RowKind.Heading)?.Id
        ?? throw new ArgumentOutOfRangeException(nameof(code), $"No number cell {code} in the {Format} request table.");

    /// <summary>An outcome category's cases in a column: the sum of its outcome rows (（三）不予公开 = 1–8).</summary>
    public int CategoryTotal(OutcomeCategory category, ApplicantColumn column) =>
        Rows.Where(r => r.IsOutcomeLeaf && r.Category == category).Sum(r => this[r.Id, column]);

    /// <summary>The table from the ledger: every cell a count of cases; totals computed, never typed.</summary>
    public static RequestTable From(YearLedger ledger, ReportFormat format)
    {
        var table = new RequestTable(format);
        foreach (var type in Enum.GetValues<ApplicantType>())
        {
            var column = type.Column();
            table[RequestsRow.NewlyReceived, column] = ledger.NewThisYear(type);
            table[RequestsRow.CarriedIn, column] = ledger.CarriedIn(type);
            table[RequestsRow.CarriedOut, column] = ledger.CarriedOut(type);
            foreach (var row in table.Rows.Where(r => r.IsOutcomeLeaf))
            {
                table[row.Id, column] = row.Outcomes.Sum(o => ledger.Decided(type, o));
            }

            table[RequestsRow.Total, column] = table.Rows.Where(r => r.IsOutcomeLeaf).Sum(r => table[r.Id, column]);
        }

        foreach (var row in table.Rows.Where(r => r.Kind != RowKind.Heading))
        {
            table[row.Id, ApplicantColumn.Total] = ApplicantColumns.Applicants.Sum(c => table[row.Id, c]);
        }

        return table;
    }
}

/// <summary>Table 4 of the report (行政复议、行政诉讼): 3 groups × 5 numbers.</summary>
public sealed class AppealsTable
{
    private readonly int[,] _cells = new int[Enum.GetValues<AppealKind>().Length, AppealColumns.All.Count];

    public int this[AppealKind kind, AppealColumn column]
    {
        get => _cells[(int)kind, (int)column];
        set => _cells[(int)kind, (int)column] = value;
    }

    public static AppealsTable From(AppealLedger ledger)
    {
        var table = new AppealsTable();
        foreach (var kind in Enum.GetValues<AppealKind>())
        {
            foreach (var result in Enum.GetValues<AppealResult>())
            {
                table[kind, result.Column()] = ledger.Count(kind, result);
            }

            table[kind, AppealColumn.Total] = ledger.Total(kind);
        }

        return table;
    }
}

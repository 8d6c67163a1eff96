namespace Gongkai.Core.AnnualReports;

/// <summary>
/// The stable ids of the rules a <see cref="Finding"/> names (docs/report-check.md): what the JSON output, the corpus's
/// expectations and the people reading a finding go by, so they never change meaning.
/// </summary>
public static class RuleId
{
    // A. The arithmetic of the tables.
    public const string T1 = "T1";
    public const string T2 = "T2";
    public const string T3 = "T3";
    public const string T4 = "T4";
    public const string T5 = "T5";
    public const string T6 = "T6";
    public const string T7 = "T7";

    // B. Cells.
    public const string C1 = "C1";
    public const string C2 = "C2";
    public const string C3 = "C3";

    // C. Structure and version.
    public const string S1 = "S1";
    public const string S2 = "S2";
    public const string S3 = "S3";
    public const string S4 = "S4";
    public const string S5 = "S5";
    public const string S6 = "S6";
    public const string S7 = "S7";
    public const string S8 = "S8";

    // D. The text against the tables.
    public const string N1 = "N1";
    public const string N2 = "N2";
    public const string N3 = "N3";
    public const string N4 = "N4";
    public const string N5 = "N5";

    // E. Beyond one report.
    public const string X2 = "X2";
    public const string X3 = "X3";

    /// <summary>A generated report's approved figure that the records no longer agree with (the generator's, not the checker's).</summary>
    public const string L1 = "L1";
}

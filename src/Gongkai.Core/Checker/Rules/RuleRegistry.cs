namespace Gongkai.Core.Checker.Rules;

/// <summary>
/// Every group of the checks of docs/report-check.md, in the order they run (the order their findings are listed
/// in): the structure, the cells, the sums, table 二, then the text against the tables and itself, and last year's
/// report. <see cref="ReportChecker.Check"/> runs them, then says once whether the text was cut short (S7).
/// </summary>
public static class RuleRegistry
{
    public static readonly IReadOnlyList<IRuleGroup> Groups =
    [
        new StructureRules(),
        new EmptyPartRules(),
        new CellRules(),
        new SumRules(),
        new Article20Rules(),
        new TextCountRules(),
        new ShareRules(),
        new RepeatedFigureRules(),
        new AnnouncedPartsRules(),
        new RepeatedSentenceRules(),
        new FeeRules(),
        new SamenessRules(),
    ];

    /// <summary>The id of every rule the checker may raise: the groups' and S7 (said after them, over their findings).</summary>
    public static IReadOnlyList<string> RuleIds { get; } = [.. Groups.SelectMany(g => g.Rules).Concat(EndsEarly.Rules).Distinct()];
}

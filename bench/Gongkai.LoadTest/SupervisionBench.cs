using System.Diagnostics;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The supervision dashboard's figures for every agency of a database seeded by `report --scenario rollup` (1,000
/// agencies, 1,000,000 requests): a year, a quarter and a month, a warm-up then 7 of each; the median and the best.
/// See bench/README.md, "Supervision dashboard".
/// </summary>
internal static class SupervisionBench
{
    public static async Task<int> RunAsync(IServiceProvider services, int year)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var dashboard = scope.ServiceProvider.GetRequiredService<SupervisionDashboard>();
        var agencies = AgencyTree.InTreeOrder(await db.Agencies.AsNoTracking().ToListAsync());
        if (agencies.Count == 0)
        {
            Console.Error.WriteLine("The database holds no agencies: seed it with `report --scenario rollup` first.");
            return 1;
        }

        var today = new DateOnly(year + 1, 6, 30);
        foreach (var period in new[] { SupervisionPeriod.OfYear(year), SupervisionPeriod.OfQuarter(year, 4), SupervisionPeriod.OfMonth(year, 11) })
        {
            var rows = await dashboard.ForAsync(agencies, period, today);
            var timings = new List<double>();
            for (var i = 0; i < 7; i++)
            {
                var watch = Stopwatch.StartNew();
                rows = await dashboard.ForAsync(agencies, period, today);
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }

            timings.Sort();
            if (period.IsWholeYear)
            {
                // The year's figures, added up over the tree, are the tree's annual report's (built from the same records).
                var root = agencies[0];
                var report = await scope.ServiceProvider.GetRequiredService<ReportBuilder>().BuildAsync(root.Id, period.Year, subtree: true, live: true);
                var same = rows.Sum(r => r.Received) == report.Requests[RequestsRow.NewlyReceived, ApplicantColumn.Total]
                    && rows.Sum(r => r.Decided) == report.Requests[RequestsRow.Total, ApplicantColumn.Total]
                    && Enum.GetValues<OutcomeCategory>().All(c => rows.Sum(r => r.Outcome(c)) == report.Requests.CategoryTotal(c, ApplicantColumn.Total));
                Console.WriteLine($"supervision {period.Key}: equal to the tree's annual report (received, decided, six outcomes): {(same ? "yes" : "NO")}");
                if (!same)
                {
                    return 1;
                }
            }

            Console.WriteLine(FormattableString.Invariant(
                $"supervision {period.Key}: {rows.Count} agencies, received {rows.Sum(r => r.Received)}, decided {rows.Sum(r => r.Decided)} (late {rows.Sum(r => r.DecidedLate)}), overdue {rows.Sum(r => r.OverdueNow)}; median {timings[3]:F0}ms best {timings[0]:F0}ms"));
        }

        return 0;
    }
}

using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Requests;

public sealed class LedgerTests
{
    /// <summary>Stores request projections with the given facts under a new agency, as the workflow would leave them.</summary>
    private static async Task<(int AgencyId, List<LedgerFact> Facts)> SeedAsync(GongkaiApp app, int count, int seed)
    {
        var agency = await app.NewAgencyAsync((await app.AgencyAsync("示例区人民政府")).Id);
        var random = new Random(seed);
        var facts = new List<LedgerFact>();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                DateOnly? received = random.Next(20) == 0 ? null : new DateOnly(2022, 6, 1).AddDays(random.Next(0, 900));
                DateOnly? decided = received is { } r && random.Next(8) != 0 ? r.AddDays(random.Next(0, 60)) : null;
                Outcome? outcome = decided is null ? null : (Outcome)random.Next(21);
                var type = (ApplicantType)random.Next(6);
                db.Requests.Add(new RequestRecord
                {
                    AgencyId = agency.Id,
                    TrackingCode = "LEDGER" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
                    ApplicantName = "台账测试",
                    IdNumber = "11010519491231002X",
                    Phone = "13800138000",
                    InformationTitle = "台账测试",
                    ApplicantType = type,
                    Channel = Channel.InPerson,
                    Status = received is null ? RequestStatus.AwaitingConfirmation : decided is null ? RequestStatus.Processing : RequestStatus.Decided,
                    SubmittedOn = received ?? new DateOnly(2024, 1, 1),
                    ReceivedOn = received,
                    DecidedOn = decided,
                    Outcome = outcome,
                });
                facts.Add(new LedgerFact(i, type, received, decided, outcome));
            }

            return await db.SaveChangesAsync();
        });
        return (agency.Id, facts);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task The_database_ledger_equals_the_ledger_built_from_the_cases(Db db)
    {
        var app = GongkaiApp.For(db);
        var (agencyId, facts) = await SeedAsync(app, 400, 7);

        foreach (var year in new[] { 2022, 2023, 2024 })
        {
            var expected = YearLedger.From(year, facts);
            var actual = await app.WithDbAsync(d => LedgerQuery.BuildAsync(d, [agencyId], year));
            foreach (var type in Enum.GetValues<ApplicantType>())
            {
                Assert.Equal(expected.NewThisYear(type), actual.NewThisYear(type));
                Assert.Equal(expected.CarriedIn(type), actual.CarriedIn(type));
                Assert.Equal(expected.CarriedOut(type), actual.CarriedOut(type));
                foreach (var outcome in Enum.GetValues<Outcome>())
                {
                    Assert.Equal(expected.Decided(type, outcome), actual.Decided(type, outcome));
                }

                Assert.True(actual.Balances(type));
            }
        }
    }

    [Fact]
    public async Task Every_ledger_figure_links_to_the_requests_it_counts()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var (agencyId, facts) = await SeedAsync(app, 60, 11);
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, agencyId));
        var expected = YearLedger.From(2023, facts);

        var page = await client.GetStringAsync($"/admin/requests/ledger?year=2023&agency={agencyId}");
        var cell = await client.GetStringAsync($"/admin/requests?year=2023&cell=carried-out&type=NaturalPerson&agency={agencyId}");

        Assert.Contains($"/admin/requests?year=2023&amp;cell=new&amp;type=NaturalPerson&amp;agency={agencyId}\">{expected.NewThisYear(ApplicantType.NaturalPerson)}</a>", page);
        Assert.Contains($"共 {expected.CarriedOut(ApplicantType.NaturalPerson)} 件", cell);
    }
}

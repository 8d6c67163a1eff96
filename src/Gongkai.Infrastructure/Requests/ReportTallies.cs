using Gongkai.Core.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Requests;

/// <summary>
/// How many requests of one agency were received in one year and decided in another (0: not yet), by applicant type
/// and outcome: everything a year ledger needs, kept by database triggers in the same transaction as every insert,
/// update or delete of a request (<see cref="ReportTallyTriggers"/>), whoever writes it. A year's ledger of one agency
/// reads a few dozen of these rows instead of every request of the year (ADR 0021).
/// </summary>
public sealed class RequestTally
{
    public int AgencyId { get; set; }
    public int ReceivedYear { get; set; }
    /// <summary>The calendar year of the decision; <see cref="Open"/> while the request is undecided.</summary>
    public int DecidedYear { get; set; }
    public ApplicantType ApplicantType { get; set; }
    /// <summary>The outcome as stored on the request (its enum name); <see cref="NoOutcome"/> for none.</summary>
    public string Outcome { get; set; } = NoOutcome;
    public int Count { get; set; }

    public const int Open = 0;
    public const string NoOutcome = "";
}

/// <summary>
/// Fee notices sent by one agency in one year, and the amount charged for the requests whose fee was paid that year
/// (in fen): the annual report's fee sentence, kept by a trigger on the request events (<see cref="ReportTallyTriggers"/>).
/// </summary>
public sealed class FeeTally
{
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public int Notices { get; set; }
    public long CollectedFen { get; set; }
}

internal sealed class RequestTallyConfiguration : IEntityTypeConfiguration<RequestTally>
{
    public void Configure(EntityTypeBuilder<RequestTally> t)
    {
        t.ToTable("RequestTallies");
        t.HasKey(x => new { x.AgencyId, x.ReceivedYear, x.DecidedYear, x.ApplicantType, x.Outcome });
        t.Property(x => x.ApplicantType).HasConversion<string>().HasMaxLength(50);
        t.Property(x => x.Outcome).HasMaxLength(50);
        // A large tree's ledger: the open tallies and those decided from the year on, from the index alone.
        t.HasIndex(x => new { x.DecidedYear, x.ReceivedYear, x.ApplicantType, x.Outcome, x.AgencyId, x.Count });
    }
}

internal sealed class FeeTallyConfiguration : IEntityTypeConfiguration<FeeTally>
{
    public void Configure(EntityTypeBuilder<FeeTally> t)
    {
        t.ToTable("FeeTallies");
        t.HasKey(x => new { x.AgencyId, x.Year });
    }
}

/// <summary>Counts the tallies afresh (after a restore of part of a database, or to check them): one transaction.</summary>
public static class ReportTallyStore
{
    public static async Task RecountAsync(Persistence.GongkaiDbContext db, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var sql in ReportTallyTriggers.RecountSql(db is Persistence.SqliteGongkaiDbContext))
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }

        await transaction.CommitAsync(ct);
    }
}

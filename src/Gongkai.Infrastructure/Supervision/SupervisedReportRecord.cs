using Gongkai.Core.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Supervision;

/// <summary>
/// A published annual report of an agency (usually one not on the platform) checked by a supervising office: what the
/// checker read and found. The file itself is not kept — only its name, size and SHA-256 — so the same file sent
/// again by the same office replaces its earlier check instead of adding a row.
/// </summary>
public sealed class SupervisedReportRecord
{
    public long Id { get; set; }
    /// <summary>The office that checked it (the uploader's agency): whose scope the row belongs to. Null: a platform administrator.</summary>
    public int? SupervisorAgencyId { get; set; }
    /// <summary>The agency the report is of, as read from its title (or as corrected by the supervisor); empty when not read.</summary>
    public required string AgencyName { get; set; }
    /// <summary>A platform agency of the same full name in the office's scope, if there is one.</summary>
    public int? MatchedAgencyId { get; set; }
    public int? Year { get; set; }
    public string? Title { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public required string CheckedBy { get; set; }
    /// <summary>Why the file could not be read (refused by the upload limits, damaged, not a report's format); null when read.</summary>
    public string? ReadError { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }
    public int Infos { get; set; }
    /// <summary>The findings as shown (<see cref="Checker.ReportCheck.Shown"/>: echoed text cut), at most 500, as JSON.</summary>
    public required string FindingsJson { get; set; }
}

internal sealed class SupervisedReportConfiguration : IEntityTypeConfiguration<SupervisedReportRecord>
{
    public void Configure(EntityTypeBuilder<SupervisedReportRecord> report)
    {
        report.ToTable("SupervisedReports");
        // One row per file and office: the same file checked again replaces the row (the store looks it up by this).
        report.HasIndex(r => new { r.SupervisorAgencyId, r.Sha256 });
        report.HasIndex(r => new { r.SupervisorAgencyId, r.Year });
        report.Property(r => r.AgencyName).HasMaxLength(200);
        report.Property(r => r.Title).HasMaxLength(200);
        report.Property(r => r.FileName).HasMaxLength(260);
        report.Property(r => r.Sha256).HasMaxLength(64);
        report.Property(r => r.CheckedBy).HasMaxLength(256);
        report.Property(r => r.ReadError).HasMaxLength(1000);
        report.HasOne<Agency>().WithMany().HasForeignKey(r => r.SupervisorAgencyId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<Agency>().WithMany().HasForeignKey(r => r.MatchedAgencyId).OnDelete(DeleteBehavior.SetNull);
    }
}

namespace Gongkai.Infrastructure.Calendar;

/// <summary>One version of the official holiday schedule as a whole; the newest is in force. Versions are never changed.</summary>
public sealed class CalendarVersion
{
    public int Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>The whole schedule after this import, in the cn-holidays.json shape.</summary>
    public required string Json { get; set; }
    /// <summary>SHA-256 (hex) of <see cref="Json"/>.</summary>
    public required string ContentSha256 { get; set; }
    /// <summary>SHA-256 (hex) of the file as uploaded.</summary>
    public required string UploadSha256 { get; set; }
    /// <summary>The years the upload brought, e.g. "2027".</summary>
    public required string YearsImported { get; set; }
    public string? Note { get; set; }
}

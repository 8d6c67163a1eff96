using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Calendar;

internal sealed class CalendarVersionConfiguration : IEntityTypeConfiguration<CalendarVersion>
{
    public void Configure(EntityTypeBuilder<CalendarVersion> version)
    {
        version.Property(v => v.CreatedBy).HasMaxLength(256);
        version.Property(v => v.ContentSha256).HasMaxLength(64);
        version.Property(v => v.UploadSha256).HasMaxLength(64);
        version.Property(v => v.YearsImported).HasMaxLength(200);
        version.Property(v => v.Note).HasMaxLength(500);
    }
}

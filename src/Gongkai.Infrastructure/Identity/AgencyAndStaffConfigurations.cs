using Gongkai.Core.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Infrastructure.Identity;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.Property(a => a.FullName).HasMaxLength(100);
        agency.Property(a => a.ShortName).HasMaxLength(40);
        agency.Property(a => a.CreditCode).HasMaxLength(18).IsFixedLength(false);
        agency.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        agency.Property(a => a.NoticeNumberPattern).HasMaxLength(AgencyInput.MaxNoticeNumberPattern);
        agency.HasIndex(a => a.CreditCode).IsUnique();
        agency.HasIndex(a => new { a.ParentId, a.FullName }).IsUnique();
        agency.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        agency.HasOne<Agency>().WithMany().HasForeignKey(a => a.HandledById).OnDelete(DeleteBehavior.Restrict);
        agency.ComplexProperty(a => a.Contact, contact =>
        {
            contact.Property(c => c.OfficeName).HasMaxLength(100).HasColumnName("OfficeName");
            contact.Property(c => c.Address).HasMaxLength(200).HasColumnName("OfficeAddress");
            contact.Property(c => c.Postcode).HasMaxLength(6).HasColumnName("OfficePostcode");
            contact.Property(c => c.Phone).HasMaxLength(100).HasColumnName("OfficePhone");
            contact.Property(c => c.OfficeHours).HasMaxLength(200).HasColumnName("OfficeHours");
            contact.Property(c => c.Email).HasMaxLength(100).HasColumnName("OfficeEmail");
        });
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(50);
        user.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

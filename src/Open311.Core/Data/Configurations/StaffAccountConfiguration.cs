using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Staff;

namespace Open311.Core.Data.Configurations;

internal sealed class StaffAccountConfiguration : IEntityTypeConfiguration<StaffAccount>
{
    public void Configure(EntityTypeBuilder<StaffAccount> builder)
    {
        builder.ToTable("staff_accounts");
        builder.Property(s => s.Role).HasConversion<LowercaseEnumConverter<StaffRole>>();
        builder.HasIndex(s => s.Username).IsUnique();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(s => s.JurisdictionId);
        builder.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId);
    }
}

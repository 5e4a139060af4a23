using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Staff;

namespace Open311.Core.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("departments");
        builder.HasLocalizedText(d => d.Name);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(d => d.JurisdictionId);
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId);
        builder.HasOne<StaffAccount>().WithMany().HasForeignKey(d => d.HeadId);
    }
}

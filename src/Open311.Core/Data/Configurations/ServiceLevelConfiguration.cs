using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Requests;
using Open311.Core.Routing;
using Open311.Core.ServiceLevels;

namespace Open311.Core.Data.Configurations;

internal sealed class ServiceLevelConfiguration : IEntityTypeConfiguration<ServiceLevel>
{
    public void Configure(EntityTypeBuilder<ServiceLevel> builder)
    {
        builder.ToTable("service_levels");
        builder.Property(l => l.Priority).HasConversion<LowercaseEnumConverter<RequestPriority>>();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(l => l.JurisdictionId);
        builder.HasOne<ServiceCategory>().WithMany().HasForeignKey(l => l.ServiceId);
        builder.HasOne<DepartmentArea>().WithMany().HasForeignKey(l => l.AreaId);
        builder.HasIndex(l => new { l.ServiceId, l.AreaId, l.Priority }).IsUnique().AreNullsDistinct(false);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Routing;

namespace Open311.Core.Data.Configurations;

internal sealed class RoutingConfiguration : IEntityTypeConfiguration<DepartmentArea>, IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<DepartmentArea> builder)
    {
        builder.ToTable("department_areas");
        builder.Property(a => a.Area).HasColumnType("geography(MultiPolygon,4326)");
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(a => a.JurisdictionId);
        builder.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId);
    }

    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("routing_rules");
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(r => r.JurisdictionId);
        builder.HasOne<ServiceCategory>().WithMany().HasForeignKey(r => r.ServiceId);
        builder.HasOne<DepartmentArea>().WithMany().HasForeignKey(r => r.AreaId);
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId);
        builder.HasIndex(r => new { r.ServiceId, r.AreaId }).IsUnique();
    }
}

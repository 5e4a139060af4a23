using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;

namespace Open311.Core.Data.Configurations;

internal sealed class JurisdictionConfiguration : IEntityTypeConfiguration<Jurisdiction>
{
    public void Configure(EntityTypeBuilder<Jurisdiction> builder)
    {
        builder.ToTable("jurisdictions");
        builder.HasLocalizedText(j => j.Name);
        builder.Property(j => j.WorkOrderCompletion).HasConversion<LowercaseEnumConverter<WorkOrders.WorkOrderCompletion>>();
    }
}

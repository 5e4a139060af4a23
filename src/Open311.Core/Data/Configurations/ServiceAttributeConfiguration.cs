using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;

namespace Open311.Core.Data.Configurations;

internal sealed class ServiceAttributeConfiguration : IEntityTypeConfiguration<ServiceAttribute>
{
    public void Configure(EntityTypeBuilder<ServiceAttribute> builder)
    {
        builder.ToTable("service_attributes");
        builder.HasLocalizedText(a => a.Description);
        builder.HasLocalizedText(a => a.DatatypeDescription);
        builder.Property(a => a.Datatype).HasConversion<LowercaseEnumConverter<AttributeDatatype>>();
        builder.HasMany(a => a.Values).WithOne().HasForeignKey(v => v.AttributeId);
    }
}

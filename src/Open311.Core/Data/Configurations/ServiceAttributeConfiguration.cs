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
        // Declared so that EF deletes replaced attributes before inserting their successors.
        builder.HasIndex(a => new { a.ServiceId, a.Code }).IsUnique();
        builder.HasIndex(a => new { a.ServiceId, a.Order }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Requests;

namespace Open311.Core.Data.Configurations;

internal sealed class ProtocolCounterConfiguration : IEntityTypeConfiguration<ProtocolCounter>
{
    public void Configure(EntityTypeBuilder<ProtocolCounter> builder)
    {
        builder.ToTable("protocol_counters");
        builder.HasKey(c => new { c.JurisdictionId, c.Year });
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(c => c.JurisdictionId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Clients;

namespace Open311.Core.Data.Configurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("api_clients");
        builder.HasIndex(c => c.KeyHash).IsUnique();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(c => c.JurisdictionId);
    }
}

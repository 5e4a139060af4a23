using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Clients;
using Open311.Core.Requests;

namespace Open311.Core.Data.Configurations;

internal sealed class CitizenFollowUpConfiguration : IEntityTypeConfiguration<CitizenFollowUp>
{
    public void Configure(EntityTypeBuilder<CitizenFollowUp> builder)
    {
        builder.ToTable("citizen_updates");
        builder.HasKey(f => f.RequestEventId);
        builder.Property(f => f.AskedStatus).HasConversion<LowercaseEnumConverter<RequestStatus>>();
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(f => f.ApiClientId);
        builder.HasIndex(f => new { f.ApiClientId, f.ClientUpdateId }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Requests;

namespace Open311.Core.Data.Configurations;

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.ToTable("request_events");
        builder.Property(e => e.Kind).HasConversion<LowercaseEnumConverter<RequestEventKind>>();
        builder.Property(e => e.StatusAfter).HasConversion<LowercaseEnumConverter<RequestStatus>>();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Outbox;

namespace Open311.Core.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Status).HasConversion<LowercaseEnumConverter<DeliveryStatus>>();
        builder.HasOne(m => m.Event).WithMany().HasForeignKey(m => m.RequestEventId);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(m => m.JurisdictionId);
        builder.HasMany<OutboxAttempt>().WithOne().HasForeignKey(a => a.MessageId);
    }
}

internal sealed class OutboxAttemptConfiguration : IEntityTypeConfiguration<OutboxAttempt>
{
    public void Configure(EntityTypeBuilder<OutboxAttempt> builder) => builder.ToTable("outbox_attempts");
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Webhooks;

namespace Open311.Core.Data.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(s => s.JurisdictionId);
        builder.HasOne(s => s.Client).WithMany().HasForeignKey(s => s.ClientId);
        // Saved only over the secret it was read with: of two rotations at once, one wins and the other
        // is told so, rather than both answering with a secret while only the last one signs.
        builder.Property(s => s.Secret).IsConcurrencyToken();
    }
}

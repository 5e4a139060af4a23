using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Clients;
using Open311.Core.Webhooks;

namespace Open311.Core.Data.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(s => s.JurisdictionId);
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(s => s.ClientId);
    }
}

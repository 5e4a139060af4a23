using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Notifications;

namespace Open311.Core.Data.Configurations;

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.ToTable("message_templates");
        builder.Property(t => t.Kind).HasConversion<LowercaseEnumConverter<MessageKind>>();
        builder.Property(t => t.Channel).HasConversion<LowercaseEnumConverter<MessageChannel>>();
        builder.HasIndex(t => new { t.JurisdictionId, t.Kind, t.Channel, t.Language }).IsUnique();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(t => t.JurisdictionId);
    }
}

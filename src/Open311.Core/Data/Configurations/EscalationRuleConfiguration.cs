using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Escalation;
using Open311.Core.Requests;

namespace Open311.Core.Data.Configurations;

internal sealed class EscalationRuleConfiguration : IEntityTypeConfiguration<EscalationRule>
{
    public void Configure(EntityTypeBuilder<EscalationRule> builder)
    {
        builder.ToTable("escalation_rules");
        builder.Property(r => r.Clock).HasConversion<LowercaseEnumConverter<EscalationClock>>();
        builder.Property(r => r.RaisePriorityTo).HasConversion<LowercaseEnumConverter<RequestPriority>>();
        builder.HasIndex(r => new { r.JurisdictionId, r.Clock, r.AtPercent }).IsUnique();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(r => r.JurisdictionId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Requests;
using Open311.Core.Workflow;

namespace Open311.Core.Data.Configurations;

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.ToTable("request_events");
        builder.Property(e => e.Kind).HasConversion<LowercaseEnumConverter<RequestEventKind>>();
        builder.Property(e => e.StatusAfter).HasConversion<LowercaseEnumConverter<RequestStatus>>();
        builder.Property(e => e.Changes).HasColumnType("jsonb");
        builder.HasOne<WorkflowState>().WithMany().HasForeignKey(e => e.StateAfterId);
        builder.HasOne<RequestMedia>().WithMany().HasForeignKey(e => e.MediaId);
        builder.HasOne(e => e.FollowUp).WithOne().HasForeignKey<CitizenFollowUp>(f => f.RequestEventId);
    }
}

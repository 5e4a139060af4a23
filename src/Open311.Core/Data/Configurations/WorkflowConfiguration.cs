using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Requests;
using Open311.Core.Staff;
using Open311.Core.Workflow;

namespace Open311.Core.Data.Configurations;

internal sealed class WorkflowConfiguration :
    IEntityTypeConfiguration<RequestWorkflow>, IEntityTypeConfiguration<WorkflowState>, IEntityTypeConfiguration<WorkflowTransition>
{
    public void Configure(EntityTypeBuilder<RequestWorkflow> builder)
    {
        builder.ToTable("workflows");
        builder.HasLocalizedText(w => w.Name);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(w => w.JurisdictionId);
        builder.HasMany(w => w.States).WithOne().HasForeignKey(s => s.WorkflowId);
        builder.HasMany(w => w.Transitions).WithOne().HasForeignKey(t => t.WorkflowId);
    }

    public void Configure(EntityTypeBuilder<WorkflowState> builder)
    {
        builder.ToTable("workflow_states");
        builder.HasLocalizedText(s => s.Label);
        builder.Property(s => s.Status).HasConversion<LowercaseEnumConverter<RequestStatus>>();
        builder.HasIndex(s => new { s.WorkflowId, s.Code }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<WorkflowTransition> builder)
    {
        builder.ToTable("workflow_transitions");
        builder.HasOne(t => t.From).WithMany().HasForeignKey(t => t.FromStateId);
        builder.HasOne(t => t.To).WithMany().HasForeignKey(t => t.ToStateId);
        builder.HasIndex(t => new { t.FromStateId, t.ToStateId }).IsUnique();
        builder.Property(t => t.AllowedRoles)
            .HasColumnType("text[]")
            .HasConversion(
                roles => roles.Select(r => r.ToOpen311()).ToArray(),
                names => names.Select(n => Enum.Parse<StaffRole>(n, true)).ToList(),
                new ValueComparer<List<StaffRole>>(
                    (a, b) => a!.SequenceEqual(b!),
                    roles => roles.Aggregate(0, (hash, role) => HashCode.Combine(hash, role)),
                    roles => roles.ToList()));
    }
}

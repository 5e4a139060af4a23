using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Workflow;

namespace Open311.Core.Data.Configurations;

internal sealed class ServiceCategoryConfiguration : IEntityTypeConfiguration<ServiceCategory>
{
    public void Configure(EntityTypeBuilder<ServiceCategory> builder)
    {
        builder.ToTable("service_categories");
        builder.HasLocalizedText(s => s.Name);
        builder.HasLocalizedText(s => s.Description);
        builder.HasLocalizedText(s => s.Group);
        builder.HasLocalizedText(s => s.Notice);
        builder.Property(s => s.Type).HasConversion<LowercaseEnumConverter<ServiceType>>();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(s => s.JurisdictionId);
        builder.HasOne(s => s.DefaultDepartment).WithMany().HasForeignKey(s => s.DefaultDepartmentId);
        builder.HasOne<RequestWorkflow>().WithMany().HasForeignKey(s => s.WorkflowId);
        builder.HasMany(s => s.Attributes).WithOne().HasForeignKey(a => a.ServiceId);
        builder.HasIndex(s => new { s.JurisdictionId, s.Code }).IsUnique();
    }
}

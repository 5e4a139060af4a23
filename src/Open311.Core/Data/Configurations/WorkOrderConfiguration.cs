using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Requests;
using Open311.Core.Staff;
using Open311.Core.WorkOrders;

namespace Open311.Core.Data.Configurations;

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.ToTable("work_orders");
        builder.Property(w => w.State).HasConversion<LowercaseEnumConverter<WorkOrderState>>();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(w => w.JurisdictionId);
        builder.HasOne<ServiceRequest>().WithMany(r => r.WorkOrders).HasForeignKey(w => w.RequestId);
        builder.HasOne<Department>().WithMany().HasForeignKey(w => w.DepartmentId);
        builder.HasOne<StaffAccount>().WithMany().HasForeignKey(w => w.AssigneeId);
        builder.Property(w => w.Version).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        builder.HasIndex(w => new { w.RequestId, w.DepartmentId }).IsUnique();
    }
}

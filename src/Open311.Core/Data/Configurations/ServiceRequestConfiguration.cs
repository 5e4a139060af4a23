using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;
using Open311.Core.Clients;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.Data.Configurations;

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.ToTable("service_requests");
        builder.Property(r => r.Status).HasConversion<LowercaseEnumConverter<RequestStatus>>();
        builder.Property(r => r.Channel).HasConversion<LowercaseEnumConverter<Channel>>();
        builder.Property(r => r.Attributes)
            .HasColumnType("jsonb")
            .HasConversion(
                value => JsonSerializer.Serialize(value, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<Dictionary<string, string[]>>(json, JsonSerializerOptions.Default) ?? new(),
                new ValueComparer<Dictionary<string, string[]>>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
                    value => JsonSerializer.Serialize(value, JsonSerializerOptions.Default).GetHashCode(),
                    value => value.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray())));
        builder.ComplexProperty(r => r.Contact);
        builder.HasOne(r => r.Service).WithMany().HasForeignKey(r => r.ServiceId);
        builder.HasOne(r => r.Department).WithMany().HasForeignKey(r => r.DepartmentId);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(r => r.JurisdictionId);
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(r => r.ApiClientId);
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(r => r.DuplicateOfId);
        builder.HasMany(r => r.History).WithOne().HasForeignKey(e => e.RequestId);
        builder.HasOne(r => r.State).WithMany().HasForeignKey(r => r.StateId);
        builder.HasOne<StaffAccount>().WithMany().HasForeignKey(r => r.AssigneeId);
        builder.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        builder.HasIndex(r => r.Token).IsUnique();
        builder.HasIndex(r => new { r.JurisdictionId, r.ProtocolNumber }).IsUnique();
    }
}

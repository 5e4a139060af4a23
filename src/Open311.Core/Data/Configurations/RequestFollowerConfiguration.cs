using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Requests;

namespace Open311.Core.Data.Configurations;

internal sealed class RequestFollowerConfiguration : IEntityTypeConfiguration<RequestFollower>
{
    public void Configure(EntityTypeBuilder<RequestFollower> builder)
    {
        builder.ToTable("request_followers");
        builder.Property(f => f.Source).HasConversion<LowercaseEnumConverter<FollowerSource>>();
        builder.HasIndex(f => f.UnsubscribeToken).IsUnique();
        builder.HasIndex(f => f.RequestId).HasDatabaseName("ix_request_followers_request");
    }
}

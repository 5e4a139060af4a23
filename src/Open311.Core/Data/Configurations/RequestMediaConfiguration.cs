using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Requests;

namespace Open311.Core.Data.Configurations;

internal sealed class RequestMediaConfiguration : IEntityTypeConfiguration<RequestMedia>
{
    public void Configure(EntityTypeBuilder<RequestMedia> builder)
    {
        builder.ToTable("request_media");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(m => m.RequestId);
    }
}

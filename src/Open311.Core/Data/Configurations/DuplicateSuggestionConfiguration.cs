using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Duplicates;

namespace Open311.Core.Data.Configurations;

internal sealed class DuplicateSuggestionConfiguration : IEntityTypeConfiguration<DuplicateSuggestion>
{
    public void Configure(EntityTypeBuilder<DuplicateSuggestion> builder)
    {
        builder.ToTable("duplicate_suggestions");
        builder.Property(s => s.Decision).HasConversion<LowercaseEnumConverter<SuggestionDecision>>();
        builder.HasOne(s => s.Candidate).WithMany().HasForeignKey(s => s.CandidateId);
        builder.HasIndex(s => new { s.RequestId, s.CandidateId }).IsUnique();
        builder.HasIndex(s => s.CandidateId).HasDatabaseName("ix_duplicate_suggestions_candidate");
    }
}

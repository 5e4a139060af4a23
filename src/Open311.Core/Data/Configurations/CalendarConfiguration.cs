using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Calendar;
using Open311.Core.Catalog;

namespace Open311.Core.Data.Configurations;

internal sealed class WeekdayHoursConfiguration : IEntityTypeConfiguration<WeekdayHours>
{
    public void Configure(EntityTypeBuilder<WeekdayHours> builder)
    {
        builder.ToTable("working_hours");
        builder.HasKey(h => new { h.JurisdictionId, h.Weekday });
        builder.Property(h => h.Weekday).HasConversion<LowercaseEnumConverter<DayOfWeek>>();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(h => h.JurisdictionId);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("calendar_days");
        builder.HasLocalizedText(d => d.Name);
        builder.HasIndex(d => new { d.JurisdictionId, d.Month, d.Day, d.Year }).IsUnique().HasDatabaseName("ux_calendar_days_date");
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(d => d.JurisdictionId);
    }
}

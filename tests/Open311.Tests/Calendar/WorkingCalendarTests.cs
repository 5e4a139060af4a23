using Open311.Core.Calendar;

namespace Open311.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly TimeZoneInfo Athens = TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens");
    private static readonly WorkingCalendar Office = WorkingCalendar.National(Athens, WeeklyHours.MunicipalOffice);

    [Theory]
    [InlineData(2024, "2024-05-05")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-12")]
    [InlineData(2027, "2027-05-02")]
    public void OrthodoxEaster_KnownYears(int year, string easter) =>
        Assert.Equal(DateOnly.Parse(easter), GreekHolidays.OrthodoxEaster(year));

    [Fact]
    public void Add_FridayEvening_StartsMondayAtOpening()
    {
        // Friday 2026-11-27 19:40 in Athens (UTC+2).
        var left = new DateTimeOffset(2026, 11, 27, 19, 40, 0, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(2)), Office.NextWorkingMoment(left));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(2)), Office.Add(left, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Add_AcrossEaster_SkipsGoodFridayToEasterMonday()
    {
        // Thursday 2026-04-09 14:00 (UTC+3, summer time); Good Friday 10 April, Easter Monday 13 April.
        var thursday = new DateTimeOffset(2026, 4, 9, 14, 0, 0, TimeSpan.FromHours(3));

        var due = Office.Add(thursday, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 4, 14, 8, 30, 0, TimeSpan.FromHours(3)), due);
        Assert.Equal(TimeSpan.FromHours(1), Office.Between(thursday, due));
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Open311.Api.Hosting;
using Open311.Core.Calendar;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Calendar;

public class WorkingCalendarTests(WorkingCalendarTests.HeraklionApp app) : IClassFixture<WorkingCalendarTests.HeraklionApp>
{
    /// <summary>
    /// Heraklion with a calendar stored through the admin API: Monday to Friday 07:30–15:00, Άγιος
    /// Μηνάς every 11 November, and 2024's May Day moved to 7 May (1 May worked).
    /// </summary>
    public sealed class HeraklionApp : Open311App
    {
        private readonly SemaphoreSlim _arranged = new(1);
        private bool _stored;

        public async Task<WorkingCalendar> CalendarAsync()
        {
            await _arranged.WaitAsync();
            try
            {
                if (!_stored)
                {
                    await StoreAsync();
                    _stored = true;
                }
            }
            finally
            {
                _arranged.Release();
            }

            return (await Services.GetRequiredService<WorkingCalendars>().ForAsync(DemoCatalog.JurisdictionId, CancellationToken.None))!;
        }

        private async Task StoreAsync()
        {
            var admin = await AdminClient.SignInAsync(this, "admin");
            string[] weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];
            object[] days =
            [
                new { month = 11, day = 11, name_el = "Άγιος Μηνάς", name_en = "Saint Menas" },
                new { year = 2024, month = 5, day = 1, working = true, name_el = "Πρωτομαγιά (μετατέθηκε)", name_en = "Labour Day (moved)" },
                new { year = 2024, month = 5, day = 7, name_el = "Πρωτομαγιά", name_en = "Labour Day" },
            ];
            var (hours, body) = await admin.PutAsync("/admin/calendar", new { weekdays = weekdays.Select(d => new { weekday = d, opens = "07:30", closes = "15:00" }) });
            Assert.True(hours.StatusCode == HttpStatusCode.OK, body.ToString());
            foreach (var day in days)
            {
                var (added, problem) = await admin.PostAsync("/admin/calendar/days", day);
                Assert.True(added.StatusCode == HttpStatusCode.Created, problem.ToString());
            }
        }
    }

    private static readonly TimeZoneInfo Athens = TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens");
    private static readonly WorkingCalendar Office = WorkingCalendar.National(Athens, WeeklyHours.MunicipalOffice);
    private static readonly TimeSpan Winter = TimeSpan.FromHours(2);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(3);

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

        var due = Office.Add(thursday, TimeSpan.FromHours(1))!.Value;

        Assert.Equal(new DateTimeOffset(2026, 4, 14, 8, 30, 0, TimeSpan.FromHours(3)), due);
        Assert.Equal(TimeSpan.FromHours(1), Office.Between(thursday, due));
    }

    [Fact]
    public void Between_LongerThanThreeYears_CountsEveryWorkingDay()
    {
        var start = new DateTimeOffset(2022, 1, 3, 8, 0, 0, TimeSpan.FromHours(2));
        var fourYearsOfWork = TimeSpan.FromHours(6.5 * 1000);

        var end = Office.Add(start, fourYearsOfWork)!.Value;

        Assert.True(end > start.AddYears(3), $"1,000 working days end {end}");
        Assert.Equal(fourYearsOfWork, Office.Between(start, end));
    }

    [Fact]
    public void Between_ToBeforeFrom_IsZero()
    {
        var later = new DateTimeOffset(2026, 11, 30, 10, 4, 0, TimeSpan.FromHours(2));

        Assert.Equal(TimeSpan.Zero, Office.Between(later, later.AddMinutes(-3)));
    }

    [Fact]
    public void Add_BeyondTheYearsTheCalendarKnows_HasNoAnswer()
    {
        var start = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(2));

        Assert.Null(Office.Add(start, TimeSpan.FromHours(6.5 * 366 * 80)));
    }

    [Fact]
    public async Task Stored_FridayAfternoon_ContinuesOnMondayAtItsOwnOpening()
    {
        var calendar = await app.CalendarAsync();
        var friday = new DateTimeOffset(2026, 11, 27, 14, 0, 0, Winter);

        var due = calendar.Add(friday, TimeSpan.FromHours(2))!.Value;

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 30, 0, Winter), due);
        Assert.Equal(TimeSpan.FromHours(2), calendar.Between(friday, due));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 30, 0, Winter), calendar.NextWorkingMoment(friday.AddHours(5).AddMinutes(40)));
    }

    [Fact]
    public async Task Stored_NationalHoliday_IsSkipped()
    {
        var calendar = await app.CalendarAsync();

        // Tuesday 24 March 2026, half an hour before closing; Wednesday is Independence Day.
        Assert.Equal(new DateTimeOffset(2026, 3, 26, 8, 0, 0, Winter), calendar.Add(new DateTimeOffset(2026, 3, 24, 14, 30, 0, Winter), TimeSpan.FromHours(1)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 25)));
    }

    [Fact]
    public async Task Stored_MovedMayDay_IsWorkedOnTheFirst_AndClosedOnTheDayItMovedTo()
    {
        var calendar = await app.CalendarAsync();

        Assert.True(calendar.IsWorkingDay(new DateOnly(2024, 5, 1)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2024, 5, 7)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 5, 1))); // moved in 2024 only
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, Summer), calendar.Add(new DateTimeOffset(2024, 4, 30, 14, 30, 0, Summer), TimeSpan.FromHours(1)));
        // Thursday 2 May: Good Friday 3 May, the weekend, Easter Monday 6 May and the moved May Day 7 May are all closed.
        var thursday = new DateTimeOffset(2024, 5, 2, 14, 30, 0, Summer);
        var due = calendar.Add(thursday, TimeSpan.FromHours(1))!.Value;
        Assert.Equal(new DateTimeOffset(2024, 5, 8, 8, 0, 0, Summer), due);
        Assert.Equal(TimeSpan.FromHours(1), calendar.Between(thursday, due));
    }

    [Fact]
    public async Task Stored_PatronSaintsDay_IsClosedEveryYear()
    {
        var calendar = await app.CalendarAsync();

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 11)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 11, 11)));
        Assert.Equal(new DateTimeOffset(2026, 11, 12, 8, 0, 0, Winter), calendar.Add(new DateTimeOffset(2026, 11, 10, 14, 30, 0, Winter), TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("2026-10-23T14:30:00+03:00", "2026-10-26T08:00:00+02:00")] // summer time ends on Sunday 25 October
    [InlineData("2026-03-27T14:30:00+02:00", "2026-03-30T08:00:00+03:00")] // and starts on Sunday 29 March
    public async Task Stored_AcrossASummerTimeChange_OpensAtTheLocalHour(string start, string expected)
    {
        var calendar = await app.CalendarAsync();
        var (from, to) = (DateTimeOffset.Parse(start), DateTimeOffset.Parse(expected));

        Assert.Equal(to, calendar.Add(from, TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(1), calendar.Between(from, to));
    }
}

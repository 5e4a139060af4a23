using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Open311.Api.Hosting;
using Open311.Core.Audit;
using Open311.Core.Calendar;
using Open311.Core.Catalog;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Calendar;

/// <summary>/admin/calendar: the weekly hours and own days, checked, audited, and seen by every instance.</summary>
public class CalendarAdminTests(CalendarAdminTests.CalendarApp app) : IClassFixture<CalendarAdminTests.CalendarApp>
{
    /// <summary>The service; a second instance may share its database.</summary>
    public sealed class CalendarApp : Open311App
    {
        public CalendarApp()
        {
        }

        private CalendarApp(CalendarApp first)
            : base(first)
        {
        }

        public Task<CalendarApp> StartSecondInstanceAsync() => StartSharingAsync(new CalendarApp(this));
    }

    [Fact]
    public async Task WeeklyHours_BadInput_NamesEachField_AndChangesNothing()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (_, before) = await admin.GetAsync("/admin/calendar");

        var problem = AdminClient.AssertProblem(await admin.PutAsync("/admin/calendar", new
        {
            weekdays = new[]
            {
                new { weekday = "monday", opens = "14:30", closes = "08:00" },
                new { weekday = "funday", opens = "08:00", closes = "14:30" },
                new { weekday = "tuesday", opens = "8:00", closes = "14:30" },
                new { weekday = "wednesday", opens = "08:00", closes = "24:00" },
                new { weekday = "thursday", opens = "08:00", closes = "14:30" },
                new { weekday = "thursday", opens = "09:00", closes = "13:00" },
            },
        }), HttpStatusCode.BadRequest);
        var empty = AdminClient.AssertProblem(await admin.PutAsync("/admin/calendar", new { weekdays = Array.Empty<object>() }), HttpStatusCode.BadRequest);

        Assert.Equal(["weekdays[0].closes", "weekdays[1].weekday", "weekdays[2].opens", "weekdays[3].closes", "weekdays[5].weekday"], Fields(problem));
        Assert.Contains("after opens", Error(problem, "weekdays[0].closes"));
        Assert.Contains("HH:mm", Error(problem, "weekdays[2].opens"));
        Assert.Contains("twice", Error(problem, "weekdays[5].weekday"));
        Assert.Equal(["weekdays"], Fields(empty));
        var (_, after) = await admin.GetAsync("/admin/calendar");
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Fact]
    public async Task OwnDays_BadInput_NamesEachField()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        async Task<string> RefusedAsync(object day) =>
            Assert.Single(Fields(AdminClient.AssertProblem(await admin.PostAsync("/admin/calendar/days", day), HttpStatusCode.BadRequest)));

        Assert.Equal("year", await RefusedAsync(new { year = 2100, month = 1, day = 2, name_el = "Μετά" }));
        Assert.Equal("month", await RefusedAsync(new { month = 13, day = 1, name_el = "Τρισκαιδέκατος" }));
        Assert.Equal("day", await RefusedAsync(new { month = 2, day = 29, name_el = "Άγιος Κασσιανός" }));
        Assert.Equal("day", await RefusedAsync(new { year = 2026, month = 4, day = 31, name_el = "Καμία" }));
        Assert.Equal("working", await RefusedAsync(new { month = 1, day = 6, working = true, name_el = "Πάντα ανοιχτά" }));
        Assert.Equal("working", await RefusedAsync(new { year = 2026, month = 6, day = 2, working = true, name_el = "Τρίτη" }));
        Assert.Equal("name", await RefusedAsync(new { year = 2026, month = 12, day = 31, name_en = "New Year's Eve" }));
        Assert.Equal("name", await RefusedAsync(new { year = 2026, month = 12, day = 31, name_el = "Παραμονή", names = new Dictionary<string, string> { ["de"] = "Silvester" } }));
        var (added, body) = await admin.PostAsync("/admin/calendar/days", new { year = 2026, month = 12, day = 24, name_el = "Παραμονή Χριστουγέννων" });
        Assert.True(added.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("day", await RefusedAsync(new { year = 2026, month = 12, day = 24, name_el = "Ξανά" }));
        Assert.Equal(["year"], Fields(AdminClient.AssertProblem(await admin.GetAsync("/admin/calendar/holidays?year=1899"), HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task PatronSaintAndMovedMayDay_ShapeTheYearsHolidays_InTheCallersLanguage_AndAreAudited()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var saint = await AddAsync(admin, new { month = 11, day = 11, name_el = "Άγιος Μηνάς", name_en = "Saint Menas" });
        await AddAsync(admin, new { year = 2024, month = 5, day = 1, working = true, name_el = "Πρωτομαγιά (μετατέθηκε)", name_en = "Labour Day (moved)" });
        var moved = await AddAsync(admin, new { year = 2024, month = 5, day = 7, name_el = "Πρωτομαγιά", name_en = "Labour Day" });

        var english = await HolidaysAsync(admin, 2024, "en");
        var greek = await HolidaysAsync(admin, 2024, "el");

        Assert.Equal(12 - 1 + 2, english.Count);
        Assert.DoesNotContain(english, d => d.GetProperty("date").GetString() == "2024-05-01");
        var seventh = english.Single(d => d.GetProperty("date").GetString() == "2024-05-07");
        Assert.Equal(("jurisdiction", moved, "Labour Day"), (seventh.GetProperty("source").GetString(), seventh.GetProperty("day_id").GetInt64(), seventh.GetProperty("name").GetString()));
        var newYear = english[0];
        Assert.Equal(("2024-01-01", "national", "new-year", "New Year's Day"),
            (newYear.GetProperty("date").GetString(), newYear.GetProperty("source").GetString(), newYear.GetProperty("code").GetString(), newYear.GetProperty("name").GetString()));
        Assert.Equal("Άγιος Μηνάς", greek.Single(d => d.GetProperty("date").GetString() == "2024-11-11").GetProperty("name").GetString());
        Assert.Contains(await HolidaysAsync(admin, 2031, "el"), d => d.GetProperty("date").GetString() == "2031-11-11");

        var created = Assert.Single(await TrailAsync(admin, AuditEntity.CalendarDay, saint));
        Assert.Equal((AuditAction.Created, "Άγιος Μηνάς"), (created.GetProperty("action").GetString(), created.GetProperty("after").GetProperty("name_el").GetString()));
        Assert.StartsWith("staff:", created.GetProperty("actor").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/admin/calendar/days/{saint}")).Response.StatusCode);
        Assert.Equal(AuditAction.Deleted, (await TrailAsync(admin, AuditEntity.CalendarDay, saint))[0].GetProperty("action").GetString());
        Assert.DoesNotContain(await HolidaysAsync(admin, 2031, "el"), d => d.GetProperty("date").GetString() == "2031-11-11");
    }

    [Fact]
    public async Task AnyStaffReads_OnlyAdminsChange()
    {
        var viewer = await AdminClient.SignInAsync(app, "viewer");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/admin/calendar")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/admin/calendar/days")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/admin/calendar/holidays?year=2026")).Response.StatusCode);
        AdminClient.AssertProblem(await viewer.PutAsync("/admin/calendar", new { weekdays = new[] { new { weekday = "monday", opens = "08:00", closes = "14:30" } } }),
            HttpStatusCode.Forbidden);
        AdminClient.AssertProblem(await viewer.PostAsync("/admin/calendar/days", new { month = 8, day = 1, name_el = "Κάτι" }), HttpStatusCode.Forbidden);
        AdminClient.AssertProblem(await viewer.DeleteAsync("/admin/calendar/days/1"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AChangeThroughOneInstance_ReachesTheCalendarTheOtherKeeps()
    {
        await using var second = await app.StartSecondInstanceAsync();
        var kept = second.Services.GetRequiredService<WorkingCalendars>();
        // Only once change notices arrive does the second instance keep calendars (before, every read loads).
        await Eventually.TrueAsync(() => second.Services.GetRequiredService<CatalogChanges>().NoticesArrive);
        var calendar = await kept.ForAsync(DemoCatalog.JurisdictionId, CancellationToken.None);
        Assert.Same(calendar, await kept.ForAsync(DemoCatalog.JurisdictionId, CancellationToken.None));
        var saturday = new DateOnly(2026, 12, 5);
        Assert.False(calendar!.IsWorkingDay(saturday));

        var admin = await AdminClient.SignInAsync(app, "admin");
        var (response, body) = await admin.PutAsync("/admin/calendar", new
        {
            weekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" }
                .Select(d => new { weekday = d, opens = "08:00", closes = d == "saturday" ? "13:00" : "14:30" }),
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.False(body.GetProperty("is_default").GetBoolean());
        Assert.Equal(("saturday", "13:00"), (body.GetProperty("weekdays")[5].GetProperty("weekday").GetString(), body.GetProperty("weekdays")[5].GetProperty("closes").GetString()));

        Assert.True((await app.Services.GetRequiredService<WorkingCalendars>().ForAsync(DemoCatalog.JurisdictionId, CancellationToken.None))!.IsWorkingDay(saturday));
        await Eventually.TrueAsync(async () => (await kept.ForAsync(DemoCatalog.JurisdictionId, CancellationToken.None))!.IsWorkingDay(saturday));
        var changed = Assert.Single(await TrailAsync(admin, AuditEntity.WorkingHours, $"{DemoCatalog.JurisdictionId},Saturday"));
        Assert.Equal(AuditAction.Created, changed.GetProperty("action").GetString());
    }

    private static async Task<long> AddAsync(AdminClient admin, object day)
    {
        var (response, body) = await admin.PostAsync("/admin/calendar/days", day);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal($"/admin/calendar/days/{body.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        return body.GetProperty("id").GetInt64();
    }

    private static async Task<List<JsonElement>> HolidaysAsync(AdminClient admin, int year, string locale)
    {
        var (response, body) = await admin.GetAsync($"/admin/calendar/holidays?year={year}&locale={locale}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return [.. body.EnumerateArray()];
    }

    /// <summary>Newest first.</summary>
    private static async Task<List<JsonElement>> TrailAsync(AdminClient admin, string entity, object id)
    {
        var (response, body) = await admin.GetAsync($"/admin/audit?entity={entity}&entity_id={Uri.EscapeDataString(id.ToString()!)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. body.EnumerateArray()];
    }

    private static List<string> Fields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)];

    private static string Error(JsonElement problem, string field) => string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
}

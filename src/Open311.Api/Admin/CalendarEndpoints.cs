using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Open311.Api.Auth;
using Open311.Core;
using Open311.Core.Calendar;

namespace Open311.Api.Admin;

/// <summary>
/// The jurisdiction's working calendar, which service-level clocks count in: its weekly hours, its
/// own days (the patron saint's day, a moved May Day) on top of the national holidays, and the
/// closed days of a year as they come out. Any member of staff reads it; administrators change it.
/// </summary>
public static class CalendarEndpoints
{
    /// <summary>One weekday worked: <c>weekday</c> is <c>monday</c>…<c>sunday</c>, <c>opens</c> and <c>closes</c> local times as HH:mm.</summary>
    public sealed record WeekdayView(string Weekday, string Opens, string Closes);

    /// <summary>The weekly hours in the jurisdiction's <c>time_zone</c>; <c>is_default</c> when none are stored (Monday to Friday, 08:00–14:30).</summary>
    public sealed record WeekView(string TimeZone, bool IsDefault, List<WeekdayView> Weekdays);

    /// <summary>The weekdays worked; a weekday left out is not worked.</summary>
    public sealed record WeekInput(List<WeekdayView> Weekdays);

    /// <summary>
    /// An own day: every year on <c>month</c>/<c>day</c> when <c>year</c> is null, else once; <c>working</c> for a holiday worked
    /// that year (the May Day moved away). The name as <see cref="TextInput"/> takes it.
    /// </summary>
    public sealed record DayView(long Id, int? Year, int Month, int Day, bool Working, string NameEl, string NameEn, Dictionary<string, string> Names);

    /// <summary>An own day to add; without <c>year</c> it is closed every year.</summary>
    public sealed record DayInput(int Month, int Day, int? Year = null, bool Working = false, string NameEl = "", string NameEn = "",
        Dictionary<string, string>? Names = null);

    /// <summary>A closed day: a national holiday (<c>source</c> national, with its <c>code</c>) or an own one (jurisdiction, with its <c>day_id</c>); the name in the caller's language.</summary>
    public sealed record ClosedDayView(DateOnly Date, ClosedDaySource Source, string? Code, long? DayId, string Name);

    public sealed record HolidaysQuery
    {
        [FromQuery(Name = "year"), Description("The year, 1900 to 2099; default this year in the jurisdiction's time zone.")]
        public int? Year { get; init; }
    }

    public static void MapCalendar(this IEndpointRouteBuilder routes)
    {
        var calendar = routes.MapGroup("/calendar");
        calendar.MapGet("", Get).WithName("GetCalendar").WithSummary("The weekly working hours service-level clocks count in");
        calendar.MapPut("", Update).WithName("UpdateCalendar")
            .WithSummary("Replace the weekly working hours: each weekday worked with its opening and closing time; one left out is not worked")
            .RequireAuthorization(AuthRegistration.Policies.Admin).Produces<WeekView>().ProducesValidationProblem();
        calendar.MapGet("/days", ListDays).WithName("ListCalendarDays").WithSummary("The jurisdiction's own days: every year's, then those of one year");
        calendar.MapPost("/days", AddDay).WithName("AddCalendarDay")
            .WithSummary("Add an own day: closed every year (no year), closed once, or worked once although a holiday (working)")
            .RequireAuthorization(AuthRegistration.Policies.Admin).Produces<DayView>(StatusCodes.Status201Created).ProducesValidationProblem();
        calendar.MapDelete("/days/{id:long}", DeleteDay).WithName("DeleteCalendarDay").WithSummary("Remove an own day")
            .RequireAuthorization(AuthRegistration.Policies.Admin).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        calendar.MapGet("/holidays", Holidays).WithName("ListHolidays")
            .WithSummary("The days of a year the jurisdiction is closed: national holidays and its own, less those worked instead")
            .WithDescription("Names in the caller's language: locale, else Accept-Language, among the jurisdiction's languages, else its default.")
            .Produces<List<ClosedDayView>>().ProducesValidationProblem();
    }

    public static async Task<Ok<WeekView>> Get(ClaimsPrincipal user, CalendarAdministration calendars, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await calendars.WeekAsync(user.Actor().JurisdictionId, cancellationToken)));

    public static async Task<IResult> Update(WeekInput input, ClaimsPrincipal user, CalendarAdministration calendars, CancellationToken cancellationToken) =>
        Problems.From(await calendars.SetWeekAsync(user.Actor(),
                [.. input.Weekdays.Select(d => new CalendarAdministration.HoursDraft(d.Weekday, d.Opens, d.Closes))], cancellationToken),
            week => TypedResults.Ok(View(week)));

    public static async Task<Ok<List<DayView>>> ListDays(ClaimsPrincipal user, CalendarAdministration calendars, CancellationToken cancellationToken) =>
        TypedResults.Ok((await calendars.DaysAsync(user.Actor().JurisdictionId, cancellationToken)).Select(View).ToList());

    public static Task<IResult> AddDay(DayInput input, ClaimsPrincipal user, CalendarAdministration calendars, CancellationToken cancellationToken)
    {
        var texts = new TextInput();
        var draft = new CalendarAdministration.DayDraft(input.Year, input.Month, input.Day, input.Working,
            texts.Read("name", "name", input.NameEl, input.NameEn, input.Names));
        return Problems.FromAsync(texts.Conflicts, () => calendars.AddDayAsync(user.Actor(), draft, cancellationToken),
            day => TypedResults.Created($"{AdminApi.BasePath}/calendar/days/{day.Id}", View(day)));
    }

    public static async Task<IResult> DeleteDay(long id, ClaimsPrincipal user, CalendarAdministration calendars, CancellationToken cancellationToken) =>
        Problems.From(await calendars.DeleteDayAsync(user.Actor(), id, cancellationToken), _ => TypedResults.NoContent());

    public static async Task<IResult> Holidays([AsParameters] HolidaysQuery query, ClaimsPrincipal user, CalendarAdministration calendars,
        StaffLanguage language, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var chosen = await language.ForAsync(actor, cancellationToken);
        return Problems.From(await calendars.ClosedDaysAsync(actor.JurisdictionId, query.Year, cancellationToken),
            days => TypedResults.Ok(days.Select(d => new ClosedDayView(d.Date, d.Source, d.Code, d.DayId, d.Name.In(chosen))).ToList()));
    }

    /// <summary>Monday first, as a Greek week starts.</summary>
    private static WeekView View(CalendarAdministration.Week week) => new(week.TimeZone, week.IsDefault, [.. week.Hours.Days
        .OrderBy(d => ((int)d.Key + 6) % 7)
        .Select(d => new WeekdayView(d.Key.ToOpen311(), Time(d.Value.Opens), Time(d.Value.Closes)))]);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static DayView View(CalendarDay d) => new(d.Id, d.Year, d.Month, d.Day, d.Working, d.Name["el"], d.Name["en"], TextInput.Map(d.Name));
}

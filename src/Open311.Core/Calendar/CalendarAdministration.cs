using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Calendar;

/// <summary>
/// A jurisdiction's working calendar as administrators keep it: its weekly hours and its own days,
/// checked here and saved with their audit record; and the closed days of a year as they come out.
/// </summary>
public sealed class CalendarAdministration(Open311Db db, TimeProvider clock)
{
    /// <summary>One weekday's hours as an administrator gives them: <c>monday</c>…<c>sunday</c>, times as <c>HH:mm</c> local time.</summary>
    public sealed record HoursDraft(string Weekday, string Opens, string Closes);

    /// <summary>An own day as an administrator gives it: every year when <paramref name="Year"/> is null.</summary>
    public sealed record DayDraft(int? Year, int Month, int Day, bool Working, LocalizedText Name);

    /// <summary>The weekly hours that apply in the jurisdiction's time zone, and whether they are the default because none are stored.</summary>
    public sealed record Week(string TimeZone, WeeklyHours Hours, bool IsDefault);

    private const string TimeFormat = "HH:mm";

    private static readonly Dictionary<string, DayOfWeek> Weekdays = Enum.GetValues<DayOfWeek>().ToDictionary(d => d.ToOpen311());

    public async Task<Week> WeekAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        var jurisdiction = await db.JurisdictionAsync(jurisdictionId, cancellationToken);
        var rows = await db.WorkingHours.AsNoTracking().Where(h => h.JurisdictionId == jurisdictionId).ToListAsync(cancellationToken);
        return new(jurisdiction.TimeZone, WeekdayHours.Week(rows), rows.Count == 0);
    }

    /// <summary>The week as given replaces the stored one: a weekday left out is not worked.</summary>
    public async Task<AdminResult<Week>> SetWeekAsync(StaffActor actor, IReadOnlyList<HoursDraft> weekdays, CancellationToken cancellationToken)
    {
        var (week, errors) = Read(weekdays);
        if (errors.Count > 0)
        {
            return AdminResult<Week>.Invalid(errors);
        }

        // The week's rows are replaced as one: saves of it queue on the jurisdiction's row.
        await using var transaction = await db.BeginExclusiveChangeAsync<Jurisdiction>(actor.JurisdictionId, cancellationToken);
        var stored = (await db.WorkingHours.Where(h => h.JurisdictionId == actor.JurisdictionId).ToListAsync(cancellationToken)).ToDictionary(h => h.Weekday);
        db.WorkingHours.RemoveRange(stored.Values.Where(h => !week.ContainsKey(h.Weekday)));
        foreach (var (weekday, (opens, closes)) in week)
        {
            if (!stored.TryGetValue(weekday, out var row))
            {
                row = WeekdayHours.For(actor.JurisdictionId, weekday);
                db.WorkingHours.Add(row);
            }

            row.Set(opens, closes);
        }

        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult<Week>.Done(await WeekAsync(actor.JurisdictionId, cancellationToken));
    }

    /// <summary>The own days: every year's first, then by date.</summary>
    public Task<List<CalendarDay>> DaysAsync(string jurisdictionId, CancellationToken cancellationToken) =>
        db.CalendarDays.AsNoTracking().Where(d => d.JurisdictionId == jurisdictionId)
            .OrderBy(d => d.Year != null).ThenBy(d => d.Year).ThenBy(d => d.Month).ThenBy(d => d.Day).ToListAsync(cancellationToken);

    public async Task<AdminResult<CalendarDay>> AddDayAsync(StaffActor actor, DayDraft draft, CancellationToken cancellationToken)
    {
        if (await CheckAsync(actor, draft, cancellationToken) is { Count: > 0 } errors)
        {
            return AdminResult<CalendarDay>.Invalid(errors);
        }

        var day = CalendarDay.Of(actor.JurisdictionId, draft.Year, draft.Month, draft.Day, draft.Working, draft.Name);
        db.CalendarDays.Add(day);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<CalendarDay>.Done(day);
    }

    public async Task<AdminResult<long>> DeleteDayAsync(StaffActor actor, long id, CancellationToken cancellationToken)
    {
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id && d.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (day is null)
        {
            return AdminResult<long>.NotFound($"no calendar day {id}");
        }

        db.CalendarDays.Remove(day);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<long>.Done(id);
    }

    /// <summary>The days of <paramref name="year"/> (this year in the jurisdiction's zone when null) the jurisdiction is closed (<see cref="ClosedDays"/>).</summary>
    public async Task<AdminResult<IReadOnlyList<ClosedDay>>> ClosedDaysAsync(string jurisdictionId, int? year, CancellationToken cancellationToken)
    {
        var jurisdiction = await db.JurisdictionAsync(jurisdictionId, cancellationToken);
        var chosen = year ?? TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(jurisdiction.TimeZone)).Year;
        return YearProblem(chosen) is { } problem
            ? AdminResult<IReadOnlyList<ClosedDay>>.Invalid([new("year", problem)])
            : AdminResult<IReadOnlyList<ClosedDay>>.Done(ClosedDays.In(chosen, await DaysAsync(jurisdictionId, cancellationToken)));
    }

    /// <summary>The week the drafts describe, and what is wrong with them, each under the field it names.</summary>
    private static (Dictionary<DayOfWeek, (TimeOnly Opens, TimeOnly Closes)> Week, List<FieldError> Errors) Read(IReadOnlyList<HoursDraft> weekdays)
    {
        var (week, errors) = (new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>(), new List<FieldError>());
        if (weekdays.Count == 0)
        {
            errors.Add(new("weekdays", "at least one weekday must be worked: a calendar without working hours would never start a clock"));
        }

        foreach (var (draft, index) in weekdays.Select((d, i) => (d, i)))
        {
            var field = $"weekdays[{index}]";
            var known = Weekdays.TryGetValue(draft.Weekday, out var weekday);
            if (!known)
            {
                errors.Add(new($"{field}.weekday", $"one of {string.Join(", ", Weekdays.Keys)}"));
            }
            else if (week.ContainsKey(weekday))
            {
                errors.Add(new($"{field}.weekday", $"{draft.Weekday} is given twice"));
            }

            var opens = Time(draft.Opens, $"{field}.opens", errors);
            var closes = Time(draft.Closes, $"{field}.closes", errors);
            if (opens is { } from && closes is { } to && from >= to)
            {
                errors.Add(new($"{field}.closes", $"must be after opens ({draft.Opens}): a working day ends the day it starts"));
            }
            else if (known && opens is { } o && closes is { } c)
            {
                week.TryAdd(weekday, (o, c));
            }
        }

        return (week, errors);
    }

    private static TimeOnly? Time(string text, string field, List<FieldError> errors)
    {
        if (TimeOnly.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(new(field, $"a local time as {TimeFormat}, e.g. 08:00 or 14:30"));
        return null;
    }

    private async Task<List<FieldError>> CheckAsync(StaffActor actor, DayDraft draft, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        errors.Check(await db.JurisdictionAsync(actor.JurisdictionId, cancellationToken), "name", "name", draft.Name, required: true);
        if (draft.Year is { } given && YearProblem(given) is { } problem)
        {
            errors.Add(new("year", problem));
            return errors;
        }

        if (draft.Month is < 1 or > 12)
        {
            errors.Add(new("month", "1 to 12"));
            return errors;
        }

        // Every year's day must be in every year: 29 February is not.
        var days = draft.Year is { } year ? DateTime.DaysInMonth(year, draft.Month) : DateTime.DaysInMonth(2001, draft.Month);
        if (draft.Day < 1 || draft.Day > days)
        {
            errors.Add(new("day", draft.Year is null && draft.Month == 2 && draft.Day == 29
                ? "29 February is not in every year: give the year"
                : $"1 to {days} in that month"));
            return errors;
        }

        var own = await DaysAsync(actor.JurisdictionId, cancellationToken);
        if (own.FirstOrDefault(d => d.Year == draft.Year && d.Month == draft.Month && d.Day == draft.Day) is { } taken)
        {
            errors.Add(new("day", $"{Describe(draft)} is already one of the jurisdiction's days (id {taken.Id}): delete it first"));
        }
        else if (draft.Working)
        {
            errors.AddRange(WorkingProblems(draft, own));
        }

        return errors;
    }

    /// <summary>A day worked must be a holiday otherwise (national, or one of every year's own), and in a given year.</summary>
    private static IEnumerable<FieldError> WorkingProblems(DayDraft draft, List<CalendarDay> own)
    {
        if (draft.Year is not { } year)
        {
            yield return new("working", "only a day in a given year can be worked (give year): every year's days are holidays");
            yield break;
        }

        var date = new DateOnly(year, draft.Month, draft.Day);
        if (!ClosedDays.In(year, own).Any(d => d.Date == date))
        {
            yield return new("working", $"{date:yyyy-MM-dd} is no holiday there: there is nothing to work instead");
        }
    }

    private static string? YearProblem(int year) => year is < GreekHolidays.FirstYear or > GreekHolidays.LastYear
        ? $"{GreekHolidays.FirstYear} to {GreekHolidays.LastYear}, the years whose national holidays are computed"
        : null;

    private static string Describe(DayDraft draft) =>
        draft.Year is { } year ? $"{new DateOnly(year, draft.Month, draft.Day):yyyy-MM-dd}" : $"every {draft.Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(draft.Month)}";
}

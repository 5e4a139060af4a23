using Open311.Core.Catalog;

namespace Open311.Core.Calendar;

public enum ClosedDaySource
{
    /// <summary>A Greek public holiday (<see cref="GreekHolidays"/>).</summary>
    National,
    /// <summary>One of the jurisdiction's own days (<see cref="CalendarDay"/>).</summary>
    Jurisdiction,
}

/// <summary>A day a jurisdiction does not work although its weekday has hours, and why: a national holiday's code, or its own day's id.</summary>
public sealed record ClosedDay(DateOnly Date, ClosedDaySource Source, string? Code, long? DayId, LocalizedText Name);

/// <summary>The one rule for which days of a year a jurisdiction is closed: the working calendar and the admin listing both ask it.</summary>
public static class ClosedDays
{
    /// <summary>
    /// The national holidays and the jurisdiction's own closed days (every year's and this year's),
    /// less the days it works this year although they are holidays (a moved May Day), in date order.
    /// A date may appear twice when an own day falls on a national holiday (a patron saint's 15 August).
    /// </summary>
    public static IReadOnlyList<ClosedDay> In(int year, IReadOnlyCollection<CalendarDay> own)
    {
        var worked = own.Where(d => d.Working && d.Year == year).Select(d => d.In(year)!.Value).ToHashSet();
        var national = GreekHolidays.For(year).Select(h => new ClosedDay(h.Date, ClosedDaySource.National, h.Code, null, h.Name));
        var jurisdiction = own.Where(d => !d.Working && d.In(year) is not null)
            .Select(d => new ClosedDay(d.In(year)!.Value, ClosedDaySource.Jurisdiction, null, d.Id, d.Name));
        return [.. national.Concat(jurisdiction).Where(d => !worked.Contains(d.Date)).OrderBy(d => d.Date).ThenBy(d => d.Source)];
    }
}

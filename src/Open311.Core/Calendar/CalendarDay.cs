using Open311.Core.Catalog;

namespace Open311.Core.Calendar;

/// <summary>
/// A day of a jurisdiction's own: closed every year (<see cref="Year"/> null: the patron saint's
/// day), or once, closed (an extra holiday) or <see cref="Working"/> although it is otherwise a
/// holiday (a May Day moved by ministerial decision is worked on 1 May and closed on the day it moved to).
/// </summary>
public class CalendarDay
{
    public long Id { get; private set; }
    public string JurisdictionId { get; private set; } = "";
    /// <summary>Null for a day closed every year.</summary>
    public int? Year { get; private set; }
    public int Month { get; private set; }
    public int Day { get; private set; }
    public bool Working { get; private set; }
    public LocalizedText Name { get; private set; } = LocalizedText.Empty;

    internal static CalendarDay Of(string jurisdictionId, int? year, int month, int day, bool working, LocalizedText name) =>
        new() { JurisdictionId = jurisdictionId, Year = year, Month = month, Day = day, Working = working, Name = name };

    /// <summary>The date it falls on in <paramref name="year"/>, if it falls in that year.</summary>
    public DateOnly? In(int year) => Year is null || Year == year ? new DateOnly(year, Month, Day) : null;
}

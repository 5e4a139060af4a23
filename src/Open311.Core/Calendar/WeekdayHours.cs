namespace Open311.Core.Calendar;

/// <summary>
/// The stored hours of one weekday a jurisdiction works, in its local time. A weekday without a
/// row is not worked; a jurisdiction without any row works <see cref="WeeklyHours.MunicipalOffice"/>.
/// </summary>
public class WeekdayHours
{
    public string JurisdictionId { get; private set; } = "";
    public DayOfWeek Weekday { get; private set; }
    public TimeOnly Opens { get; private set; }
    public TimeOnly Closes { get; private set; }

    internal static WeekdayHours For(string jurisdictionId, DayOfWeek weekday) => new() { JurisdictionId = jurisdictionId, Weekday = weekday };

    internal void Set(TimeOnly opens, TimeOnly closes) => (Opens, Closes) = (opens, closes);

    /// <summary>The week the rows describe; no rows is the municipal office's week.</summary>
    public static WeeklyHours Week(IReadOnlyCollection<WeekdayHours> rows) => rows.Count == 0
        ? WeeklyHours.MunicipalOffice
        : new(rows.ToDictionary(r => r.Weekday, r => new WorkingDay(r.Opens, r.Closes)));
}

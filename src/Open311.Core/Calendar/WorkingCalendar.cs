namespace Open311.Core.Calendar;

/// <summary>
/// Working time in one jurisdiction: its weekly hours in its time zone, less the days it is closed.
/// Service-level clocks run only in this time, so a request left at 19:40 on a Friday starts its
/// clock at the next opening (Monday 08:00 unless that is a holiday). Working hours are local
/// times; each day is converted on its own, so summer time is handled day by day.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>The days the calendar knows: those whose national holidays <see cref="GreekHolidays"/> can compute.</summary>
    public static readonly DateOnly FirstDay = new(GreekHolidays.FirstYear, 1, 1);
    public static readonly DateOnly LastDay = new(GreekHolidays.LastYear, 12, 31);

    private readonly TimeZoneInfo _zone;
    private readonly WeeklyHours _hours;
    private readonly Func<int, IReadOnlySet<DateOnly>> _closedDaysOf;
    private readonly Dictionary<int, IReadOnlySet<DateOnly>> _closedByYear = [];
    private readonly Lock _closedLock = new();

    /// <param name="zone">The jurisdiction's time zone.</param>
    /// <param name="hours">Working hours per weekday, in local time.</param>
    /// <param name="closedDaysOf">The days of a year the jurisdiction does not work although its weekday has hours (its holidays).</param>
    public WorkingCalendar(TimeZoneInfo zone, WeeklyHours hours, Func<int, IReadOnlySet<DateOnly>> closedDaysOf)
    {
        if (hours.Days.Values.All(day => day.Length <= TimeSpan.Zero))
        {
            throw new ArgumentException("a working calendar needs at least one weekday with working hours", nameof(hours));
        }

        (_zone, _hours, _closedDaysOf) = (zone, hours, closedDaysOf);
    }

    /// <summary>Greek national holidays and the weekly hours given, in the zone given.</summary>
    public static WorkingCalendar National(TimeZoneInfo zone, WeeklyHours hours) =>
        new(zone, hours, year => GreekHolidays.For(year).Select(h => h.Date).ToHashSet());

    public TimeZoneInfo Zone => _zone;

    public bool IsWorkingDay(DateOnly date) => _hours.On(date.DayOfWeek) is { Length.Ticks: > 0 } && !ClosedDays(date.Year).Contains(date);

    /// <summary>The same moment if the clock runs then, else the next opening (null past <see cref="LastDay"/>).</summary>
    public DateTimeOffset? NextWorkingMoment(DateTimeOffset moment) => Add(moment, TimeSpan.Zero);

    /// <summary>
    /// The moment when <paramref name="workingTime"/> of working time has passed after <paramref name="start"/>;
    /// null when that much working time does not fit before the end of <see cref="LastDay"/>, so a target
    /// of decades on a calendar of a few hours a week has no due time rather than an error.
    /// </summary>
    public DateTimeOffset? Add(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var remaining = workingTime;
        foreach (var (opens, closes) in WindowsFrom(start))
        {
            var from = opens > start ? opens : start;
            if (closes - from >= remaining)
            {
                return from + remaining;
            }

            remaining -= closes - from;
        }

        return null;
    }

    /// <summary>The working time between two moments (zero if <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var (opens, closes) in WindowsFrom(from))
        {
            if (opens >= to)
            {
                break;
            }

            total += (closes < to ? closes : to) - (opens > from ? opens : from);
        }

        return total;
    }

    /// <summary>
    /// Each working day's open window, in UTC, from the day of <paramref name="start"/> to <see cref="LastDay"/>,
    /// skipping windows already over. Callers stop early; a moment before <see cref="FirstDay"/> starts there.
    /// </summary>
    private IEnumerable<(DateTimeOffset Opens, DateTimeOffset Closes)> WindowsFrom(DateTimeOffset start)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, _zone).DateTime);
        for (var day = local < FirstDay ? FirstDay : local; day <= LastDay; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var hours = _hours.On(day.DayOfWeek)!;
            var (opens, closes) = (Utc(day, hours.Opens), Utc(day, hours.Closes));
            if (closes > start)
            {
                yield return (opens, closes);
            }
        }
    }

    private DateTimeOffset Utc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        // Working hours never fall in the hour summer time skips; if one did, take the hour after.
        if (_zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, _zone), TimeSpan.Zero);
    }

    private IReadOnlySet<DateOnly> ClosedDays(int year)
    {
        lock (_closedLock)
        {
            if (!_closedByYear.TryGetValue(year, out var closed))
            {
                closed = _closedDaysOf(year);
                _closedByYear[year] = closed;
            }

            return closed;
        }
    }
}

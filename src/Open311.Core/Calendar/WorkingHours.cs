namespace Open311.Core.Calendar;

/// <summary>When a working day's clock runs, in the jurisdiction's local time.</summary>
public sealed record WorkingDay(TimeOnly Opens, TimeOnly Closes)
{
    public TimeSpan Length => Closes - Opens;
}

/// <summary>The working hours of each weekday; a weekday without hours is not worked.</summary>
public sealed record WeeklyHours(IReadOnlyDictionary<DayOfWeek, WorkingDay> Days)
{
    /// <summary>A Greek municipality's desk: Monday to Friday, 08:00–14:30 (Heraklion's line).</summary>
    public static WeeklyHours MunicipalOffice { get; } = new(
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(day => day, _ => new WorkingDay(new TimeOnly(8, 0), new TimeOnly(14, 30))));

    public WorkingDay? On(DayOfWeek day) => Days.GetValueOrDefault(day);
}

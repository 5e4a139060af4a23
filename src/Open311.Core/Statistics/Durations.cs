namespace Open311.Core.Statistics;

/// <summary>How long something took: median and 90th percentile, in calendar hours and in working hours (the service-level clock's).</summary>
public sealed record Durations(double? MedianHours, double? P90Hours, double? MedianWorkingHours, double? P90WorkingHours)
{
    // Two decimals of an hour (36 s) is finer than anyone reads a service level.
    internal static Durations Rounded(double? medianHours, double? p90Hours, double? medianWorkingHours, double? p90WorkingHours) =>
        new(Round(medianHours), Round(p90Hours), Round(medianWorkingHours), Round(p90WorkingHours));

    internal static double? Round(double? hours) => hours is { } value ? Math.Round(value, 2) : null;
}

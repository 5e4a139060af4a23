namespace Open311.Core.Statistics;

/// <summary>The periods of a time series, as PostgreSQL's <c>date_trunc</c> names them (weeks start on Monday, ISO).</summary>
public static class StatisticsInterval
{
    public static readonly IReadOnlyList<string> All = ["day", "week", "month"];

    /// <summary>More points than a chart can show is a mistake in the period, not a wish.</summary>
    public const int MaxPoints = 1000;

    /// <summary>How many periods [from, to) spans, at most: a guard before the query, not an exact count.</summary>
    public static double ApproximatePoints(string interval, DateTimeOffset from, DateTimeOffset to) =>
        (to - from).TotalDays / (interval switch { "week" => 7, "month" => 28, _ => 1 }) + 1;
}

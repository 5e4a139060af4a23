using Open311.Core.Statistics;

namespace Open311.Api.Admin;

/// <summary>The figures of a statistics row as CSV columns, named as the JSON's fields are (response_median_hours for response.median_hours).</summary>
public static class StatisticsCsvColumns
{
    public static readonly string[] Names =
    [
        "received", "resolved", "backlog", "reopened", "duplicates", "within_target",
        .. Durations("response"), .. Durations("resolution"),
    ];

    private static string[] Durations(string prefix) =>
        [$"{prefix}_median_hours", $"{prefix}_p90_hours", $"{prefix}_median_working_hours", $"{prefix}_p90_working_hours"];

    public static IEnumerable<string?> Values(GroupFigures figures) =>
    [
        CsvFile.Number(figures.Received), CsvFile.Number(figures.Resolved), CsvFile.Number(figures.Backlog), CsvFile.Number(figures.Reopened),
        CsvFile.Number(figures.Duplicates), CsvFile.Number(figures.WithinTarget),
        .. Values(figures.Response), .. Values(figures.Resolution),
    ];

    private static string?[] Values(Durations durations) =>
    [
        CsvFile.Number(durations.MedianHours), CsvFile.Number(durations.P90Hours), CsvFile.Number(durations.MedianWorkingHours),
        CsvFile.Number(durations.P90WorkingHours),
    ];
}

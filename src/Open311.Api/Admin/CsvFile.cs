using System.Globalization;
using CsvHelper;

namespace Open311.Api.Admin;

/// <summary>
/// How the admin API writes CSV (CsvHelper): UTF-8 with a byte order mark, without which
/// spreadsheet programs read Greek as mojibake; RFC 4180; cells that a spreadsheet would run as a
/// formula (=, +, -, @) escaped; times in the jurisdiction's zone with their offset.
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    /// <summary>A streamed download: <paramref name="write"/> writes the records as they come; nothing is collected first.</summary>
    public static IResult Download(string fileName, Func<CsvWriter, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        TypedResults.Stream(async stream =>
        {
            await using var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
            await write(csv, cancellationToken);
        }, ContentType, fileName);

    public static string? Time(DateTimeOffset? time, TimeZoneInfo zone) =>
        time is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : null;

    public static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}

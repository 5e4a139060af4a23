using System.Globalization;
using System.Text.RegularExpressions;

namespace Open311.Core;

/// <summary>Reads W3C/ISO 8601 datetimes as Open311 requires them: always with a zone offset.</summary>
public static partial class Iso8601
{
    // Years 1900-2999: wide enough for any request, and far from DateTimeOffset's limits when a window is added.
    [GeneratedRegex(@"^(19|2\d)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();

    /// <summary>
    /// False for anything but a full datetime with an offset: a time without a zone is ambiguous.
    /// The instant comes back in UTC, the only offset PostgreSQL's timestamptz parameters take.
    /// </summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (!WithOffset().IsMatch(text))
        {
            return false;
        }

        // "+0200" is valid ISO 8601; .NET wants "+02:00".
        var normalized = text.Length > 5 && text[^5] is '+' or '-' ? text.Insert(text.Length - 2, ":") : text;
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return false;
        }

        value = value.ToUniversalTime();
        return true;
    }

    /// <summary>Formats as <c>2026-03-01T09:15:00+02:00</c> in the given zone.</summary>
    public static string Format(DateTimeOffset value, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

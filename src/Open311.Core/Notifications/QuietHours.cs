using System.Globalization;

namespace Open311.Core.Notifications;

/// <summary>A daily window in local time, e.g. 21:00-08:00 (across midnight) or 13:00-17:00.</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>Null for an empty setting (no quiet hours); false for one that is not <c>HH:mm-HH:mm</c> with two different times.</summary>
    public static bool TryParse(string? text, out QuietHours? hours)
    {
        hours = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) && start != end)
        {
            hours = new QuietHours(start, end);
            return true;
        }

        return false;
    }

    /// <summary>When the window <paramref name="now"/> falls in ends (the next morning, say); null when it is not quiet now.</summary>
    public DateTimeOffset? EndAfter(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!quiet)
        {
            return null;
        }

        var endDay = time < End ? local.Date : local.Date.AddDays(1);
        var end = endDay + End.ToTimeSpan();
        // In UTC, as everything stored is (PostgreSQL's timestamptz takes no other offset).
        return new DateTimeOffset(end, zone.GetUtcOffset(end)).ToUniversalTime();
    }
}

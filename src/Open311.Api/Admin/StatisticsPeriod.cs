using Open311.Core;

namespace Open311.Api.Admin;

/// <summary>The [from, to) every statistics call takes: ISO 8601 with an offset, by default the last 30 days.</summary>
public static class StatisticsPeriod
{
    public static (DateTimeOffset From, DateTimeOffset To) Parse(string? from, string? to, DateTimeOffset now, List<(string, string)> errors)
    {
        var (start, end) = (now.AddDays(-30), now);
        if (from is { Length: > 0 } && !Iso8601.TryParse(from, out start))
        {
            errors.Add(("from", "must be an ISO 8601 datetime with a zone offset"));
        }

        if (to is { Length: > 0 } && !Iso8601.TryParse(to, out end))
        {
            errors.Add(("to", "must be an ISO 8601 datetime with a zone offset"));
        }

        if (end <= start)
        {
            errors.Add(("to", "must be after from"));
        }

        return (start, end);
    }
}

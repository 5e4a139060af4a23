using System.Globalization;
using Open311.Core;

namespace Open311.Api.Admin;

/// <summary>Reads a list's query fields as sent (text, so a bad value is a field error, not a binding failure), collecting what could not be read.</summary>
public sealed class QueryFields
{
    public List<(string Field, string Error)> Errors { get; } = [];

    public static string? Text(string? value) => value is { Length: > 0 } ? value.Trim() : null;
    public static string[]? List(string? value) => Text(value)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public long? Id(string? value, string name)
    {
        if (Text(value) is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        Errors.Add((name, "must be a numeric id"));
        return null;
    }

    public DateTimeOffset? Time(string? value, string name)
    {
        if (Text(value) is not { } text)
        {
            return null;
        }

        if (Iso8601.TryParse(text, out var time))
        {
            return time;
        }

        Errors.Add((name, "must be an ISO 8601 datetime with a zone offset"));
        return null;
    }

    public int Number(string? value, string name, int fallback, int max)
    {
        if (Text(value) is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }

        Errors.Add((name, $"must be a whole number from 1 to {max}"));
        return fallback;
    }

    public bool? Flag(string? value, string name)
    {
        switch (Text(value))
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Errors.Add((name, "must be true or false"));
                return null;
        }
    }
}

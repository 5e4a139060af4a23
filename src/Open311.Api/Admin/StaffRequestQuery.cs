using System.Globalization;
using Open311.Core;
using Open311.Core.Requests;

namespace Open311.Api.Admin;

/// <summary>Reads the staff list's query string into a <see cref="StaffRequestFilter"/>, or the field errors.</summary>
public static class StaffRequestQuery
{
    public static (StaffRequestFilter? Filter, List<(string, string)> Errors) Parse(IQueryCollection query, string jurisdictionId, int maxPageSize)
    {
        var errors = new List<(string, string)>();
        string? Text(string name) => query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
        string[]? List(string name) => Text(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        long? Id(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return id;
            }

            errors.Add((name, "must be a numeric id"));
            return null;
        }

        DateTimeOffset? Time(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (Iso8601.TryParse(text, out var time))
            {
                return time;
            }

            errors.Add((name, "must be an ISO 8601 datetime with a zone offset"));
            return null;
        }

        int Number(string name, int fallback, int max)
        {
            if (Text(name) is not { } text)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
            {
                return number;
            }

            errors.Add((name, $"must be a whole number from 1 to {max}"));
            return fallback;
        }

        var overdue = Text("overdue");
        if (overdue is not (null or "true" or "false"))
        {
            errors.Add(("overdue", "must be true or false"));
        }

        var filter = new StaffRequestFilter
        {
            JurisdictionId = jurisdictionId,
            States = List("state"),
            ServiceCodes = List("service_code"),
            DepartmentId = Id("department_id"),
            AssigneeId = Id("assignee_id"),
            AreaId = Id("area_id"),
            Text = Text("q"),
            From = Time("from"),
            To = Time("to"),
            Overdue = overdue == "true",
            Page = Number("page", 1, PageLimits.MaxPage),
            PageSize = Number("page_size", 50, maxPageSize),
        };
        return errors.Count > 0 ? (null, errors) : (filter, errors);
    }
}

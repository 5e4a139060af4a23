using System.Globalization;
using Open311.Core;
using Open311.Core.Requests;
using Open311.Core.Search;

namespace Open311.Api.Admin;

/// <summary>Checks the staff list's filters and makes them a <see cref="StaffRequestFilter"/>, or the field errors.</summary>
public static class StaffRequestQuery
{
    public static (StaffRequestFilter? Filter, List<(string, string)> Errors) Parse(StaffRequestSearch query, string jurisdictionId, int maxPageSize)
    {
        var errors = new List<(string, string)>();
        static string? Text(string? value) => value is { Length: > 0 } ? value.Trim() : null;
        static string[]? List(string? value) => Text(value)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        long? Id(string? value, string name)
        {
            if (Text(value) is not { } text)
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

        DateTimeOffset? Time(string? value, string name)
        {
            if (Text(value) is not { } text)
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

        int Number(string? value, string name, int fallback, int max)
        {
            if (Text(value) is not { } text)
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

        bool? Flag(string? value, string name)
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
                    errors.Add((name, "must be true or false"));
                    return null;
            }
        }

        List<RequestPriority>? priorities = null;
        if (List(query.Priority) is { } names)
        {
            priorities = [.. names.Select(n => Enum.TryParse<RequestPriority>(n, ignoreCase: true, out var p) && n.All(char.IsAsciiLetter) ? p : (RequestPriority?)null)
                .OfType<RequestPriority>()];
            if (priorities.Count != names.Length)
            {
                errors.Add(("priority", "low, normal, high or urgent, comma-separated"));
            }
        }

        var search = Text(query.Q);
        if (search is not null && TextSearch.Refusal(search) is { } refusal)
        {
            errors.Add(("q", refusal));
        }

        var order = Text(query.Sort) switch
        {
            null when search is not null => StaffRequestOrder.Relevance,
            null or "newest" => StaffRequestOrder.Newest,
            "resolution_due" => StaffRequestOrder.ResolutionDue,
            "relevance" when search is not null => StaffRequestOrder.Relevance,
            _ => (StaffRequestOrder?)null,
        };
        if (order is null)
        {
            errors.Add(("sort", "newest, resolution_due, or relevance (with q)"));
        }

        var filter = new StaffRequestFilter
        {
            JurisdictionId = jurisdictionId,
            States = List(query.State),
            ServiceCodes = List(query.ServiceCode),
            DepartmentId = Id(query.DepartmentId, "department_id"),
            AssigneeId = Id(query.AssigneeId, "assignee_id"),
            AreaId = Id(query.AreaId, "area_id"),
            Text = search,
            From = Time(query.From, "from"),
            To = Time(query.To, "to"),
            Overdue = Flag(query.Overdue, "overdue") == true,
            Breached = Flag(query.Breached, "breached"),
            DueBefore = Time(query.DueBefore, "due_before"),
            Priorities = priorities,
            Order = order ?? StaffRequestOrder.Newest,
            Page = Number(query.Page, "page", 1, PageLimits.MaxPage),
            PageSize = Number(query.PageSize, "page_size", 50, maxPageSize),
        };
        return errors.Count > 0 ? (null, errors) : (filter, errors);
    }
}

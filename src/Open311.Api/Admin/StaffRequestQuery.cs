using Open311.Core.Requests;
using Open311.Core.Search;

namespace Open311.Api.Admin;

/// <summary>Checks the staff list's filters and makes them a <see cref="StaffRequestFilter"/>, or the field errors.</summary>
public static class StaffRequestQuery
{
    public static (StaffRequestFilter? Filter, List<(string, string)> Errors) Parse(StaffRequestSearch query, string jurisdictionId, int maxPageSize)
    {
        var fields = new QueryFields();
        var errors = fields.Errors;

        List<RequestPriority>? priorities = null;
        if (QueryFields.List(query.Priority) is { } names)
        {
            priorities = [.. names.Select(n => Enum.TryParse<RequestPriority>(n, ignoreCase: true, out var p) && n.All(char.IsAsciiLetter) ? p : (RequestPriority?)null)
                .OfType<RequestPriority>()];
            if (priorities.Count != names.Length)
            {
                errors.Add(("priority", "low, normal, high or urgent, comma-separated"));
            }
        }

        var search = QueryFields.Text(query.Q);
        if (search is not null && TextSearch.Refusal(search) is { } refusal)
        {
            errors.Add(("q", refusal));
        }

        var order = QueryFields.Text(query.Sort) switch
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
            States = QueryFields.List(query.State),
            ServiceCodes = QueryFields.List(query.ServiceCode),
            DepartmentId = fields.Id(query.DepartmentId, "department_id"),
            AssigneeId = fields.Id(query.AssigneeId, "assignee_id"),
            AreaId = fields.Id(query.AreaId, "area_id"),
            Text = search,
            From = fields.Time(query.From, "from"),
            To = fields.Time(query.To, "to"),
            Overdue = fields.Flag(query.Overdue, "overdue") == true,
            Breached = fields.Flag(query.Breached, "breached"),
            DueBefore = fields.Time(query.DueBefore, "due_before"),
            Priorities = priorities,
            Order = order ?? StaffRequestOrder.Newest,
            Page = fields.Number(query.Page, "page", 1, PageLimits.MaxPage),
            PageSize = fields.Number(query.PageSize, "page_size", 50, maxPageSize),
        };
        return errors.Count > 0 ? (null, errors) : (filter, errors);
    }
}

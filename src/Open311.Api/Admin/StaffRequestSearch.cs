using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Open311.Api.Admin;

/// <summary>The staff list's filters as sent, bound with [AsParameters]; <see cref="StaffRequestQuery"/> checks them.</summary>
public sealed record StaffRequestSearch
{
    [FromQuery(Name = "state"), Description("Workflow state codes, comma-separated (e.g. received,acknowledged).")]
    public string? State { get; init; }

    [FromQuery(Name = "service_code"), Description("Category codes, comma-separated.")]
    public string? ServiceCode { get; init; }

    [FromQuery(Name = "department_id"), Description("Numeric id of the department handling the request.")]
    public string? DepartmentId { get; init; }

    [FromQuery(Name = "assignee_id"), Description("Numeric id of the staff account it is assigned to.")]
    public string? AssigneeId { get; init; }

    [FromQuery(Name = "area_id"), Description("Numeric id of a service area the request's point falls in.")]
    public string? AreaId { get; init; }

    [FromQuery(Name = "q"), Description("Search the description, address, public notes and protocol number: accents, case and inflection ignored, parts of words and small typos found, Greeklish (lampa) read as Greek. Sorted by relevance unless sort is given.")]
    public string? Q { get; init; }

    [FromQuery(Name = "from"), Description("Earliest request time, ISO 8601 with offset.")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("Latest request time, ISO 8601 with offset.")]
    public string? To { get; init; }

    [FromQuery(Name = "overdue"), Description("true: only requests past their expected time and still open.")]
    public string? Overdue { get; init; }

    [FromQuery(Name = "breached"), Description("true: only open requests past a service level (unanswered past the response due time, past the resolution due time, or waiting having used more than the target); false: all others.")]
    public string? Breached { get; init; }

    [FromQuery(Name = "due_before"), Description("Only open requests whose resolution is due before this time, ISO 8601 with offset.")]
    public string? DueBefore { get; init; }

    [FromQuery(Name = "priority"), Description("Priorities, comma-separated: low, normal, high, urgent.")]
    public string? Priority { get; init; }

    [FromQuery(Name = "sort"), Description("newest (default): newest first; resolution_due: open requests only, soonest resolution due first, those without a due time (no target, waiting) last; relevance (the default with q): best matches first.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page"), Description("1-based page number, at most {MaxPage}.")]
    public string? Page { get; init; }

    [FromQuery(Name = "page_size"), Description("Requests per page, 1 to {StaffMaxPageSize} (default 50).")]
    public string? PageSize { get; init; }
}

using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Search;
using Open311.Core.ServiceLevels;
using Open311.Core.Staff;

namespace Open311.Core.Requests;

/// <summary>The staff list: every category (private ones too), narrowed to the actor's department for staff.</summary>
public static class StaffRequestSearch
{
    /// <summary>
    /// The requests this member of staff may see: their jurisdiction's, and for staff only their own
    /// department's and those their department has a work order on (the EXISTS probes
    /// <c>ux_work_orders_request_department</c>). Every staff read and change starts here; a change of
    /// the request itself also needs <see cref="Owns"/>, a change of a work order its department.
    /// </summary>
    public static IQueryable<ServiceRequest> VisibleTo(this IQueryable<ServiceRequest> requests, StaffActor actor) =>
        actor.Role == StaffRole.Staff
            ? requests.Where(r => r.JurisdictionId == actor.JurisdictionId
                && (r.DepartmentId == actor.DepartmentId || r.WorkOrders.Any(w => w.DepartmentId == actor.DepartmentId)))
            : requests.Where(r => r.JurisdictionId == actor.JurisdictionId);

    /// <summary>The requests that are the actor's to change (<see cref="Owns"/>, as a query): a work order alone is not enough.</summary>
    public static IQueryable<ServiceRequest> OwnedBy(this IQueryable<ServiceRequest> requests, StaffActor actor) =>
        actor.Role == StaffRole.Staff
            ? requests.Where(r => r.JurisdictionId == actor.JurisdictionId && r.DepartmentId == actor.DepartmentId)
            : requests.Where(r => r.JurisdictionId == actor.JurisdictionId);

    /// <summary>
    /// The request is the actor's to handle (its state, notes, assignee): theirs by department, for staff. A department
    /// that only has a work order on it sees it and moves its work order, while the request stays with its department.
    /// For a request already in memory (the live feed's events, the request being changed).
    /// </summary>
    public static bool Owns(this StaffActor actor, string jurisdictionId, long? departmentId) =>
        jurisdictionId == actor.JurisdictionId && (actor.Role != StaffRole.Staff || departmentId == actor.DepartmentId);

    /// <summary>The same rule as <see cref="VisibleTo"/>, for a request already in memory (the live feed's events).</summary>
    public static bool Sees(this StaffActor actor, string jurisdictionId, long? departmentId, IReadOnlyCollection<long> workOrderDepartmentIds) =>
        actor.Owns(jurisdictionId, departmentId)
        || (jurisdictionId == actor.JurisdictionId && actor.DepartmentId is { } own && workOrderDepartmentIds.Contains(own));

    /// <summary>One page of the staff list, newest first.</summary>
    public static IQueryable<ServiceRequest> StaffPage(this Open311Db db, StaffActor actor, StaffRequestFilter filter, DateTimeOffset now) =>
        db.StaffMatches(actor, filter, now)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize + 1);

    /// <summary>Every request the actor may see that the filter matches, in the filter's order (each served by its indexes); paging ignored.</summary>
    public static IQueryable<ServiceRequest> StaffMatches(this Open311Db db, StaffActor actor, StaffRequestFilter filter, DateTimeOffset now)
    {
        var requests = db.Requests.AsNoTracking().VisibleTo(actor);

        if (filter.AreaId is { } area)
        {
            requests = requests.Where(r => db.DepartmentAreas.Any(a => a.Id == area && a.Area.Intersects(r.Location!)));
        }

        if (filter.DepartmentId is { } department)
        {
            requests = requests.Where(r => r.DepartmentId == department);
        }

        if (filter.AssigneeId is { } assignee)
        {
            requests = requests.Where(r => r.AssigneeId == assignee);
        }

        if (filter.States is { } states)
        {
            requests = requests.Where(r => states.Contains(r.State.Code));
        }

        if (filter.ServiceCodes is { } codes)
        {
            requests = requests.Where(r => codes.Contains(r.Service.Code));
        }

        if (filter.From is { } from)
        {
            requests = requests.Where(r => r.RequestedAt >= from);
        }

        if (filter.To is { } to)
        {
            requests = requests.Where(r => r.RequestedAt <= to);
        }

        if (filter.Overdue)
        {
            requests = requests.Where(Overdue.At(now));
        }

        if (filter.Breached is { } breached)
        {
            requests = requests.Where(breached ? Breached.At(now) : Breached.NotAt(now));
        }

        if (filter.DueBefore is { } dueBefore)
        {
            requests = requests.Where(r => r.Status == RequestStatus.Open && r.ResolutionDueAt < dueBefore);
        }

        if (filter.Priorities is { } priorities)
        {
            requests = requests.Where(r => priorities.Contains(r.Priority));
        }

        // Relevance ranks every match (TextSearch), so it costs what the search finds, not the table.
        if (filter.Text is { } text)
        {
            var hits = db.Hits(text, actor.JurisdictionId, publicOnly: false);
            if (filter.Order == StaffRequestOrder.Relevance)
            {
                return requests.Join(hits, r => r.Id, h => h.Id, (r, h) => new { Request = r, h.Rank })
                    .OrderByDescending(m => m.Rank).ThenByDescending(m => m.Request.RequestedAt).ThenByDescending(m => m.Request.Id)
                    .Select(m => m.Request);
            }

            requests = requests.Where(r => hits.Any(h => h.Id == r.Id));
        }

        // Soonest due first walks ix_requests_open_resolution_due, which holds open requests only;
        // PostgreSQL sorts nulls (no target, waiting) last in ascending order, as the index does.
        return filter.Order == StaffRequestOrder.ResolutionDue
            ? requests.Where(r => r.Status == RequestStatus.Open).OrderBy(r => r.ResolutionDueAt).ThenBy(r => r.Id)
            : requests.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);
    }
}

using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Requests;

/// <summary>The staff list: every category (private ones too), narrowed to the actor's department for staff.</summary>
public static class StaffRequestSearch
{
    /// <summary>
    /// The requests this member of staff may see and handle: their jurisdiction's, and for staff
    /// only their own department's. Every staff read and change starts here.
    /// </summary>
    public static IQueryable<ServiceRequest> VisibleTo(this IQueryable<ServiceRequest> requests, StaffActor actor) =>
        actor.Role == StaffRole.Staff
            ? requests.Where(r => r.JurisdictionId == actor.JurisdictionId && r.DepartmentId == actor.DepartmentId)
            : requests.Where(r => r.JurisdictionId == actor.JurisdictionId);

    /// <summary>The same rule as <see cref="VisibleTo"/>, for a request already in memory (the live feed's events).</summary>
    public static bool Sees(this StaffActor actor, string jurisdictionId, long? departmentId) =>
        jurisdictionId == actor.JurisdictionId && (actor.Role != StaffRole.Staff || departmentId == actor.DepartmentId);

    /// <summary>One page of the staff list, newest first.</summary>
    public static IQueryable<ServiceRequest> StaffPage(this Open311Db db, StaffActor actor, StaffRequestFilter filter, DateTimeOffset now) =>
        db.StaffMatches(actor, filter, now)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize + 1);

    /// <summary>Every request the actor may see that the filter matches, newest first (the list's order, served by its indexes); paging ignored.</summary>
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

        if (filter.Text is { } text)
        {
            var pattern = $"%{EscapeLike(text)}%";
            requests = requests.Where(r => r.ProtocolNumber == text
                || EF.Functions.ILike(r.Description!, pattern) || EF.Functions.ILike(r.Address!, pattern));
        }

        return requests.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

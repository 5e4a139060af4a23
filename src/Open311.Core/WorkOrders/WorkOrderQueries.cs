using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.WorkOrders;

/// <summary>The work-order list's filters, already checked; each optional.</summary>
public sealed record WorkOrderFilter(long? DepartmentId, IReadOnlyList<WorkOrderState>? States, int Page, int PageSize);

/// <summary>A work order with what a list shows of its request.</summary>
public sealed record WorkOrderRow(WorkOrder WorkOrder, string ProtocolNumber, RequestStatus RequestStatus);

/// <summary>A request's work orders, and the request's status and version.</summary>
public sealed record RequestWorkOrderSet(IReadOnlyList<WorkOrderRow> Rows, RequestStatus Status, uint Version);

/// <summary>The reads of work orders: a department's list, and one request's.</summary>
public static class WorkOrderQueries
{
    /// <summary>
    /// One page of work orders, newest first (one more than the page, to tell whether there are more): a staff account's department's
    /// only, whatever it asks; dispatchers, administrators and viewers the jurisdiction's, or one department's. Served by
    /// <c>ix_work_orders_department</c> / <c>ix_work_orders_jurisdiction</c> in their order; a state filter is applied on the walk.
    /// </summary>
    public static IQueryable<WorkOrderRow> WorkOrderPage(this Open311Db db, StaffActor actor, WorkOrderFilter filter)
    {
        var orders = db.WorkOrders.AsNoTracking().Where(w => w.JurisdictionId == actor.JurisdictionId);
        // Staff accounts always belong to a department (StaffAdministration).
        if ((actor.Role == StaffRole.Staff ? actor.DepartmentId : filter.DepartmentId) is { } department)
        {
            orders = orders.Where(w => w.DepartmentId == department);
        }

        if (filter.States is { } states)
        {
            orders = orders.Where(w => states.Contains(w.State));
        }

        return orders.Join(db.Requests, w => w.RequestId, r => r.Id, (w, r) => new { WorkOrder = w, r.ProtocolNumber, r.Status })
            .OrderByDescending(m => m.WorkOrder.CreatedAt).ThenByDescending(m => m.WorkOrder.Id)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize + 1)
            .Select(m => new WorkOrderRow(m.WorkOrder, m.ProtocolNumber, m.Status));
    }

    /// <summary>The work orders of a request the actor may see (null when it may not), oldest first, with the request's status and version.</summary>
    public static async Task<RequestWorkOrderSet?> OfRequestAsync(this Open311Db db, StaffActor actor, long requestId, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().VisibleTo(actor).Where(r => r.Id == requestId)
            .Select(r => new { r.Status, r.Version, r.ProtocolNumber }).FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return null;
        }

        var workOrders = await db.WorkOrders.AsNoTracking().Where(w => w.RequestId == requestId).OrderBy(w => w.Id).ToListAsync(cancellationToken);
        return new([.. workOrders.Select(w => new WorkOrderRow(w, request.ProtocolNumber, request.Status))], request.Status, request.Version);
    }
}

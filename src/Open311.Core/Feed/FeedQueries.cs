using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.Feed;

/// <summary>The feed's two reads: the events just notified, and what a reconnecting client missed.</summary>
public static class FeedQueries
{
    /// <summary>The events with these ids, whoever may see them (each connection filters for itself).</summary>
    public static Task<List<FeedEvent>> ByIdsAsync(Open311Db db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        Project(db, db.RequestEvents.Where(e => ids.Contains(e.Id)), db.Requests).ToListAsync(cancellationToken);

    /// <summary>The first <paramref name="limit"/> events after <paramref name="afterId"/> that the actor may see, oldest first; checked by IndexPlanTests.</summary>
    public static IQueryable<FeedEvent> After(Open311Db db, StaffActor actor, long afterId, int limit) =>
        Project(db, db.RequestEvents.Where(e => e.Id > afterId), db.Requests.VisibleTo(actor)).Take(limit);

    private static IQueryable<FeedEvent> Project(Open311Db db, IQueryable<RequestEvent> events, IQueryable<ServiceRequest> requests) =>
        from e in events.AsNoTracking()
        join r in requests on e.RequestId equals r.Id
        orderby e.Id
        select new FeedEvent(e.Id, r.JurisdictionId, e.RequestId, r.ProtocolNumber, e.Kind, e.StatusAfter,
            db.WorkflowStates.Where(s => s.Id == e.StateAfterId).Select(s => s.Code).FirstOrDefault(), r.DepartmentId, e.OccurredAt, e.Note,
            db.WorkOrders.Where(w => w.RequestId == r.Id).Select(w => w.DepartmentId).ToArray());
}

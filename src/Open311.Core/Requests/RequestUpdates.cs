using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Requests;

/// <summary>One entry of GET servicerequestupdates: a public history event, with the state it left the request in.</summary>
public sealed record PublicUpdate(long Id, long RequestId, RequestStatus Status, DateTimeOffset OccurredAt, string? Note, Guid? MediaId, string? StateCode);

/// <summary>The filters of GET servicerequestupdates, already validated: a time window on the events, and a page.</summary>
public sealed record UpdateFilter(string JurisdictionId, DateTimeOffset From, DateTimeOffset To, int Page, int PageSize);

public static class RequestUpdates
{
    /// <summary>
    /// The public history of public categories' requests in the window, oldest first (the order a
    /// client applies them in), one row more than the page so the caller knows whether a next page
    /// exists. The submission itself is no update: the client learnt of it when it was made.
    /// Served by ix_request_events_public_time (0014), checked by IndexPlanTests.
    /// </summary>
    public static IQueryable<PublicUpdate> PublicUpdates(this Open311Db db, UpdateFilter filter) =>
        (from e in db.RequestEvents.AsNoTracking()
         join r in db.Requests on e.RequestId equals r.Id
         where e.IsPublic && e.OccurredAt >= filter.From && e.OccurredAt <= filter.To && e.Kind != RequestEventKind.Submitted
             && r.JurisdictionId == filter.JurisdictionId && r.Service.IsPublic
         orderby e.OccurredAt, e.Id
         select new PublicUpdate(e.Id, e.RequestId, e.StatusAfter, e.OccurredAt, e.Note, e.MediaId,
             db.WorkflowStates.Where(s => s.Id == e.StateAfterId).Select(s => s.Code).FirstOrDefault()))
        .Skip((filter.Page - 1) * filter.PageSize)
        .Take(filter.PageSize + 1);
}

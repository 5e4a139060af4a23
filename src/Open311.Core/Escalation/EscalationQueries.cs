using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Escalation;

public static class EscalationQueries
{
    /// <summary>
    /// Up to <paramref name="limit"/> open requests whose next escalation has come, soonest first.
    /// Served by the partial index <c>ix_requests_next_escalation</c> (0019).
    /// </summary>
    public static IQueryable<long> Due(Open311Db db, DateTimeOffset now, int limit) =>
        db.Requests
            .Where(r => r.Status == Requests.RequestStatus.Open && r.NextEscalationAt != null && r.NextEscalationAt <= now)
            .OrderBy(r => r.NextEscalationAt)
            .Select(r => r.Id)
            .Take(limit);

    /// <summary>
    /// Locks the request for the caller's transaction if it is still due; false when another instance holds
    /// it (skipped, not waited for) or has escalated it since it was found.
    /// </summary>
    public static async Task<bool> ClaimAsync(Open311Db db, long requestId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"""
            SELECT id AS "Value" FROM service_requests
            WHERE id = {requestId} AND status = 'open' AND next_escalation_at <= {now}
            FOR UPDATE SKIP LOCKED
            """).AnyAsync(cancellationToken);

    /// <summary>
    /// Moves a request whose escalation failed to the back of the queue until <paramref name="retryAt"/>: it is
    /// found first (soonest due), so left due it would fill every round. The rule has not fired, so it fires then.
    /// </summary>
    public static Task<int> PostponeAsync(Open311Db db, long requestId, DateTimeOffset now, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE service_requests SET next_escalation_at = {retryAt}
            WHERE id = {requestId} AND status = 'open' AND next_escalation_at <= {now}
            """, cancellationToken);
}

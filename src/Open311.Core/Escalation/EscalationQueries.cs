using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Escalation;

public static class EscalationQueries
{
    /// <summary>
    /// Up to <paramref name="limit"/> open requests whose next escalation has come, soonest first, each
    /// locked for this transaction; rows another instance holds are skipped, not waited for.
    /// Served by <c>ix_requests_next_escalation</c> (0019).
    /// </summary>
    public static IQueryable<long> ClaimDue(Open311Db db, DateTimeOffset now, int limit) =>
        db.Database.SqlQuery<long>($"""
            SELECT id AS "Value" FROM service_requests
            WHERE status = 'open' AND next_escalation_at IS NOT NULL AND next_escalation_at <= {now}
            ORDER BY next_escalation_at
            LIMIT {limit}
            FOR UPDATE SKIP LOCKED
            """);
}

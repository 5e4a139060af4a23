using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Outbox;

/// <summary>
/// The worker's side of the outbox, in SQL because each step must be one atomic statement:
/// a claim skips rows another worker holds (FOR UPDATE SKIP LOCKED), and an outcome is recorded
/// only by the holder of the current claim, so a worker whose claim lapsed cannot overwrite the
/// outcome of the worker that took over.
/// </summary>
public static class OutboxStore
{
    /// <summary>Up to <paramref name="count"/> due messages, oldest first, held by <paramref name="claim"/> until <paramref name="until"/>.</summary>
    public static Task<List<OutboxMessage>> ClaimAsync(Open311Db db, Guid claim, int count, DateTimeOffset now, DateTimeOffset until,
        CancellationToken cancellationToken) =>
        db.OutboxMessages.FromSql($"""
            UPDATE outbox_messages m SET claim_token = {claim}, available_at = {until}
            WHERE m.id IN (SELECT id FROM outbox_messages
                           WHERE status = 'pending' AND available_at <= {now}
                           ORDER BY available_at, id
                           LIMIT {count}
                           FOR UPDATE SKIP LOCKED)
            RETURNING m.*
            """).AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>Pending messages due at <paramref name="now"/> and not held by a worker: served by <c>ix_outbox_messages_due</c>, the partial index the claim uses.</summary>
    public static Task<int> CountDueAsync(Open311Db db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.OutboxMessages.CountAsync(m => m.Status == DeliveryStatus.Pending && m.AvailableAt <= now, cancellationToken);

    /// <summary>Records a delivery; false when the claim had lapsed and another worker holds the message now.</summary>
    public static async Task<bool> DeliveredAsync(Open311Db db, long id, Guid claim, string worker, DateTimeOffset startedAt, DateTimeOffset finishedAt,
        string? note, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            WITH done AS (
                UPDATE outbox_messages SET status = 'delivered', attempts = attempts + 1, delivered_at = {finishedAt},
                                           claim_token = NULL, last_error = NULL, note = {note}
                WHERE id = {id} AND claim_token = {claim}
                RETURNING id, attempts)
            INSERT INTO outbox_attempts (message_id, number, worker, started_at, finished_at, succeeded)
            SELECT id, attempts, {worker}, {startedAt}, {finishedAt}, true FROM done
            """, cancellationToken) > 0;

    /// <summary>Records a failed attempt: due again at <paramref name="retryAt"/>, or failed for good after the last attempt allowed.</summary>
    public static async Task<bool> FailedAsync(Open311Db db, long id, Guid claim, string worker, DateTimeOffset startedAt, DateTimeOffset finishedAt,
        string error, DateTimeOffset retryAt, int maxAttempts, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            WITH failed AS (
                UPDATE outbox_messages SET attempts = attempts + 1, last_error = {error}, claim_token = NULL, available_at = {retryAt},
                                           status = CASE WHEN attempts + 1 >= {maxAttempts} THEN 'failed' ELSE 'pending' END
                WHERE id = {id} AND claim_token = {claim}
                RETURNING id, attempts)
            INSERT INTO outbox_attempts (message_id, number, worker, started_at, finished_at, succeeded, error)
            SELECT id, attempts, {worker}, {startedAt}, {finishedAt}, false, {error} FROM failed
            """, cancellationToken) > 0;

    /// <summary>Puts a message back until <paramref name="until"/> at its consumer's word; no attempt is spent.</summary>
    public static async Task<bool> PostponedAsync(Open311Db db, long id, Guid claim, DateTimeOffset until, string note, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE outbox_messages SET claim_token = NULL, available_at = {until}, note = {note}
            WHERE id = {id} AND claim_token = {claim}
            """, cancellationToken) > 0;

    /// <summary>Gives back what a stopping worker holds but has not finished, so another can take it at once.</summary>
    public static Task<int> ReleaseAsync(Open311Db db, Guid claim, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE outbox_messages SET claim_token = NULL, available_at = {now}
            WHERE claim_token = {claim} AND status = 'pending'
            """, cancellationToken);
}

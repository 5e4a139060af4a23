using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Open311.Core.Data;

namespace Open311.Core.Idempotency;

/// <summary>
/// The keys of <c>idempotency_keys</c> (0028), always inside the transaction of the change they guard: the
/// claim inserts the key first, so a concurrent retry with the same key waits on the primary key until
/// this transaction ends, then finds the answer stored with the change (or, after a rollback, claims the key
/// itself). A crash before the commit leaves neither the change nor the key.
/// </summary>
public sealed class IdempotencyKeys(IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    /// <summary>Claims <paramref name="call"/>'s key in the open transaction of <paramref name="db"/>, or reads what it already answered.</summary>
    public async Task<IdempotencyClaim> ClaimAsync(Open311Db db, IdempotentCall call, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A key past its time is free again even before the cleaning job has deleted it.
        await using (var claim = Command(db, """
            INSERT INTO idempotency_keys (scope, key, request_hash, created_at, expires_at) VALUES (@scope, @key, @hash, @now, @expires)
            ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = NULL, content_type = NULL, location = NULL,
                body = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
            WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
            RETURNING true
            """))
        {
            Add(claim, "scope", call.Scope);
            Add(claim, "key", call.Key);
            Add(claim, "hash", call.Fingerprint);
            Add(claim, "now", now);
            Add(claim, "expires", now + options.Value.KeepFor);
            if (await claim.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new(Claimed: true, Answer: null);
            }
        }

        await using var read = Command(db, "SELECT request_hash, status, content_type, location, body FROM idempotency_keys WHERE scope = @scope AND key = @key");
        Add(read, "scope", call.Scope);
        Add(read, "key", call.Key);
        await using var row = await read.ExecuteReaderAsync(cancellationToken);
        // The row is there (the claim met it) and committed with its answer: only its own transaction sees it unanswered.
        await row.ReadAsync(cancellationToken);
        if (!((byte[])row[0]).AsSpan().SequenceEqual(call.Fingerprint))
        {
            return new(Claimed: false, Answer: null);
        }

        return new(Claimed: false, new StoredAnswer(row.GetInt32(1), row.IsDBNull(2) ? null : row.GetString(2), row.IsDBNull(3) ? null : row.GetString(3),
            (byte[])row[4]));
    }

    /// <summary>Stores the answer to a claimed key, in the same transaction as the change, to be committed with it.</summary>
    public async Task StoreAsync(Open311Db db, IdempotentCall call, StoredAnswer answer, CancellationToken cancellationToken)
    {
        await using var store = Command(db,
            "UPDATE idempotency_keys SET status = @status, content_type = @type, location = @location, body = @body WHERE scope = @scope AND key = @key");
        Add(store, "status", answer.Status);
        Add(store, "type", (object?)answer.ContentType ?? DBNull.Value);
        Add(store, "location", (object?)answer.Location ?? DBNull.Value);
        Add(store, "body", answer.Body);
        Add(store, "scope", call.Scope);
        Add(store, "key", call.Key);
        await store.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes keys whose time has passed, a batch at a time (<c>ix_idempotency_keys_expires</c>); how many went.</summary>
    public async Task<int> DeleteExpiredAsync(Open311Db db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deleted = 0;
        int batch;
        do
        {
            batch = await db.Database.ExecuteSqlAsync($"""
                DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= {now} LIMIT 1000)
                """, cancellationToken);
            deleted += batch;
        }
        while (batch > 0);
        return deleted;
    }

    private static DbCommand Command(Open311Db db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("An idempotency key is claimed and stored inside the change's transaction.");
        return command;
    }

    private static void Add(DbCommand command, string name, object value) => command.Parameters.Add(new NpgsqlParameter(name, value));
}

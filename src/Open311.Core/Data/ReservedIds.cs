using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Open311.Core.Requests;

namespace Open311.Core.Data;

/// <summary>
/// Gives the new requests and history events of a unit of work their ids from their own identity sequences before
/// SaveChanges, instead of reading them back from each INSERT. EF then waits for no generated key to fill in the
/// foreign keys of what hangs on them (events, duplicate suggestions, outbox messages, the photo) and writes them all
/// in one batch, not one round trip per level. Intake reserves them before it locks the protocol counter, which every
/// submission of the jurisdiction queues for until the commit, so that the lock is held for one batch and the commit.
/// An id reserved by a submission that is then rolled back is skipped, as an identity column skips it anyway.
/// </summary>
public static class ReservedIds
{
    public static async Task AssignAsync(Open311Db db, CancellationToken cancellationToken)
    {
        // Added through the context with their graph just before: listed without scanning every entity for changes.
        var tracked = TrackedEntries.WithoutDetecting(db.ChangeTracker);
        var requests = Added<ServiceRequest>(tracked);
        var events = Added<RequestEvent>(tracked);
        if (requests.Count + events.Count == 0)
        {
            return;
        }

        await using var command = UnitOfWorkCommand.Create(db, """
            SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('service_requests', 'id')) FROM generate_series(1, $1)),
                   ARRAY(SELECT nextval(pg_get_serial_sequence('request_events', 'id')) FROM generate_series(1, $2))
            """, requests.Count, events.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        Assign(requests, reader.GetFieldValue<long[]>(0));
        Assign(events, reader.GetFieldValue<long[]>(1));
    }

    /// <summary>The added entities whose key EF would otherwise have the INSERT generate (it holds a temporary value till then).</summary>
    private static List<EntityEntry> Added<T>(List<EntityEntry> tracked) =>
        [.. tracked.Where(e => e.Entity is T && e.State == EntityState.Added && e.Property("Id").IsTemporary)];

    private static void Assign(List<EntityEntry> entries, long[] ids)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            // A real value replaces the temporary one; EF carries it into the foreign keys of the dependants.
            entries[i].Property("Id").CurrentValue = ids[i];
        }
    }
}

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
    private sealed record Reserved(long[] Requests, long[] Events);

    public static async Task AssignAsync(Open311Db db, CancellationToken cancellationToken)
    {
        var requests = Added<ServiceRequest>(db.ChangeTracker);
        var events = Added<RequestEvent>(db.ChangeTracker);
        if (requests.Count + events.Count == 0)
        {
            return;
        }

        var reserved = (await db.Database.SqlQuery<Reserved>($"""
            SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('service_requests', 'id')) FROM generate_series(1, {requests.Count})) AS requests,
                   ARRAY(SELECT nextval(pg_get_serial_sequence('request_events', 'id')) FROM generate_series(1, {events.Count})) AS events
            """).ToListAsync(cancellationToken))[0];
        Assign(requests, reserved.Requests);
        Assign(events, reserved.Events);
    }

    /// <summary>The added entities whose key EF would otherwise have the INSERT generate (it holds a temporary value till then).</summary>
    private static List<EntityEntry<T>> Added<T>(ChangeTracker tracker)
        where T : class =>
        [.. tracker.Entries<T>().Where(e => e.State == EntityState.Added && e.Property("Id").IsTemporary)];

    private static void Assign<T>(List<EntityEntry<T>> entries, long[] ids)
        where T : class
    {
        for (var i = 0; i < entries.Count; i++)
        {
            // A real value replaces the temporary one; EF carries it into the foreign keys of the dependants.
            entries[i].Property("Id").CurrentValue = ids[i];
        }
    }
}

using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Api.Admin;

/// <summary>
/// Saves a change to a catalogue or account entity together with the audit event that records
/// it (who, when, before, after), so that no change can be stored without its record.
/// </summary>
public static class AuditedChanges
{
    public static async Task CreateAsync<T>(Open311Db db, StaffActor actor, string entity, T created, Func<T, long> id, Func<T, object> view,
        DateTimeOffset now, CancellationToken cancellationToken)
        where T : class
    {
        // The id is only known once the row is in, so the two inserts share a transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Record(db, actor.JurisdictionId, actor.Name, entity, id(created), "created", null, view(created), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies <paramref name="change"/> to a tracked entity and returns its view afterwards.</summary>
    public static async Task<TView> UpdateAsync<T, TView>(Open311Db db, StaffActor actor, string entity, long id, T tracked, Func<T, TView> view,
        Action<T> change, DateTimeOffset now, CancellationToken cancellationToken, string action = "updated")
        where TView : notnull
    {
        var before = view(tracked);
        change(tracked);
        var after = view(tracked);
        AuditTrail.Record(db, actor.JurisdictionId, actor.Name, entity, id, action, before, after, now);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }

    public static async Task DeleteAsync<T>(Open311Db db, StaffActor actor, string entity, long id, T tracked, object view, DateTimeOffset now,
        CancellationToken cancellationToken)
        where T : class
    {
        db.Remove(tracked);
        AuditTrail.Record(db, actor.JurisdictionId, actor.Name, entity, id, "deleted", view, null, now);
        await db.SaveChangesAsync(cancellationToken);
    }
}

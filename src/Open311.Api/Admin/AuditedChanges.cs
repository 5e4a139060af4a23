using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Api.Admin;

/// <summary>Saves a new catalogue or account entity together with the audit event that records it, in one transaction.</summary>
public static class AuditedChanges
{
    public static async Task CreateAsync<T>(Open311Db db, StaffActor actor, string entity, T created, Func<T, long> id, Func<T, object> view,
        DateTimeOffset now, CancellationToken cancellationToken)
        where T : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Record(db, actor.JurisdictionId, actor.Name, entity, id(created), "created", null, view(created), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Open311.Core.Data;

namespace Open311.Core.Audit;

/// <summary>
/// Refuses to save a change to an audited thing unless it goes through <see cref="AuditedSave.SaveAuditedAsync"/>. Changes
/// are detected for it only when something tracked may be one (<see cref="TrackedEntries.WithoutDetecting"/>): a
/// submission or a status change tracks nothing audited, and SaveChanges detects them again right after. A new audited
/// thing is added through the context or beside one tracked (its jurisdiction, its department), so it is seen.
/// </summary>
public sealed class AuditGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is Open311Db { AuditingAs: null } db
            && TrackedEntries.WithoutDetecting(db.ChangeTracker).Any(AuditedEntities.MayNeedAudit)
            && db.ChangeTracker.Entries().Select(AuditedEntities.NameOf).FirstOrDefault(name => name is not null) is { } unaudited)
        {
            throw new InvalidOperationException($"A change to a {unaudited} must be saved with SaveAuditedAsync, which records it in the audit trail.");
        }
    }
}

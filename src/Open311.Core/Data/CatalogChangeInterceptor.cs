using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Open311.Core.Calendar;
using Open311.Core.Catalog;
using Open311.Core.Escalation;
using Open311.Core.ServiceLevels;
using Open311.Core.Workflow;

namespace Open311.Core.Data;

/// <summary>
/// Signals a catalogue change (a jurisdiction's languages, working calendar, service levels and escalation rules included) as soon as this process saves one, so that its next read of the
/// <see cref="CatalogCache"/>, <see cref="JurisdictionDirectory"/>, <see cref="WorkingCalendars"/> and <see cref="ServiceLevelRules"/> sees it.
/// </summary>
public sealed class CatalogChangeInterceptor(CatalogChanges changes) : SaveChangesInterceptor
{
    private static readonly object Marker = new();

    // Deleted entries are gone from the change tracker after the save, so the check comes before it.
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Note(DbContext? context)
    {
        if (context is not null && TracksCatalogue(context.ChangeTracker) && context.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsCatalogue(e.Entity)))
        {
            _pending.AddOrUpdate(context, Marker);
        }
    }

    /// <summary>
    /// Whether any catalogue entity is tracked at all (<see cref="TrackedEntries.WithoutDetecting"/>): most saves (a
    /// submission, a status change) track none. A new one is always added beside one tracked (its jurisdiction, its
    /// category) or through the context, so it is seen.
    /// </summary>
    private static bool TracksCatalogue(ChangeTracker tracker) => TrackedEntries.WithoutDetecting(tracker).Any(e => IsCatalogue(e.Entity));

    private static bool IsCatalogue(object entity) =>
        entity is Jurisdiction or ServiceCategory or ServiceAttribute or AttributeValue or RequestWorkflow or WorkflowState or WorkflowTransition
            or Department or WeekdayHours or CalendarDay or ServiceLevel or EscalationRule;

    private void Flush(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            changes.Signal();
        }
    }
}

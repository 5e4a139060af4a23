using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Open311.Core.Data;

public static class TrackedEntries
{
    /// <summary>
    /// What the change tracker holds, listed without detecting changes first. <c>Entries()</c> would compare every
    /// tracked entity with its snapshot, which SaveChanges does again right after, so the checks that run before every
    /// save (a submission, a status change) list them this way. Listed: whatever was added or attached through the
    /// context, the graph of an added entity included, and whatever a query tracked. Not yet listed, nor in its new
    /// state: what was only set on a navigation or a property since, until the next detection.
    /// </summary>
    public static List<EntityEntry> WithoutDetecting(ChangeTracker tracker)
    {
        var detects = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. tracker.Entries()];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detects;
        }
    }
}

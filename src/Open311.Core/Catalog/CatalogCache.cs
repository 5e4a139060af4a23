using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Workflow;

namespace Open311.Core.Catalog;

/// <summary>
/// Each jurisdiction's active categories (with attributes) and workflows, kept in memory: every
/// Open311 call and every submission reads them, and they change a few times a year. Changes
/// reach it twice, through <see cref="CatalogChanges"/>: this process's own saves signal at once
/// (<see cref="CatalogChangeInterceptor"/>), and PostgreSQL notifies every instance of every change, however made. Until that
/// notification channel is open, nothing is kept and every read goes to the database.
/// </summary>
public sealed class CatalogCache(IDbContextFactory<Open311Db> dbFactory, CatalogChanges changes)
{
    private sealed record Generation(long Version, ConcurrentDictionary<string, Lazy<Task<CatalogSnapshot>>> Snapshots);

    private volatile Generation _current = new(-1, new());
    private volatile bool _trusted;

    public Task<CatalogSnapshot> ForAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        if (!_trusted)
        {
            return LoadAsync(jurisdictionId, cancellationToken);
        }

        // After a change a new generation starts; loads still in flight fill one nobody reads any more.
        var version = changes.Version;
        var generation = _current;
        if (generation.Version != version)
        {
            generation = _current = new Generation(version, new());
        }

        return generation.Snapshots.GetOrAdd(jurisdictionId, id => new Lazy<Task<CatalogSnapshot>>(() => LoadKeptAsync(generation, id))).Value;
    }

    /// <summary>A load that failed (the database was unreachable, say) is not kept: the next call tries again.</summary>
    private async Task<CatalogSnapshot> LoadKeptAsync(Generation generation, string jurisdictionId)
    {
        try
        {
            return await LoadAsync(jurisdictionId, CancellationToken.None);
        }
        catch
        {
            generation.Snapshots.TryRemove(jurisdictionId, out _);
            throw;
        }
    }

    /// <summary>Called when change notifications start (true) or stop (false) arriving.</summary>
    public void Trust(bool notificationsArrive)
    {
        _trusted = notificationsArrive;
        changes.Signal();
    }

    private async Task<CatalogSnapshot> LoadAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var services = await db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdictionId && s.Active)
            .Include(s => s.Attributes.OrderBy(a => a.Order))
            .ThenInclude(a => a.Values.OrderBy(v => v.SortOrder).ThenBy(v => v.Id))
            .OrderBy(s => s.Code)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var workflows = await db.Workflows.AsNoTrackingWithIdentityResolution()
            .Where(w => w.JurisdictionId == jurisdictionId)
            .Include(w => w.States)
            .Include(w => w.Transitions).ThenInclude(t => t.To)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new CatalogSnapshot(services, workflows);
    }
}

/// <summary>A jurisdiction's catalogue at one moment; shared between calls, so never changed.</summary>
public sealed class CatalogSnapshot(IReadOnlyList<ServiceCategory> services, IReadOnlyList<RequestWorkflow> workflows)
{
    /// <summary>The catalogue as citizens see it: active, public categories, by code.</summary>
    public IEnumerable<ServiceCategory> PublicServices => services.Where(s => s.IsPublic);

    /// <summary>An active category; private ones (e.g. social support) only for staff intake.</summary>
    public ServiceCategory? Find(string code, bool includePrivate) =>
        services.FirstOrDefault(s => s.Code == code && (s.IsPublic || includePrivate));

    /// <summary>The workflow a category's requests follow: its own, or the jurisdiction's default.</summary>
    public RequestWorkflow WorkflowFor(long? workflowId) => workflows.Single(w => workflowId is null ? w.IsDefault : w.Id == workflowId);
}

using System.Collections.Concurrent;

namespace Open311.Core.Catalog;

/// <summary>
/// Something each jurisdiction's calls need and that changes a few times a year (its catalogue,
/// its working calendar), kept in memory until <see cref="CatalogChanges"/> says anything changed:
/// this process's own saves signal at once, and PostgreSQL notifies every instance of every change,
/// however made. Until that notification channel is open, nothing is kept and every read loads.
/// </summary>
public sealed class KeptPerJurisdiction<T>(CatalogChanges changes, Func<string, CancellationToken, Task<T>> load)
{
    private sealed record Generation(long Version, ConcurrentDictionary<string, Lazy<Task<T>>> Values);

    private volatile Generation _current = new(-1, new());

    public Task<T> ForAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        if (!changes.NoticesArrive)
        {
            return load(jurisdictionId, cancellationToken);
        }

        // After a change a new generation starts; loads still in flight fill one nobody reads any more.
        var version = changes.Version;
        var generation = _current;
        if (generation.Version != version)
        {
            generation = _current = new Generation(version, new());
        }

        return generation.Values.GetOrAdd(jurisdictionId, id => new Lazy<Task<T>>(() => LoadKeptAsync(generation, id))).Value;
    }

    /// <summary>A load that failed (the database was unreachable, say) is not kept: the next call tries again.</summary>
    private async Task<T> LoadKeptAsync(Generation generation, string jurisdictionId)
    {
        try
        {
            return await load(jurisdictionId, CancellationToken.None);
        }
        catch
        {
            generation.Values.TryRemove(jurisdictionId, out _);
            throw;
        }
    }
}

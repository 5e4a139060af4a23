using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Catalog;

/// <summary>
/// The jurisdictions, kept in memory: every public call needs one to scope its query and to
/// know its languages and time zone. A miss reloads, so a jurisdiction added later is found; a
/// change (its languages, say) reloads through <see cref="CatalogChanges"/>, like the catalogue.
/// </summary>
public sealed class JurisdictionDirectory(IDbContextFactory<Open311Db> dbFactory, CatalogChanges changes)
{
    // An unknown id reloads the list at most this often, so made-up ids cannot make every call a query.
    private static readonly TimeSpan MissReloadInterval = TimeSpan.FromSeconds(30);

    private sealed record Loaded(long Version, IReadOnlyDictionary<string, JurisdictionInfo> All);

    private volatile Loaded? _loaded;
    private long _loadedAtTicks;

    public async ValueTask<IReadOnlyCollection<JurisdictionInfo>> AllAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Values.ToList();

    public async ValueTask<JurisdictionInfo?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var all = await CurrentAsync(cancellationToken);
        if (all.TryGetValue(id, out var found) || Environment.TickCount64 - Interlocked.Read(ref _loadedAtTicks) < MissReloadInterval.TotalMilliseconds)
        {
            return found;
        }

        return (await ReloadAsync(cancellationToken)).GetValueOrDefault(id);
    }

    /// <summary>
    /// The jurisdiction a public call is for: the one it names, else the configured default, else the only one there is.
    /// Null with <c>Named</c> null when none is named and several exist.
    /// </summary>
    public async ValueTask<(JurisdictionInfo? Found, string? Named)> ResolveAsync(string? id, string? defaultId, CancellationToken cancellationToken)
    {
        // Jurisdictions are web domains, which are case-insensitive.
        var named = id?.ToLowerInvariant() ?? defaultId;
        if (named is not null)
        {
            return (await FindAsync(named, cancellationToken), named);
        }

        var all = await AllAsync(cancellationToken);
        return (all.Count == 1 ? all.First() : null, null);
    }

    private async ValueTask<IReadOnlyDictionary<string, JurisdictionInfo>> CurrentAsync(CancellationToken cancellationToken) =>
        _loaded is { } loaded && loaded.Version == changes.Version ? loaded.All : await ReloadAsync(cancellationToken);

    private async Task<IReadOnlyDictionary<string, JurisdictionInfo>> ReloadAsync(CancellationToken cancellationToken)
    {
        // Read the version first: a change saved during the load then triggers another one.
        var version = changes.Version;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Jurisdictions.AsNoTracking().ToListAsync(cancellationToken);
        var all = rows.ToDictionary(j => j.Id, j => new JurisdictionInfo(j, TimeZoneInfo.FindSystemTimeZoneById(j.TimeZone)));
        _loaded = new Loaded(version, all);
        Interlocked.Exchange(ref _loadedAtTicks, Environment.TickCount64);
        return all;
    }
}

/// <summary>A jurisdiction with its time zone resolved.</summary>
public sealed record JurisdictionInfo(Jurisdiction Jurisdiction, TimeZoneInfo Zone)
{
    public string Id => Jurisdiction.Id;
}

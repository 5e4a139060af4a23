namespace Open311.Core.Catalog;

/// <summary>
/// A counter of catalogue changes, bumped by this process's saves and by PostgreSQL's change
/// notices. It stands apart from <see cref="CatalogCache"/> because the DbContext's own
/// interceptor bumps it, and the cache needs DbContexts: one object could not be both.
/// </summary>
public sealed class CatalogChanges
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Signal() => Interlocked.Increment(ref _version);
}

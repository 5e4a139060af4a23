namespace Open311.Core.Catalog;

/// <summary>
/// A counter of catalogue changes, bumped by this process's saves and by PostgreSQL's change
/// notices. It stands apart from <see cref="CatalogCache"/> because the DbContext's own
/// interceptor bumps it, and the cache needs DbContexts: one object could not be both.
/// </summary>
public sealed class CatalogChanges
{
    private long _version;
    private volatile bool _noticesArrive;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Whether PostgreSQL's change notices are arriving: only then may what is kept in memory be kept (<see cref="KeptPerJurisdiction{T}"/>).</summary>
    public bool NoticesArrive => _noticesArrive;

    public void Signal() => Interlocked.Increment(ref _version);

    /// <summary>Called when change notifications start (true) or stop (false) arriving; either way what was kept is stale.</summary>
    public void NoticesArriving(bool arrive)
    {
        _noticesArrive = arrive;
        Signal();
    }
}

using Microsoft.EntityFrameworkCore;

namespace Open311.Core.Data;

/// <summary>
/// The context of reads that may be a moment behind the primary: public Open311 GETs, statistics
/// and exports. It reads through <see cref="ReadReplica"/> (a hot standby when one is configured)
/// and never writes: saving throws here, and its sessions are read-only on the server as well.
/// Anything read to decide a change, and everything a change writes, goes through <see cref="Open311Db"/>.
/// </summary>
public sealed class Open311ReadDb(DbContextOptions<Open311ReadDb> options) : Open311Db(options)
{
    /// <summary>True when reads go to a standby, which may not have replayed what the primary has just committed.</summary>
    public bool MayLag { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => throw ReadOnly();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) => throw ReadOnly();

    private static InvalidOperationException ReadOnly() => new("Open311ReadDb only reads: changes are saved through Open311Db, on the primary.");

    /// <summary>
    /// A lookup that a client may make right after its own write (GET requests/{id} after POST
    /// requests): run here, and when it finds nothing and this may lag, once more on the primary.
    /// Returns what was found and the context it came from, for the reads that complete the answer.
    /// </summary>
    public async Task<(T Found, Open311Db From)> FindAsync<T>(Open311Db primary, Func<Open311Db, Task<T>> lookup, Func<T, bool> found)
    {
        var result = await lookup(this);
        return found(result) || !MayLag ? (result, this) : (await lookup(primary), primary);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Open311.Core.Data;

/// <summary>
/// The transaction a change runs in: the caller's when one is open (a call with an Idempotency-Key keeps
/// its answer in the change's own transaction, <see cref="Idempotency.IdempotencyKeys"/>), else one of its
/// own, which it then commits. Joined, committing is the caller's.
/// </summary>
public sealed class JoinedTransaction : IAsyncDisposable
{
    private readonly DatabaseFacade _database;
    private readonly IDbContextTransaction? _owned;
    private readonly bool _savepointsBefore;

    private JoinedTransaction(DatabaseFacade database, IDbContextTransaction? owned, bool savepoints)
    {
        (_database, _owned, _savepointsBefore) = (database, owned, database.AutoSavepointsEnabled);
        database.AutoSavepointsEnabled = savepoints;
    }

    /// <param name="database">The unit of work's database.</param>
    /// <param name="cancellationToken">Cancels the BEGIN.</param>
    /// <param name="savepoints">
    /// False where a failed write ends the whole change anyway: EF then sets no savepoint around each SaveChanges,
    /// which saves two round trips (SAVEPOINT, RELEASE) while the change's locks are held. Restored on dispose.
    /// </param>
    public static async Task<JoinedTransaction> BeginOrJoinAsync(DatabaseFacade database, CancellationToken cancellationToken, bool savepoints = true) =>
        new(database, database.CurrentTransaction is null ? await database.BeginTransactionAsync(cancellationToken) : null, savepoints);

    public Task CommitAsync(CancellationToken cancellationToken) => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _database.AutoSavepointsEnabled = _savepointsBefore;
        return _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}

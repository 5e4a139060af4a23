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
    private readonly IDbContextTransaction? _owned;

    private JoinedTransaction(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<JoinedTransaction> BeginOrJoinAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        new(database.CurrentTransaction is null ? await database.BeginTransactionAsync(cancellationToken) : null);

    public Task CommitAsync(CancellationToken cancellationToken) => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}

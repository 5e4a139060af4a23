namespace Open311.Core.Outbox;

/// <summary>Wakes this process's worker as soon as a change with outbox work commits, instead of at its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _waiting = new(0, 1);

    public void Raise()
    {
        try
        {
            _waiting.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised and not yet seen: one wake-up covers both.
        }
    }

    /// <summary>Until raised or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _waiting.WaitAsync(timeout, cancellationToken);
}

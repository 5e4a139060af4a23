namespace Open311.Core.Outbox;

/// <summary>Wakes this process's worker as soon as a change with outbox work commits, instead of at its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _waiting = new(0, 1);

    public void Raise()
    {
        // Under load it is mostly raised already: seen here, that costs no exception (a throw per submission before).
        if (_waiting.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _waiting.Release();
        }
        catch (SemaphoreFullException)
        {
            // Raised by another change in between: one wake-up covers both.
        }
    }

    /// <summary>Until raised or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _waiting.WaitAsync(timeout, cancellationToken);
}

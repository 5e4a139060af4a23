namespace Open311.Core.Outbox;

/// <summary>One try at delivering a message: who tried, when, how long it took, and what went wrong.</summary>
public class OutboxAttempt
{
    public long Id { get; private set; }
    public long MessageId { get; private set; }
    public int Number { get; private set; }
    /// <summary>The worker that made it: host name and process, so several instances can be told apart.</summary>
    public string Worker { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset FinishedAt { get; private set; }
    public bool Succeeded { get; private set; }
    public string? Error { get; private set; }
}

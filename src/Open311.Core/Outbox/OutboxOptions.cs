namespace Open311.Core.Outbox;

/// <summary>How the delivery worker paces itself (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Whether this instance delivers; false for instances that should only serve requests.</summary>
    public bool Deliver { get; set; } = true;
    /// <summary>Messages claimed at a time.</summary>
    public int BatchSize { get; set; } = 20;
    /// <summary>How often an idle worker looks for work that other instances left or that became due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How often the worker counts the due messages it reports as <c>open311.outbox.backlog</c>.</summary>
    public TimeSpan BacklogInterval { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>How long one delivery may take before it counts as failed.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a claim holds; a worker that dies lets its messages go after this.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>The wait after the first failure; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(4);
    /// <summary>After this many failed attempts a message is marked failed and waits for an administrator.</summary>
    public int MaxAttempts { get; set; } = 14;

    /// <summary>
    /// The wait before attempt <paramref name="failedAttempts"/> + 1: 30 s, 1 min, 2 min … capped at 4 h,
    /// so the defaults spread 14 attempts over about a day. A tenth of jitter keeps retries of
    /// messages that failed together from arriving together.
    /// </summary>
    public TimeSpan BackoffAfter(int failedAttempts, double jitter)
    {
        var doubled = RetryDelay.TotalSeconds * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        return TimeSpan.FromSeconds(Math.Min(doubled, MaxRetryDelay.TotalSeconds) * (1 + (0.1 * jitter)));
    }
}

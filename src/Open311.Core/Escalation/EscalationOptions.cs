namespace Open311.Core.Escalation;

/// <summary>How the escalation worker runs (configuration section <c>Escalation</c>).</summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    /// <summary>Whether this instance escalates; every instance may, since each request is claimed by one.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often the worker looks for requests whose next escalation has come.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Due requests found in one round; each is then claimed and escalated in a transaction of its own.</summary>
    public int BatchSize { get; set; } = 20;
    /// <summary>How long a request whose escalation failed waits before it is tried again, so it cannot starve the others.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(5);
}

namespace Open311.Api.Hosting;

/// <summary>Configuration section <c>Availability</c>: how the service answers while PostgreSQL is away, and how readiness is probed.</summary>
public sealed class AvailabilityOptions
{
    public const string Section = "Availability";

    /// <summary>The <c>Retry-After</c> of a 503 answered because the database is unavailable (a restart usually takes seconds).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the readiness probe waits for a connection and <c>SELECT 1</c> before it calls the database away.</summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a readiness answer is reused, so however many probes (and load balancers) ask, PostgreSQL is asked once.</summary>
    public TimeSpan ReadinessCacheFor { get; set; } = TimeSpan.FromSeconds(1);
}

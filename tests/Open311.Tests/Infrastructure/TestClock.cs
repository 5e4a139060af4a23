namespace Open311.Tests.Infrastructure;

/// <summary>
/// The service's time, set by the test: "now" is whatever the test says. Timers still run on real
/// time (the base class's), so background workers keep polling while the date stands still.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    // As the system clock gives it: UTC, offset 0 (PostgreSQL refuses to store any other offset).
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Set(DateTimeOffset now)
    {
        lock (_lock)
        {
            _now = now.ToUniversalTime();
        }
    }
}

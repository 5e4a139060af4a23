namespace Open311.Tests.Infrastructure;

/// <summary>
/// A TimeProvider a test sets: the system's time until <see cref="Set"/>, then that time until set again.
/// Sign in while it runs on the system's time: JwtBearer checks a token's lifetime against the real clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? now;

    public override DateTimeOffset GetUtcNow() => now ?? System.GetUtcNow();

    public void Set(DateTimeOffset time) => now = time.ToUniversalTime();
}

namespace Open311.Tests.Infrastructure;

/// <summary>
/// The service's time, set by the test: the clock does not move unless told to. Timers and delays
/// still run in real time (the base class's), so workers keep polling while "now" stands still.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset moment) => Interlocked.Exchange(ref _utcTicks, moment.UtcTicks);

    public override DateTimeOffset GetUtcNow() => Now;
}

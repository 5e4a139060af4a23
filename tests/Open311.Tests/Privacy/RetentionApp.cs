using Open311.Tests.Infrastructure;

namespace Open311.Tests.Privacy;

/// <summary>The service on a <see cref="TestClock"/> with a retention job that looks often and in small batches.</summary>
public sealed class RetentionApp : FixedTimeApp
{
    /// <summary>
    /// Monday 10 January 2022, 08:00 in Heraklion, stored as UTC like every time the service writes: far enough in the past
    /// that the tests' moves past a retention period stay before the real time, which sign-in tokens are checked against.
    /// </summary>
    public RetentionApp() => Clock.Set(new DateTimeOffset(2022, 1, 10, 6, 0, 0, TimeSpan.Zero));

    private RetentionApp(RetentionApp first)
        : base(first)
    {
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. base.Settings, new("Retention:PollInterval", "00:00:00.1"), new("Retention:BatchSize", "3")];

    public Task<RetentionApp> StartSecondInstanceAsync() => StartSharingAsync(new RetentionApp(this));
}

using Open311.Tests.Infrastructure;

namespace Open311.Tests.Privacy;

/// <summary>The service on a <see cref="TestClock"/> with a retention job that looks often and in small batches.</summary>
public sealed class RetentionApp : FixedTimeApp
{
    public RetentionApp()
    {
    }

    private RetentionApp(RetentionApp first)
        : base(first)
    {
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. base.Settings, new("Retention:PollInterval", "00:00:00.1"), new("Retention:BatchSize", "3")];

    public Task<RetentionApp> StartSecondInstanceAsync() => StartSharingAsync(new RetentionApp(this));
}

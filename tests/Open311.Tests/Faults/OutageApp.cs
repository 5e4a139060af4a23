using Open311.Tests.Infrastructure;
using Open311.Tests.Outbox;

namespace Open311.Tests.Faults;

/// <summary>The service, with the outbox relay to a real receiver, on a PostgreSQL cluster of its own that a test may stop and start.</summary>
public sealed class OutageApp : OutboxApp
{
    public PrivatePostgres Postgres { get; } = new();

    protected override async Task<string> CreateDatabaseAsync()
    {
        await Postgres.StartAsync();
        return Postgres.ConnectionString;
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. base.Settings, new("Availability:RetryAfter", "00:00:07"), new("Availability:ReadinessCacheFor", "00:00:00.2")];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

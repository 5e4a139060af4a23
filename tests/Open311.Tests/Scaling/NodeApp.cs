using Open311.Tests.Outbox;

namespace Open311.Tests.Scaling;

/// <summary>
/// One node of a deployment on <see cref="ReplicaPair"/>: writes to the primary, public reads,
/// statistics and exports from the standby (ConnectionStrings:Open311Replica), the outbox relaying
/// to the shared receiver, citizens' pages limited to 4 a minute per address.
/// </summary>
public sealed class NodeApp : OutboxApp
{
    public const int PageViewsPerMinute = 4;

    private readonly ReplicaPair _pair;

    public NodeApp(ReplicaPair pair) => _pair = pair;

    private NodeApp(NodeApp first)
        : base(first) => _pair = first._pair;

    protected override Task<string> CreateDatabaseAsync() => SharesDatabaseWith is null ? Task.FromResult(_pair.Primary) : base.CreateDatabaseAsync();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. base.Settings,
        new("ConnectionStrings:Open311Replica", _pair.Reads),
        new("Citizens:PageViewsPerMinute", $"{PageViewsPerMinute}"),
    ];

    /// <summary>Another node on the same pair and receiver; already running.</summary>
    public Task<NodeApp> StartSecondNodeAsync() => StartSharingAsync(new NodeApp(this));
}

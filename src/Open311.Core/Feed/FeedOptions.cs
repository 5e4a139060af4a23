namespace Open311.Core.Feed;

/// <summary>The supervisors' live feed (GET /admin/events), section <c>Feed</c> of the configuration.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feed";

    /// <summary>How long a stream may stay silent before a comment line keeps proxies and browsers from closing it.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Events held for one connection that reads too slowly; when full, its stream is closed and it catches up with Last-Event-ID.</summary>
    public int BufferSize { get; set; } = 256;

    /// <summary>The most events a reconnecting client is sent after its Last-Event-ID in one stream; it reconnects for the rest.</summary>
    public int ReplayLimit { get; set; } = 1000;

    /// <summary>
    /// How long one stream lasts before it ends and the client reconnects with Last-Event-ID: the
    /// account is checked when a call starts, so a deactivated, expired or moved account stops
    /// receiving (another department's events) within this time rather than never.
    /// </summary>
    public TimeSpan MaxStreamDuration { get; set; } = TimeSpan.FromMinutes(5);
}

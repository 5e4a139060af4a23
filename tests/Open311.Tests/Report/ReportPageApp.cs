using Open311.Tests.Infrastructure;

namespace Open311.Tests.Report;

/// <summary>
/// The service on a port chosen before it starts, so the links it gives citizens (<c>Citizens:PublicSiteUrl</c>) point
/// at itself, with a map tile server of its own: a real HTTP listener answering every tile with one small PNG.
/// </summary>
public sealed class ReportPageApp : ListeningApp
{
    // A 1×1 grey PNG: Leaflet stretches it to a 256-pixel tile.
    private static readonly byte[] Tile = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGM4AQAAygDJmcpdfgAAAABJRU5ErkJggg==");

    private readonly int port;

    public ReportPageApp()
        : this(FreePort())
    {
    }

    private ReportPageApp(int port)
        : base(port) => this.port = port;

    public HttpReceiver Tiles { get; } = new() { Body = ("image/png", Tile) };

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Dashboard:TileUrl", Tiles.Url + "{z}/{x}/{y}.png"),
        new("Dashboard:TileAttribution", "Χάρτης δοκιμής"),
        new("Citizens:PublicSiteUrl", $"http://127.0.0.1:{port}/"),
    ];

    public override async ValueTask DisposeAsync()
    {
        Tiles.Dispose();
        await base.DisposeAsync();
    }
}

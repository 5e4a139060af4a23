namespace Open311.Api.Dashboard;

/// <summary>The supervision page (configuration section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// The map's tile server as a Leaflet URL template (<c>https://tiles.example.gr/{z}/{x}/{y}.png</c>, <c>{s}</c> allowed in the host).
    /// Empty by default: a closed network may have none, and points and areas then show on a plain background.
    /// </summary>
    public string TileUrl { get; set; } = "";

    /// <summary>The credit the tile server's licence asks for, shown in the map's corner (HTML as Leaflet takes it).</summary>
    public string TileAttribution { get; set; } = "";

    /// <summary>The origin the page may load tiles from (for its Content-Security-Policy), or null when <see cref="TileUrl"/> is not an http(s) template.</summary>
    public static string? TileOrigin(string tileUrl)
    {
        // A {s} subdomain placeholder becomes the wildcard CSP allows; the path's placeholders do not matter.
        var template = tileUrl.Replace("{s}", "a", StringComparison.Ordinal);
        if (!Uri.TryCreate(template, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0)
        {
            return null;
        }

        var host = tileUrl.Contains("{s}.", StringComparison.Ordinal) ? "*" + uri.Host[uri.Host.IndexOf('.', StringComparison.Ordinal)..] : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }
}

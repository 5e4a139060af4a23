using System.Net;
using Microsoft.Extensions.Options;

namespace Open311.Api.Hosting;

/// <summary>
/// The Prometheus text at <see cref="MetricsOptions.Path"/>, for callers from loopback or an allowed network.
/// A refused caller gets the 404 of a path that does not exist. Behind the reverse proxy the caller's address is
/// the client's own (the proxy's forwarded header), so a scrape through the proxy is refused too. A forwarded header
/// still there was not read (no <c>Proxy:KnownProxies</c>, or not from one of them): the connection's address may then
/// be a proxy's on loopback while the caller is anyone, so such a scrape is refused as well.
/// </summary>
public static class MetricsEndpoint
{
    public static void MapMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return;
        }

        // Parsed once at start: a mistyped network stops the service instead of quietly refusing the scraper.
        var allowed = options.AllowedNetworks.Select(IPNetwork.Parse).ToList();
        app.MapPrometheusScrapingEndpoint(options.Path, meterProvider: null, optionsName: null, configureBranchedPipeline: branch => branch.Use(
            async (http, next) =>
            {
                if (!Forwarded(http.Request) && MayScrape(http.Connection.RemoteIpAddress, allowed))
                {
                    await next(http);
                    return;
                }

                http.Response.StatusCode = StatusCodes.Status404NotFound;
            }));
    }

    /// <summary>Forwarding headers that the forwarded-headers middleware has not consumed (it removes what it applies).</summary>
    private static bool Forwarded(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded");

    /// <summary>No address means no TCP connection: a Unix socket or the process itself, both local.</summary>
    private static bool MayScrape(IPAddress? caller, List<IPNetwork> allowed)
    {
        if (caller is null)
        {
            return true;
        }

        var address = caller.IsIPv4MappedToIPv6 ? caller.MapToIPv4() : caller;
        return IPAddress.IsLoopback(address) || allowed.Exists(network => network.Contains(address));
    }
}

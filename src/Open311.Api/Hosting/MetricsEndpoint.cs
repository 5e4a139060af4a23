using System.Net;
using Microsoft.Extensions.Options;

namespace Open311.Api.Hosting;

/// <summary>
/// The Prometheus text at <see cref="MetricsOptions.Path"/>, for callers from loopback or an allowed network.
/// A refused caller gets the 404 of a path that does not exist. Behind the reverse proxy the caller's address is
/// the client's own (the proxy's forwarded header), so a scrape through the proxy is refused too.
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
                if (MayScrape(http.Connection.RemoteIpAddress, allowed))
                {
                    await next(http);
                    return;
                }

                http.Response.StatusCode = StatusCodes.Status404NotFound;
            }));
    }

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

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Open311.Api.Hosting;

/// <summary>
/// Running behind a TLS-terminating proxy: the client's address and scheme from the proxies
/// configured (the per-address login limit and HSTS rely on them), and HSTS on HTTPS answers.
/// <c>X-Forwarded-Host</c> is never taken: addresses come from <c>Open311:PublicBaseUrl</c>.
/// </summary>
public static class ProxyAndHttps
{
    public static void AddProxyAndHttps(this WebApplicationBuilder builder)
    {
        var proxy = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(proxy.HstsMaxAgeDays));
    }

    public static void UseProxyAndHttps(this WebApplication app)
    {
        var proxy = app.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new();
        // With no proxy listed the middleware would believe anyone's headers, so it is not used at all.
        if (proxy.KnownProxies.Count + proxy.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
    }
}

using System.Net;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Observability;

/// <summary>
/// Who may scrape, on a real port behind a trusted proxy (127.0.0.1): a direct caller on loopback and a caller in
/// <c>Metrics:AllowedNetworks</c> may; a caller from the internet, as the proxy forwards it, gets a 404.
/// </summary>
public class MetricsAccessTests : IClassFixture<MetricsAccessTests.BehindProxy>
{
    private readonly BehindProxy _app;

    public MetricsAccessTests(BehindProxy app)
    {
        _app = app;
        app.StartServer();
    }

    public sealed class BehindProxy : ListeningApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Proxy:KnownProxies:0", "127.0.0.1"), new("Metrics:AllowedNetworks:0", "198.51.100.0/24")];
    }

    [Theory]
    [InlineData(null, HttpStatusCode.OK)]
    [InlineData("198.51.100.20", HttpStatusCode.OK)]
    [InlineData("203.0.113.7", HttpStatusCode.NotFound)]
    [InlineData("2001:db8::7", HttpStatusCode.NotFound)]
    public async Task OnlyLoopbackAndTheAllowedNetworks_MayScrape(string? forwardedFor, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = _app.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, body.Contains("# TYPE", StringComparison.Ordinal));
    }
}

/// <summary>
/// Without <c>Proxy:KnownProxies</c> a forwarded header is not read, and a proxy on the same host makes every caller look
/// like loopback: a scrape that arrives with one is refused all the same.
/// </summary>
public class MetricsWithoutKnownProxyTests : IClassFixture<ListeningApp>
{
    private readonly ListeningApp _app;

    public MetricsWithoutKnownProxyTests(ListeningApp app)
    {
        _app = app;
        app.StartServer();
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task AForwardedScrape_IsRefused(string header, string value)
    {
        using var http = new HttpClient { BaseAddress = _app.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(header, value);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var direct = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
    }
}

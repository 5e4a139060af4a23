using System.Net;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

/// <summary>With Open311:PublicBaseUrl set, every address handed out is built on it, never on the Host header.</summary>
public class PublicBaseUrlTests(PublicBaseUrlTests.BehindProxy app) : IClassFixture<PublicBaseUrlTests.BehindProxy>
{
    public sealed class BehindProxy : Open311App
    {
        // Every host let through, as a careless deployment would: the public base must still win.
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Open311:PublicBaseUrl", "https://open311.heraklion.gr/open311/v2/"), new("AllowedHosts", "*")];
    }

    [Fact]
    public async Task LinksAndDiscovery_UseThePublicBase_NotAForgedHost()
    {
        var client = app.GeoReport();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/requests.json?page_size=1");
        request.Headers.Host = "evil.example";

        var response = await client.Http.SendAsync(request);
        var (_, discovery) = await client.GetJsonAsync("/discovery.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<https://open311.heraklion.gr/open311/v2/requests.json?", response.Headers.GetValues("Link").Single());
        Assert.Equal("https://open311.heraklion.gr/open311/v2", discovery.GetProperty("endpoints")[0].GetProperty("url").GetString());
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

/// <summary>Without Open311:PublicBaseUrl a forged Host header must not end up in the addresses handed out.</summary>
public class HostHeaderTests(Open311App app) : IClassFixture<Open311App>
{
    [Theory]
    [InlineData("/open311/v2/discovery.json")]
    [InlineData("/open311/v2/requests.json?page_size=1")]
    public async Task ForgedHost_IsRefused_NotReflected(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Link"));
    }

    [Fact]
    public async Task LoopbackHost_StillWorksForLocalRuns()
    {
        var (response, discovery) = await app.GeoReport().GetJsonAsync("/discovery.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("http://localhost/open311/v2", discovery.GetProperty("endpoints")[0].GetProperty("url").GetString());
    }

    [Fact]
    public void Production_WithoutAPublicBaseUrl_RefusesToStart()
    {
        using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("ConnectionStrings:Open311", app.ConnectionString);
            host.UseSetting("Auth:SigningKey", Open311App.SigningKey);
        });

        var error = Assert.Throws<InvalidOperationException>(() => production.Services);
        Assert.Contains("Open311:PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }
}

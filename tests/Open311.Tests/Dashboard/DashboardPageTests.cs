using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Open311.Api.Dashboard;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Dashboard;

/// <summary>How /dashboard is served: its files from the assembly, its libraries from npm, its Content-Security-Policy.</summary>
public class DashboardPageTests(DashboardPageTests.TilesApp app) : IClassFixture<DashboardPageTests.TilesApp>
{
    public sealed class TilesApp : Open311App
    {
        public const string TileUrl = "https://{s}.tiles.example.gr/{z}/{x}/{y}.png";

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Dashboard:TileUrl", TileUrl), new("Dashboard:TileAttribution", "© example")];
    }

    private sealed class BadTilesApp : Open311App
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Dashboard:TileUrl", "javascript:alert(1)//{z}")];
    }

    [Fact]
    public async Task Dashboard_RedirectsToItsFolder_SoThePagesRelativeAddressesWork()
    {
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/dashboard/", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Page_IsServedUnderAPolicyAllowingOnlyItselfAndTheTileServer()
    {
        var response = await app.CreateClient().GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"app.js\" type=\"module\"></script>", await response.Content.ReadAsStringAsync());
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("connect-src 'self';", policy);
        Assert.Contains("img-src 'self' data: https://*.tiles.example.gr;", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Libraries_AreServedFromTheServiceItself()
    {
        var response = await app.CreateClient().GetAsync("/dashboard/vendor/leaflet.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Leaflet 1.9.4", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/dashboard/vendor/leaflet.css")).StatusCode);
    }

    [Fact]
    public async Task Settings_TellThePageTheTileServer()
    {
        var settings = await app.CreateClient().GetFromJsonAsync<JsonElement>("/dashboard/settings.json");

        Assert.Equal(TilesApp.TileUrl, settings.GetProperty("tile_url").GetString());
        Assert.Equal("© example", settings.GetProperty("tile_attribution").GetString());
    }

    [Fact]
    public async Task UnknownFile_IsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/dashboard/nothing.js")).StatusCode);
    }

    [Fact]
    public async Task TileUrlThatIsNotHttp_StopsTheServiceFromStarting()
    {
        await using var bad = new BadTilesApp();
        await ((IAsyncLifetime)bad).InitializeAsync();

        var refused = Record.Exception(() => bad.CreateClient());

        Assert.NotNull(refused);
        Assert.Contains("Dashboard:TileUrl", refused.ToString());
    }

    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org")]
    [InlineData("http://gis.municipality.local:8080/tiles/{z}/{x}/{y}.png", "http://gis.municipality.local:8080")]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png", null)]
    [InlineData("https://user:secret@tiles.example.org/{z}/{x}/{y}.png", null)]
    [InlineData("tiles/{z}/{x}/{y}.png", null)]
    public void TileOrigin_IsTheTemplatesSchemeHostAndPort(string template, string? origin) =>
        Assert.Equal(origin, DashboardOptions.TileOrigin(template));
}

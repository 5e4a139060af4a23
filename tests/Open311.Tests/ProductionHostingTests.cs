using System.Net;
using Microsoft.AspNetCore.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests;

/// <summary>The service as a municipality runs it: Production, behind its public name.</summary>
public class ProductionHostingTests(ProductionHostingTests.InProduction app) : IClassFixture<ProductionHostingTests.InProduction>
{
    public const string PublicHost = "open311.heraklion.gr";

    public class InProduction : Open311App
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Open311:PublicBaseUrl", $"https://{PublicHost}/open311/v2"), new("AllowedHosts", PublicHost)];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    private HttpClient PublicClient()
    {
        var client = app.CreateClient(new() { BaseAddress = new Uri($"https://{PublicHost}") });
        return client;
    }

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task SwaggerAndTheDocument_AreNotServed_ByDefault(string path)
    {
        var response = await PublicClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HttpsAnswers_CarryHsts()
    {
        var response = await PublicClient().GetAsync("/open311/v2/discovery.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }
}

/// <summary>A municipality that wants its integrators to read the documentation turns it on.</summary>
public class ProductionSwaggerOnTests(ProductionSwaggerOnTests.SwaggerOn app) : IClassFixture<ProductionSwaggerOnTests.SwaggerOn>
{
    public sealed class SwaggerOn : ProductionHostingTests.InProduction
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("OpenApi:Serve", "true")];
    }

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task SwaggerAndTheDocument_AreServed_WhenSet(string path)
    {
        var response = await app.CreateClient(new() { BaseAddress = new Uri($"https://{ProductionHostingTests.PublicHost}") }).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;
using Swashbuckle.AspNetCore.Swagger;

namespace Open311.Tests;

/// <summary>
/// openapi.yaml at the repository root is the published contract. It must be exactly what the
/// service documents at /swagger; regenerate it with <c>UPDATE_OPENAPI=1 build/test.sh --filter OpenApi</c>.
/// </summary>
public class OpenApiDocumentTests(Open311App app) : IClassFixture<Open311App>
{
    private static readonly string CommittedPath = Path.Combine(PostgresServer.RepositoryRoot(), "openapi.yaml");

    private async Task<string> GeneratedAsync()
    {
        var document = app.Services.GetRequiredService<ISwaggerProvider>().GetSwagger(ApiDocumentation.DocumentName);
        using var stream = new MemoryStream();
        await document.SerializeAsYamlAsync(stream, OpenApiSpecVersion.OpenApi3_0);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    [Fact]
    public async Task CommittedOpenApiYaml_MatchesWhatTheServiceServes()
    {
        var generated = await GeneratedAsync();
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, generated);
        }

        var committed = File.Exists(CommittedPath) ? (await File.ReadAllTextAsync(CommittedPath)).ReplaceLineEndings("\n") : "";
        Assert.True(committed == generated, "openapi.yaml differs from the service's document: run UPDATE_OPENAPI=1 build/test.sh --filter OpenApi and review the diff.");
    }

    [Fact]
    public async Task Document_DescribesEveryGeoReportEndpointWithItsParametersAndErrors()
    {
        var yaml = await GeneratedAsync();

        foreach (var path in new[]
        {
            "/open311/v2/discovery.{format}", "/open311/v2/services.{format}", "/open311/v2/services/{service_code}.{format}",
            "/open311/v2/requests.{format}", "/open311/v2/requests/{service_request_id}.{format}", "/open311/v2/tokens/{token}.{format}",
            "/open311/v2/media/{id}",
        })
        {
            Assert.Contains(path, yaml);
        }

        foreach (var parameter in new[] { "jurisdiction_id", "locale", "start_date", "page_size", "radius", "bbox", "updated_after", "extensions", "attribute[CODE]", "media" })
        {
            Assert.Contains($"{parameter}", yaml);
        }

        Assert.Contains("'403':", yaml);
        Assert.Contains("multipart/form-data", yaml);
    }

    [Fact]
    public async Task SwaggerUi_IsServed()
    {
        var response = await app.CreateClient().GetAsync("/swagger/index.html");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var document = await app.CreateClient().GetStringAsync($"/swagger/{ApiDocumentation.DocumentName}/swagger.json");
        Assert.Contains("/open311/v2/requests.{format}", document);
    }
}

using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests;

/// <summary>The document states the limits this deployment is configured with, not the defaults.</summary>
public class OpenApiLimitsTests(OpenApiLimitsTests.TightLimitsApp app) : IClassFixture<OpenApiLimitsTests.TightLimitsApp>
{
    public sealed class TightLimitsApp : Open311App
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Open311:MaxPageSize", "250"), new("Open311:MaxWindowDays", "30"), new("Open311:MaxRadiusMetres", "2500")];
    }

    [Fact]
    public async Task Descriptions_StateTheConfiguredLimits()
    {
        var document = await app.CreateClient().GetStringAsync($"/swagger/{ApiDocumentation.DocumentName}/swagger.json");

        Assert.Contains("the last 30 days, at most 250.", document);
        Assert.Contains("results per page, 1 to 250 (default 250).", document);
        Assert.Contains("With end_date, at most 30 days apart.", document);
        Assert.Contains("(default 1,000, at most 2,500).", document);
        Assert.DoesNotContain("50,000", document);
    }
}

using System.Net;
using System.Text.Json;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

public class DiscoveryAndServicesTests(Open311App app) : IClassFixture<Open311App>
{
    private readonly GeoReportClient _client = app.GeoReport();

    [Fact]
    public async Task Discovery_Json_ListsEndpointWithoutTrailingSlashAndBothFormats()
    {
        var (response, body) = await _client.GetJsonAsync("/discovery.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        var endpoint = body.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", body.GetProperty("changeset").GetString());
    }

    [Fact]
    public async Task Discovery_ListsTheOtherConfiguredEndpoints()
    {
        await using var testServer = new WithProductionEndpoint();
        await ((IAsyncLifetime)testServer).InitializeAsync();

        var (_, body) = await testServer.GeoReport().GetJsonAsync("/discovery.json");

        var endpoints = body.GetProperty("endpoints").EnumerateArray()
            .Where(e => e.GetProperty("specification").GetString() == "http://wiki.open311.org/GeoReport_v2").ToList();
        Assert.Equal(["test", "production"], endpoints.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("https://open311.example.gr/open311/v2", endpoints[1].GetProperty("url").GetString());
    }

    private sealed class WithProductionEndpoint : Open311App
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("Open311:EndpointType", "test"),
            new("Open311:OtherEndpoints:0:Url", "https://open311.example.gr/open311/v2/"),
            new("Open311:OtherEndpoints:0:Type", "production"),
        ];
    }

    [Fact]
    public async Task Discovery_AtSiteRoot_Xml_HasNoNamespaces()
    {
        var response = await _client.Http.GetAsync("/discovery.xml");
        var body = await GeoReportClient.ReadXmlAsync(response);

        Assert.Equal("discovery", body.Name.LocalName);
        Assert.Equal("", body.Name.NamespaceName);
        Assert.Empty(body.Attributes());
        Assert.Equal(2, body.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Count());
    }

    [Fact]
    public async Task Services_Json_IsArrayOfPublicServicesWithStringCodes()
    {
        var (_, body) = await _client.GetJsonAsync("/services.json");

        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        var codes = body.EnumerateArray().Select(s => s.GetProperty("service_code")).ToList();
        Assert.All(codes, code => Assert.Equal(JsonValueKind.String, code.ValueKind));
        Assert.Contains("006", codes.Select(c => c.GetString()));
        Assert.DoesNotContain("014", codes.Select(c => c.GetString())); // private: social support
        var bins = body.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "012");
        Assert.Equal("Κάδοι απορριμμάτων", bins.GetProperty("service_name").GetString());
        Assert.True(bins.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", bins.GetProperty("type").GetString());
        var bulky = body.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "004");
        Assert.Equal("batch", bulky.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Services_Xml_HasTheSpecFieldsInOrder()
    {
        var (_, body) = await _client.GetXmlAsync("/services.xml");

        Assert.Equal("services", body.Name.LocalName);
        var service = body.Elements("service").First();
        Assert.Equal(
            ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
            service.Elements().Select(e => e.Name.LocalName));
    }

    [Theory]
    [InlineData("?locale=en", null)]
    [InlineData("", "en-GB,en;q=0.9,el;q=0.5")]
    [InlineData("?locale=fr", "fr-FR,en;q=0.8")]
    public async Task Services_InEnglish_ByLocaleOrAcceptLanguage(string query, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{GeoReportClient.Base}/services.json{query}");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        var body = await GeoReportClient.ReadJsonAsync(await _client.Http.SendAsync(request));

        var lamps = body.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "006");
        Assert.Equal("Street lighting fault", lamps.GetProperty("service_name").GetString());
    }

    [Fact]
    public async Task ServiceDefinition_Json_HasAttributesWithValuesAndOrder()
    {
        var (response, body) = await _client.GetJsonAsync("/services/012.json?locale=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("012", body.GetProperty("service_code").GetString());
        var attributes = body.GetProperty("attributes");
        Assert.Equal([1, 2], attributes.EnumerateArray().Select(a => a.GetProperty("order").GetInt32()));
        var problems = attributes[1];
        Assert.Equal("problems", problems.GetProperty("code").GetString());
        Assert.Equal("multivaluelist", problems.GetProperty("datatype").GetString());
        Assert.True(problems.GetProperty("required").GetBoolean());
        Assert.True(problems.GetProperty("variable").GetBoolean());
        Assert.Contains(problems.GetProperty("values").EnumerateArray(),
            v => v.GetProperty("key").GetString() == "full" && v.GetProperty("name").GetString() == "Full");
    }

    [Fact]
    public async Task ServiceDefinition_Xml_CoversEveryDatatype()
    {
        var datatypes = new HashSet<string>();
        foreach (var code in new[] { "004", "005", "006", "011", "012", "013" })
        {
            var (_, body) = await _client.GetXmlAsync($"/services/{code}.xml");
            Assert.Equal("service_definition", body.Name.LocalName);
            datatypes.UnionWith(body.Element("attributes")!.Elements("attribute").Select(a => a.Element("datatype")!.Value));
        }

        Assert.Equal(["datetime", "multivaluelist", "number", "singlevaluelist", "string", "text"], datatypes.Order());
    }

    [Theory]
    [InlineData("999")]
    [InlineData("014")] // private categories do not exist as far as Open311 is concerned
    public async Task ServiceDefinition_Unknown_Returns404InBothFormats(string code)
    {
        var (json, _) = await _client.GetJsonAsync($"/services/{code}.json");
        Assert.Contains(code, await GeoReportClient.AssertJsonErrorAsync(json, HttpStatusCode.NotFound));

        var xml = await _client.Http.GetAsync($"{GeoReportClient.Base}/services/{code}.xml");
        Assert.Contains(code, await GeoReportClient.AssertXmlErrorAsync(xml, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task UnknownFormat_Returns404()
    {
        var response = await _client.Http.GetAsync($"{GeoReportClient.Base}/services.yaml");
        await GeoReportClient.AssertXmlErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownPath_Json_Returns404AsOpen311Json()
    {
        var response = await _client.Http.GetAsync($"{GeoReportClient.Base}/no/such/thing.json");
        await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownJurisdiction_Returns404()
    {
        var (response, _) = await _client.GetJsonAsync("/services.json?jurisdiction_id=nowhere.gr");
        Assert.Contains("nowhere.gr", await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task EmptyParameter_BehavesAsAbsent()
    {
        var (plain, plainBody) = await _client.GetJsonAsync("/services.json");
        var (empty, emptyBody) = await _client.GetJsonAsync("/services.json?jurisdiction_id=&locale=");

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(plainBody.ToString(), emptyBody.ToString());
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }
}

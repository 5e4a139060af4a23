using System.Net;
using System.Net.Http.Headers;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

/// <summary>Hostile input on the GeoReport endpoints (issue 10, part 3): each once gave a 500 or was stored.</summary>
public class HostileSubmissionTests(Open311App app) : IClassFixture<Open311App>
{
    [Theory]
    [InlineData("/requests.json?protocol_number=%00")]
    [InlineData("/requests.json?service_code=%00")]
    [InlineData("/requests.json?service_request_id=1%002")]
    [InlineData("/services.json?jurisdiction_id=heraklion.gr%00")]
    public async Task NulInAQueryParameter_IsAnOpen311Error(string pathAndQuery)
    {
        var client = app.GeoReport();

        var json = await GeoReportClient.AssertJsonErrorAsync((await client.GetJsonAsync(pathAndQuery)).Response, HttpStatusCode.BadRequest);
        var xml = await GeoReportClient.AssertXmlErrorAsync(await client.Http.GetAsync(GeoReportClient.Base + pathAndQuery.Replace(".json", ".xml", StringComparison.Ordinal)),
            HttpStatusCode.BadRequest);

        Assert.Contains("NUL", json, StringComparison.Ordinal);
        Assert.Equal(json, xml);
    }

    [Theory]
    [InlineData("email", "a\0@example.org")]
    [InlineData("first_name", "Νί\0κος")]
    [InlineData("address_string", "Οδός\0")]
    public async Task NulInAFormField_IsRefusedAndNothingStored(string field, string value)
    {
        var before = await CountAsync();

        var response = await app.GeoReport().PostAsync("json", ("api_key", DemoData.ApiKey), ("service_code", "001"), ("address_string", "x"), (field, value));

        // ASP.NET's form reader already refuses a NUL in a form (the edge check sees none); what matters is a 400 and nothing stored.
        await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("bogus")]
    public async Task FormWithAnUnknownCharset_Is415InOpen311Format(string charset)
    {
        var content = new StringContent($"api_key={DemoData.ApiKey}&service_code=001&address_string=x");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/x-www-form-urlencoded; charset={charset}");

        var response = await app.GeoReport().Http.PostAsync($"{GeoReportClient.Base}/requests.json", content);

        Assert.Contains("charset", await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.UnsupportedMediaType), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("37.9838", "23.7275")]
    public async Task PointFarOutsideTheJurisdiction_IsRefused(string lat, string @long)
    {
        var before = await CountAsync();

        var response = await app.GeoReport().PostAsync("json", ("api_key", DemoData.ApiKey), ("service_code", "001"), ("lat", lat), ("long", @long));

        Assert.Contains("outside the area of heraklion.gr", await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("@")]
    [InlineData("a@")]
    [InlineData("@example.org")]
    [InlineData("Nikos <nikos@example.org>")]
    [InlineData("a b@example.org")]
    public async Task EmailThatIsNotAnAddress_IsRefused(string email)
    {
        var before = await CountAsync();

        var response = await app.GeoReport().PostAsync("json", ("api_key", DemoData.ApiKey), ("service_code", "001"), ("address_string", "x"), ("email", email));

        Assert.Contains("email is not a valid e-mail address", await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AGoodAddressAndAPointInsideTheArea_AreAccepted()
    {
        var id = await app.GeoReport().SubmitAsync(("service_code", "001"), ("lat", "35.3387"), ("long", "25.1442"), ("email", "nikos.p@example.org"));

        Assert.NotEmpty(id);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.Db();
        return db.Requests.Count();
    }
}

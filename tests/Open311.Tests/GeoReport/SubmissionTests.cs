using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

public class SubmissionTests(Open311App app) : IClassFixture<Open311App>
{
    private const string Key = DemoData.ApiKey;
    private readonly GeoReportClient _client = app.GeoReport();

    [Fact]
    public async Task PostRequest_Realtime_ReturnsIdAndStoresEverything()
    {
        var response = await _client.PostAsync("json",
            ("api_key", Key), ("service_code", "006"), ("lat", "35.3401"), ("long", "25.1357"),
            ("address_string", "Πλατεία Ελευθερίας 1"), ("zipcode", "71201"), ("description", "Σβηστή λάμπα"),
            ("attribute[fault]", "off"), ("attribute[pole_number]", "H-1123"));

        var body = await GeoReportClient.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = body[0].GetProperty("service_request_id").GetString()!;
        Assert.False(body[0].TryGetProperty("token", out _));

        var stored = await _client.GetRequestJsonAsync(id, "?extensions=true");
        Assert.Equal("open", stored.GetProperty("status").GetString());
        Assert.Equal("006", stored.GetProperty("service_code").GetString());
        Assert.Equal(35.3401, stored.GetProperty("lat").GetDouble());
        Assert.Equal("71201", stored.GetProperty("zipcode").GetString());
        Assert.Equal("Τμήμα Ηλεκτροφωτισμού", stored.GetProperty("agency_responsible").GetString());
        Assert.Matches(@"^\d{4}/\d{6}$", stored.GetProperty("extended_attributes").GetProperty("protocol_number").GetString());
        Assert.Contains(stored.GetProperty("attributes").EnumerateArray(),
            a => a.GetProperty("code").GetString() == "pole_number" && a.GetProperty("value").GetString() == "H-1123");
    }

    [Fact]
    public async Task PostRequest_Batch_ReturnsTokenThatResolvesAtOnce()
    {
        var response = await _client.PostAsync("xml",
            ("api_key", Key), ("service_code", "004"), ("address_string", "Έβανς 12"),
            ("attribute[item_types][]", "mattress"), ("attribute[item_types][]", "furniture"), ("attribute[item_count]", "2"));

        var body = await GeoReportClient.ReadXmlAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(body.Elements("request"));
        Assert.Null(request.Element("service_request_id"));
        var token = request.Element("token")!.Value;
        Assert.Equal("Η αποκομιδή προγραμματίζεται εντός 5 εργάσιμων ημερών.", request.Element("service_notice")!.Value);

        var (lookup, resolved) = await _client.GetXmlAsync($"/tokens/{token}.xml");
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        var id = resolved.Element("request")!.Element("service_request_id")!.Value;
        Assert.Equal(token, resolved.Element("request")!.Element("token")!.Value);
        var stored = await _client.GetRequestJsonAsync(id, "?extensions=true");
        var items = stored.GetProperty("attributes").EnumerateArray()
            .Where(a => a.GetProperty("code").GetString() == "item_types").Select(a => a.GetProperty("value").GetString());
        Assert.Equal(["mattress", "furniture"], items);
    }

    [Fact]
    public async Task PostRequest_MultivalueAsRepeatedKeyWithoutBrackets_IsAccepted()
    {
        // FixMyStreet's client repeats attribute[CODE] instead of attribute[CODE][].
        await _client.SubmitAsync(("service_code", "012"), ("lat", "35.33"), ("long", "25.14"),
            ("attribute[bin_type]", "general"), ("attribute[problems]", "full"), ("attribute[problems]", "smell"));
    }

    [Fact]
    public async Task GetToken_Unknown_Returns404()
    {
        var (response, _) = await _client.GetJsonAsync($"/tokens/{Guid.NewGuid()}.json");
        await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.NotFound);
        var (notAGuid, _) = await _client.GetJsonAsync("/tokens/abc.json");
        await GeoReportClient.AssertJsonErrorAsync(notAGuid, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostRequest_ApiKeyInHeader_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{GeoReportClient.Base}/requests.json")
        {
            Content = new FormUrlEncodedContent([new("service_code", "001"), new("address_string", "Χάνδακος 3")]),
        };
        request.Headers.Add("X-Api-Key", Key);

        var response = await _client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task PostRequest_MissingOrWrongApiKey_Returns403InBothFormats(string? key)
    {
        (string, string)[] fields = key is null
            ? [("service_code", "001"), ("address_string", "x")]
            : [("api_key", key), ("service_code", "001"), ("address_string", "x")];

        await GeoReportClient.AssertJsonErrorAsync(await _client.PostAsync("json", fields), HttpStatusCode.Forbidden);
        await GeoReportClient.AssertXmlErrorAsync(await _client.PostAsync("xml", fields), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PostRequest_RevokedApiKey_Returns403()
    {
        await using var db = app.Db();
        var (key, client) = Core.Clients.ApiKeys.Issue(DemoCatalog.JurisdictionId, "Revoked app", DateTimeOffset.UtcNow);
        client.RevokedAt = DateTimeOffset.UtcNow;
        db.ApiClients.Add(client);
        await Core.Audit.AuditedSave.SaveAuditedAsync(db, Core.Audit.AuditActor.System(DemoCatalog.JurisdictionId), DateTimeOffset.UtcNow, CancellationToken.None);

        var response = await _client.PostAsync("json", ("api_key", key), ("service_code", "001"), ("address_string", "x"));

        await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.Forbidden);
    }

    public static TheoryData<string, string[], HttpStatusCode, string> BadSubmissions => new()
    {
        { "no service_code", ["address_string", "x"], HttpStatusCode.BadRequest, "service_code is required" },
        { "unknown service", ["service_code", "999", "address_string", "x"], HttpStatusCode.NotFound, "service_code 999 not found" },
        { "private service", ["service_code", "014", "address_string", "x"], HttpStatusCode.NotFound, "service_code 014 not found" },
        { "no location", ["service_code", "001", "description", "x"], HttpStatusCode.BadRequest, "a location is required" },
        { "lat alone", ["service_code", "001", "lat", "35.3"], HttpStatusCode.BadRequest, "lat and long must be given together" },
        { "lat out of range", ["service_code", "001", "lat", "135", "long", "25"], HttpStatusCode.BadRequest, "lat must be between -90 and 90" },
        { "lat not a number", ["service_code", "001", "lat", "north", "long", "25"], HttpStatusCode.BadRequest, "lat must be a number" },
        { "long out of range", ["service_code", "001", "lat", "35", "long", "-181"], HttpStatusCode.BadRequest, "long must be between -180 and 180" },
        { "description too long", ["service_code", "001", "address_string", "x", "description", new string('α', 4001)], HttpStatusCode.BadRequest, "description must be at most 4000" },
        { "bad media_url", ["service_code", "001", "address_string", "x", "media_url", "javascript:alert(1)"], HttpStatusCode.BadRequest, "media_url must be" },
        { "unknown attribute", ["service_code", "005", "address_string", "x", "attribute[size]", "small", "attribute[colour]", "red"], HttpStatusCode.BadRequest, "attribute[colour] is not an attribute of service 005" },
        { "missing required attribute", ["service_code", "005", "address_string", "x"], HttpStatusCode.BadRequest, "attribute[size] is required" },
        { "value not listed", ["service_code", "005", "address_string", "x", "attribute[size]", "huge"], HttpStatusCode.BadRequest, "attribute[size] has no value 'huge'" },
        { "two values for a single list", ["service_code", "005", "address_string", "x", "attribute[size][]", "small", "attribute[size][]", "large"], HttpStatusCode.BadRequest, "attribute[size] takes a single value" },
        { "number not a number", ["service_code", "004", "address_string", "x", "attribute[item_types]", "mattress", "attribute[item_count]", "two"], HttpStatusCode.BadRequest, "attribute[item_count] must be a number" },
        { "datetime without offset", ["service_code", "011", "address_string", "x", "attribute[vehicle_type]", "car", "attribute[seen_since]", "2026-03-01T09:15:00"], HttpStatusCode.BadRequest, "attribute[seen_since] must be an ISO 8601 datetime with a zone offset" },
        { "control character", ["service_code", "001", "address_string", "x", "description", "bad\u0001text"], HttpStatusCode.BadRequest, "description contains control characters" },
        { "noncharacter in attribute", ["service_code", "005", "address_string", "x", "attribute[size]", "small\uFFFE"], HttpStatusCode.BadRequest, "attribute[size] contains control characters" },
        { "text too long", ["service_code", "013", "address_string", "x", "attribute[danger]", new string('x', 4001)], HttpStatusCode.BadRequest, "attribute[danger] must be at most 4000" },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task PostRequest_BadInput_ReturnsOpen311ErrorAndStoresNothing(string why, string[] pairs, HttpStatusCode status, string expected)
    {
        var before = await CountRequestsAsync();
        (string, string)[] fields = [("api_key", Key), .. pairs.Chunk(2).Select(p => (p[0], p[1]))];

        var json = await GeoReportClient.AssertJsonErrorAsync(await _client.PostAsync("json", fields), status);
        var xml = await GeoReportClient.AssertXmlErrorAsync(await _client.PostAsync("xml", fields), status);

        Assert.True(json.Contains(expected, StringComparison.Ordinal), $"{why}: {json}");
        Assert.Equal(json, xml);
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task PostRequest_SeveralProblems_ReportsEachError()
    {
        var response = await _client.PostAsync("json", ("api_key", Key), ("service_code", "005"), ("lat", "95"), ("long", "25"), ("attribute[size]", "huge"));

        var body = await GeoReportClient.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, body.GetArrayLength());
    }

    [Fact]
    public async Task PostRequest_JsonBody_Returns400()
    {
        var content = new StringContent("{\"service_code\":\"001\"}");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _client.Http.PostAsync($"{GeoReportClient.Base}/requests.json", content);

        Assert.Contains("x-www-form-urlencoded", await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task PostRequest_InformationalAttribute_IsIgnored()
    {
        var id = await _client.SubmitAsync(("service_code", "013"), ("lat", "35.33"), ("long", "25.13"),
            ("attribute[danger]", "Σπασμένο κλαδί"), ("attribute[safety_notice]", "ignored"));

        var stored = await _client.GetRequestJsonAsync(id, "?extensions=true");
        Assert.DoesNotContain(stored.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("code").GetString() == "safety_notice");
    }

    [Fact]
    public async Task GreekTextAndXmlSpecialCharacters_RoundTripExactly()
    {
        const string description = "Λακκούβα <βαθιά> & \"επικίνδυνη\" στην οδό Κνωσού — 'προσοχή' ✓";
        var id = await _client.SubmitAsync(("service_code", "005"), ("lat", "35.33"), ("long", "25.15"),
            ("attribute[size]", "large"), ("description", description), ("address_string", "Λεωφόρος Κνωσού 4 & Έβανς"));

        var json = await _client.GetRequestJsonAsync(id);
        Assert.Equal(description, json.GetProperty("description").GetString());

        var (_, xml) = await _client.GetXmlAsync($"/requests/{id}.xml");
        var request = xml.Element("request")!;
        Assert.Equal(description, request.Element("description")!.Value);
        Assert.Equal("Λεωφόρος Κνωσού 4 & Έβανς", request.Element("address")!.Value);

        var raw = await _client.Http.GetByteArrayAsync($"{GeoReportClient.Base}/requests/{id}.json");
        Assert.True(raw.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("Λακκούβα")) >= 0, "Greek must be sent as UTF-8, not as \\u escapes");
    }

    [Fact]
    public async Task CarriageReturns_RoundTripInXml()
    {
        const string description = "πρώτη γραμμή\r\nδεύτερη γραμμή\ttab";
        var id = await _client.SubmitAsync(("service_code", "001"), ("address_string", "Έβανς 2"), ("description", description));

        var (_, xml) = await _client.GetXmlAsync($"/requests/{id}.xml");

        Assert.Equal(description, xml.Element("request")!.Element("description")!.Value);
    }

    [Fact]
    public async Task PostRequest_PhotoUnderAnotherFieldName_IsTaken()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Key), "api_key" }, { new StringContent("001"), "service_code" }, { new StringContent("Έβανς 9"), "address_string" },
            { new ByteArrayContent(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Resources", "photo-with-gps.jpg"))), "photo1", "1.0.full.jpeg" },
        };

        var body = await GeoReportClient.ReadJsonAsync(await _client.Http.PostAsync($"{GeoReportClient.Base}/requests.json", form));

        var stored = await _client.GetRequestJsonAsync(body[0].GetProperty("service_request_id").GetString()!);
        Assert.Contains("/open311/v2/media/", stored.GetProperty("media_url").GetString());
    }

    [Fact]
    public async Task PostRequest_WritesFirstHistoryEventAndProtocolNumber()
    {
        var id = long.Parse(await _client.SubmitAsync(("service_code", "001"), ("address_string", "Μαρτύρων 8")), System.Globalization.CultureInfo.InvariantCulture);

        await using var db = app.Db();
        var stored = await db.Requests.Include(r => r.History).SingleAsync(r => r.Id == id);
        var submitted = Assert.Single(stored.History);
        Assert.Equal(Core.Requests.RequestEventKind.Submitted, submitted.Kind);
        Assert.StartsWith("client:", submitted.Actor);
        Assert.Equal(Core.Requests.Channel.Open311, stored.Channel);
        Assert.NotNull(stored.ApiClientId);
    }

    private async Task<int> CountRequestsAsync()
    {
        await using var db = app.Db();
        return await db.Requests.CountAsync();
    }
}

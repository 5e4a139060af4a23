using System.Net;
using System.Text.Json;
using Open311.Core.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

public class RequestSearchTests(Open311App app) : IClassFixture<Open311App>
{
    private readonly GeoReportClient _client = app.GeoReport();

    private static List<string> Ids(JsonElement list) => [.. list.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];

    /// <summary>Moves a request's dates, as if it had been made earlier.</summary>
    private async Task BackdateAsync(string id, TimeSpan age)
    {
        await using var db = app.Db();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE service_requests SET requested_at = requested_at - {age}, updated_at = updated_at - {age} WHERE id = {long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)}");
    }

    [Fact]
    public async Task GetRequests_Default_IsLast90DaysNewestFirstAtMost1000()
    {
        var old = await _client.SubmitAsync(("service_code", "001"), ("address_string", "παλιό"));
        await BackdateAsync(old, TimeSpan.FromDays(100));
        var fresh = await _client.SubmitAsync(("service_code", "001"), ("address_string", "νέο"));

        var (response, body) = await _client.GetJsonAsync("/requests.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = Ids(body);
        Assert.Equal(fresh, ids[0]);
        Assert.DoesNotContain(old, ids);
        Assert.InRange(ids.Count, 2, 1000);
        var times = body.EnumerateArray().Select(r => DateTimeOffset.Parse(r.GetProperty("requested_datetime").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.All(times, t => Assert.True(t > DateTimeOffset.UtcNow.AddDays(-91)));
    }

    [Fact]
    public async Task GetRequests_DateWindow_FindsOlderRequests()
    {
        var old = await _client.SubmitAsync(("service_code", "002"), ("address_string", "παλιό"));
        await BackdateAsync(old, TimeSpan.FromDays(120));
        var start = DateTimeOffset.UtcNow.AddDays(-125).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.UtcNow.AddDays(-115).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture);

        var (_, body) = await _client.GetJsonAsync($"/requests.json?start_date={start}&end_date={Uri.EscapeDataString(end)}&service_code=002");

        Assert.Contains(old, Ids(body));
    }

    [Fact]
    public async Task GetRequests_DatesWithNonUtcOffsets_AreTheSameInstants()
    {
        var id = await _client.SubmitAsync(("service_code", "002"), ("address_string", "ζώνη ώρας"));
        var now = DateTimeOffset.UtcNow;
        string Athens(DateTimeOffset t) => Uri.EscapeDataString(t.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        string NewYork(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "-0500";

        var (response, body) = await _client.GetJsonAsync(
            $"/requests.json?start_date={Athens(now.AddMinutes(-5))}&end_date={NewYork(now.AddMinutes(5))}&updated_after={Athens(now.AddMinutes(-5))}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(id, Ids(body));
    }

    [Fact]
    public async Task UpdatedAfterAlone_FindsChangesToOldRequests()
    {
        var old = await _client.SubmitAsync(("service_code", "003"), ("address_string", "πολύ παλιό"));
        await using (var db = app.Db())
        {
            // Made long ago, changed just now.
            await db.Database.ExecuteSqlAsync(
                $"UPDATE service_requests SET requested_at = requested_at - {TimeSpan.FromDays(200)} WHERE id = {long.Parse(old, System.Globalization.CultureInfo.InvariantCulture)}");
        }

        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-5).ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        var (_, body) = await _client.GetJsonAsync($"/requests.json?updated_after={since}");

        Assert.Contains(old, Ids(body));
    }

    [Fact]
    public async Task ServiceRequestId_IgnoresEvenInvalidOtherFilters()
    {
        var id = await _client.SubmitAsync(("service_code", "001"), ("address_string", "x"));

        var (response, body) = await _client.GetJsonAsync($"/requests.json?service_request_id={id}&status=pending&page_size=0&start_date=never");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([id], Ids(body));
    }

    [Fact]
    public async Task ControlCharacterEchoedInAnXmlError_DoesNotBreakTheResponse()
    {
        var response = await _client.Http.GetAsync($"{GeoReportClient.Base}/services/0%0101.xml");

        Assert.Contains("\uFFFD", await GeoReportClient.AssertXmlErrorAsync(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task DoubleSlashInPath_IsTreatedAsOne()
    {
        var response = await _client.Http.GetAsync("/open311/v2//services.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("lat=91&long=25", "lat must be a number between -90 and 90")]
    [InlineData("start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "may not span more than 90 days")]
    [InlineData("start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z", "start_date must be before end_date")]
    [InlineData("start_date=2026-03-01T09:15:00", "start_date must be an ISO 8601 datetime with a zone offset")]
    [InlineData("start_date=yesterday", "start_date must be an ISO 8601 datetime")]
    [InlineData("status=pending", "status must be open, closed or both")]
    [InlineData("page=0", "page must be a whole number")]
    [InlineData("page=3000000", "page must be a whole number between 1 and 100000")]
    [InlineData("start_date=9999-12-31T00:00:00Z", "start_date must be an ISO 8601 datetime")]
    [InlineData("end_date=0001-01-01T00:00:00Z", "end_date must be an ISO 8601 datetime")]
    [InlineData("page_size=1001", "page_size must be a whole number between 1 and 1000")]
    [InlineData("lat=35.3", "lat and long must be given together")]
    [InlineData("radius=100", "radius needs lat and long")]
    [InlineData("lat=35.3&long=25.1&radius=900000", "radius must be a number between 1 and 50000")]
    [InlineData("bbox=25.2,35.3,25.1,35.4", "bbox must be left,bottom,right,top")]
    [InlineData("bbox=1,2,3", "bbox must be left,bottom,right,top")]
    [InlineData("bbox=25.1,35.3,25.2,35.4&lat=35.3&long=25.1", "use either lat/long/radius or bbox")]
    [InlineData("updated_after=soon", "updated_after must be an ISO 8601 datetime")]
    public async Task GetRequests_BadFilter_Returns400InBothFormats(string query, string expected)
    {
        var (json, _) = await _client.GetJsonAsync($"/requests.json?{query}");
        Assert.Contains(expected, await GeoReportClient.AssertJsonErrorAsync(json, HttpStatusCode.BadRequest));

        var xml = await _client.Http.GetAsync($"{GeoReportClient.Base}/requests.xml?{query}");
        Assert.Contains(expected, await GeoReportClient.AssertXmlErrorAsync(xml, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task GetRequests_StatusAndServiceCode_Filter()
    {
        var (_, open) = await _client.GetJsonAsync("/requests.json?status=open&service_code=005,006");
        var (_, closed) = await _client.GetJsonAsync("/requests.json?status=closed");
        var (_, both) = await _client.GetJsonAsync("/requests.json?status=open,closed");

        Assert.NotEqual(0, open.GetArrayLength());
        Assert.All(open.EnumerateArray(), r =>
        {
            Assert.Equal("open", r.GetProperty("status").GetString());
            Assert.Contains(r.GetProperty("service_code").GetString(), new[] { "005", "006" });
        });
        Assert.NotEqual(0, closed.GetArrayLength());
        Assert.All(closed.EnumerateArray(), r => Assert.Equal("closed", r.GetProperty("status").GetString()));
        Assert.True(both.GetArrayLength() > closed.GetArrayLength());
    }

    [Fact]
    public async Task GetRequests_ServiceRequestId_OverridesEveryOtherFilter()
    {
        var old = await _client.SubmitAsync(("service_code", "003"), ("address_string", "παλιό"));
        await BackdateAsync(old, TimeSpan.FromDays(400));
        var other = await _client.SubmitAsync(("service_code", "007"), ("address_string", "άλλο"));

        var (_, body) = await _client.GetJsonAsync($"/requests.json?service_request_id={old},{other},abc&service_code=001&status=closed");

        Assert.Equal([other, old], Ids(body));
    }

    [Fact]
    public async Task GetRequest_UnknownOrPrivate_Returns404()
    {
        var (missing, _) = await _client.GetJsonAsync("/requests/999999999.json");
        await GeoReportClient.AssertJsonErrorAsync(missing, HttpStatusCode.NotFound);
        var notNumeric = await _client.Http.GetAsync($"{GeoReportClient.Base}/requests/abc.xml");
        await GeoReportClient.AssertXmlErrorAsync(notNumeric, HttpStatusCode.NotFound);

        // Private categories are recorded by staff only, never through Open311.
        await using var scope = app.Services.CreateAsyncScope();
        var intake = await scope.ServiceProvider.GetRequiredService<RequestLifecycle>().SubmitAsync(new NewRequest
        {
            JurisdictionId = DemoCatalog.JurisdictionId, ServiceCode = "014", Address = "x", Channel = Channel.Phone, IncludePrivateServices = true,
            Actor = "staff:1",
        }, CancellationToken.None);
        var hidden = intake.Request!;
        var (response, _) = await _client.GetJsonAsync($"/requests/{hidden.Id}.json");
        await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.NotFound);
        var (_, list) = await _client.GetJsonAsync($"/requests.json?service_request_id={hidden.Id}");
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task GetRequest_Json_IsOneElementArrayWithTheSpecFields()
    {
        var id = await _client.SubmitAsync(("service_code", "001"), ("lat", "35.335"), ("long", "25.133"));

        var (_, body) = await _client.GetJsonAsync($"/requests/{id}.json");
        var (_, xml) = await _client.GetXmlAsync($"/requests/{id}.xml");

        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        string[] fields =
        [
            "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
            "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
            "lat", "long", "media_url",
        ];
        Assert.Equal(fields, Assert.Single(body.EnumerateArray()).EnumerateObject().Select(p => p.Name));
        Assert.Equal(fields, xml.Element("request")!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(JsonValueKind.Number, body[0].GetProperty("lat").ValueKind);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00$", body[0].GetProperty("requested_datetime").GetString()); // Europe/Athens
    }

    [Fact]
    public async Task GetRequests_Paging_WalksPagesWithLinkHeaders()
    {
        var (first, page1) = await _client.GetJsonAsync("/requests.json?page_size=3");
        var (_, page2) = await _client.GetJsonAsync("/requests.json?page_size=3&page=2");

        Assert.Equal(3, page1.GetArrayLength());
        Assert.Equal("3", first.Headers.GetValues("X-Result-Count").Single());
        var link = first.Headers.GetValues("Link").Single();
        Assert.Contains("page=2", link);
        Assert.Contains("rel=\"next\"", link);
        Assert.Empty(Ids(page1).Intersect(Ids(page2)));
    }

    [Fact]
    public async Task GetRequests_Radius_FindsOnlyNearbyRequests()
    {
        // Knossos palace, ~5 km from the demo requests around the centre.
        var near = await _client.SubmitAsync(("service_code", "008"), ("lat", "35.2980"), ("long", "25.1632"));
        var alsoNear = await _client.SubmitAsync(("service_code", "008"), ("lat", "35.2990"), ("long", "25.1632")); // ~110 m north
        var far = await _client.SubmitAsync(("service_code", "008"), ("lat", "35.3387"), ("long", "25.1442"));

        var (_, within50) = await _client.GetJsonAsync("/requests.json?lat=35.2980&long=25.1632&radius=50");
        var (_, within200) = await _client.GetJsonAsync("/requests.json?lat=35.2980&long=25.1632&radius=200");

        Assert.Equal([near], Ids(within50));
        Assert.Equal([alsoNear, near], Ids(within200));
        Assert.DoesNotContain(far, Ids(within200));
    }

    [Fact]
    public async Task GetRequests_Bbox_FindsOnlyRequestsInsideTheBox()
    {
        var inside = await _client.SubmitAsync(("service_code", "009"), ("lat", "35.2500"), ("long", "25.2500"));
        var outside = await _client.SubmitAsync(("service_code", "009"), ("lat", "35.2600"), ("long", "25.2700"));

        var (_, body) = await _client.GetJsonAsync("/requests.json?bbox=25.245,35.245,25.255,35.255");

        Assert.Equal([inside], Ids(body));
        Assert.DoesNotContain(outside, Ids(body));
    }

    [Fact]
    public async Task GetRequests_Bbox_IsContainmentInDegreesWithItsEdges()
    {
        // The box's top edge as a great circle bulges about 0.001° north at 25.5°E: a geography
        // box listed this point, 0.0005° above the edge.
        var justOutside = await _client.SubmitAsync(("service_code", "009"), ("lat", "36.0005"), ("long", "25.5"));
        var onTheEdge = await _client.SubmitAsync(("service_code", "009"), ("lat", "36.0"), ("long", "25.7"));

        var (_, body) = await _client.GetJsonAsync("/requests.json?bbox=25,35,26,36");

        Assert.Contains(onTheEdge, Ids(body));
        Assert.DoesNotContain(justOutside, Ids(body));
    }

    [Theory]
    [InlineData("-170,-80,170,80")]
    [InlineData("-180,-90,180,90")]
    public async Task GetRequests_BboxWiderThanAHemisphereOrTheWholeWorld_ListsWhatIsInside(string bbox)
    {
        var inside = await _client.SubmitAsync(("service_code", "009"), ("lat", "35.3"), ("long", "25.1"));

        var (response, body) = await _client.GetJsonAsync($"/requests.json?bbox={bbox}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(inside, Ids(body));
    }

    [Fact]
    public async Task GetRequests_UpdatedAfter_ReturnsOnlyLaterChanges()
    {
        var before = await _client.SubmitAsync(("service_code", "010"), ("address_string", "πριν"));
        await BackdateAsync(before, TimeSpan.FromMinutes(10));
        var since = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var after = await _client.SubmitAsync(("service_code", "010"), ("address_string", "μετά"));

        var (_, body) = await _client.GetJsonAsync($"/requests.json?updated_after={since}");
        var (_, earlier) = await _client.GetJsonAsync($"/requests.json?updated_before={since}&service_code=010");

        Assert.Contains(after, Ids(body));
        Assert.DoesNotContain(before, Ids(body));
        Assert.Contains(before, Ids(earlier));
    }

    [Fact]
    public async Task GetRequests_Extensions_AddsPublicHistoryAsNotes()
    {
        var (_, body) = await _client.GetJsonAsync("/requests.json?status=closed&extensions=true&page_size=1&locale=en");

        var request = body[0];
        var notes = request.GetProperty("notes").EnumerateArray().ToList();
        Assert.Equal("opened", notes[0].GetProperty("type").GetString());
        Assert.Equal("Request received", notes[0].GetProperty("summary").GetString());
        Assert.Equal(request.GetProperty("status_notes").GetString(), notes[^1].GetProperty("summary").GetString());
        Assert.Contains(request.GetProperty("extended_attributes").GetProperty("channel").GetString(), new[] { "open311", "phone" });

        var (_, plain) = await _client.GetJsonAsync("/requests.json?status=closed&page_size=1");
        Assert.False(plain[0].TryGetProperty("notes", out _));
    }
}

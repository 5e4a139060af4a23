using System.Net;
using System.Text.Json;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Hosting;
using Open311.Core.Requests;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

/// <summary>GET and POST servicerequestupdates, as FixMyStreet and its open311-adapter use them.</summary>
public class RequestUpdatesTests(Open311App app) : IClassFixture<Open311App>
{
    private readonly GeoReportClient _client = app.GeoReport();

    private static string Window() =>
        $"start_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:sszzz"))}" +
        $"&end_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:sszzz"))}";

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:sszzz");

    private Task<HttpResponseMessage> PostUpdateAsync(string format, params (string Key, string Value)[] fields) =>
        _client.Http.PostAsync($"{GeoReportClient.Base}/servicerequestupdates.{format}",
            new FormUrlEncodedContent(fields.Select(f => System.Collections.Generic.KeyValuePair.Create(f.Key, f.Value))));

    private static (string, string)[] Update(long requestId, string updateId, string status = "OPEN", string description = "Ακόμα σβηστή") =>
    [
        ("api_key", DemoData.ApiKey), ("service_request_id", requestId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("update_id", updateId), ("status", status), ("updated_datetime", Now()), ("description", description),
        ("first_name", "Ευτυχία"), ("last_name", "Σταυρακάκη"), ("email", "eftychia.stavrakaki@example.gr"),
    ];

    private async Task<JsonElement> Step(AdminClient staff, long id, string path, object body)
    {
        var (response, answer) = await staff.PostAsync($"/admin/requests/{id}/{path}", body);
        Assert.True(response.IsSuccessStatusCode, answer.ToString());
        return answer;
    }

    /// <summary>A lighting request the dispatcher has resolved: closed, with its public note.</summary>
    private async Task<long> ResolvedLightingAsync(AdminClient dispatcher)
    {
        var id = await DemoRequests.LightingAsync(app);
        await Step(dispatcher, id, "transitions", new { to = "acknowledged", version = await dispatcher.VersionAsync(id) });
        await Step(dispatcher, id, "transitions", new { to = "resolved", version = await dispatcher.VersionAsync(id), public_note = "Αντικαταστάθηκε." });
        return id;
    }

    private async Task<long> PrivateCategoryRequestAsync(AdminClient dispatcher)
    {
        var (response, body) = await dispatcher.PostAsync("/admin/requests", new
        {
            service_code = "014", channel = "phone", address = "Μεραμβέλλου 3", description = "Χρειάζεται φάρμακα",
            caller = new { first_name = "Ειρήνη", phone = "2810000000" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return body.GetProperty("request").GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task GetUpdates_Json_ListsPublicEventsOfPublicRequestsOnly_WithTheirFields()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var id = await DemoRequests.LightingAsync(app);
        await Step(dispatcher, id, "transitions", new { to = "acknowledged", version = await dispatcher.VersionAsync(id), public_note = "Το είδαμε." });
        await Step(dispatcher, id, "notes", new { text = "Εσωτερική σημείωση για το συνεργείο", @public = false, version = await dispatcher.VersionAsync(id) });
        await Step(dispatcher, id, "notes", new { text = "Συνεργείο αύριο.", @public = true, version = await dispatcher.VersionAsync(id) });
        var hidden = await PrivateCategoryRequestAsync(dispatcher);
        await Step(dispatcher, hidden, "notes", new { text = "Δημόσια σημείωση ιδιωτικής κατηγορίας", @public = true, version = await dispatcher.VersionAsync(hidden) });

        var (response, body) = await _client.GetJsonAsync($"/servicerequestupdates.json?{Window()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        var ours = body.EnumerateArray().Where(u => u.GetProperty("service_request_id").GetString() == id.ToString()).ToList();
        Assert.Equal(["Το είδαμε.", "Συνεργείο αύριο."], ours.Select(u => u.GetProperty("description").GetString()));
        var acknowledged = ours[0];
        Assert.Equal("open", acknowledged.GetProperty("status").GetString());
        Assert.Equal("acknowledged", acknowledged.GetProperty("external_status_code").GetString());
        Assert.Equal(JsonValueKind.Null, acknowledged.GetProperty("media_url").ValueKind);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00$", acknowledged.GetProperty("updated_datetime").GetString());
        Assert.True(long.Parse(ours[1].GetProperty("update_id").GetString()!) > long.Parse(acknowledged.GetProperty("update_id").GetString()!));
        var text = body.ToString();
        Assert.DoesNotContain("Εσωτερική σημείωση", text);
        Assert.DoesNotContain("ιδιωτικής κατηγορίας", text);
        Assert.DoesNotContain($"\"{hidden}\"", text);
        Assert.Equal(body.GetArrayLength().ToString(), response.Headers.GetValues("X-Result-Count").Single());
    }

    [Fact]
    public async Task GetUpdates_Xml_HasFixMyStreetsElementNames()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var id = await ResolvedLightingAsync(dispatcher);

        var (response, body) = await _client.GetXmlAsync($"/servicerequestupdates.xml?{Window()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("service_request_updates", body.Name.LocalName);
        var ours = body.Elements("request_update").Where(u => u.Element("service_request_id")!.Value == id.ToString()).ToList();
        Assert.Equal(2, ours.Count);
        var resolved = ours[1];
        Assert.Equal(["update_id", "service_request_id", "status", "updated_datetime", "description", "media_url", "external_status_code"],
            resolved.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("closed", resolved.Element("status")!.Value);
        Assert.Equal("resolved", resolved.Element("external_status_code")!.Value);
        Assert.Equal("Αντικαταστάθηκε.", resolved.Element("description")!.Value);
        Assert.Equal("", ours[0].Element("description")!.Value); // acknowledged without a note
    }

    [Theory]
    [InlineData("json", "start_date=yesterday", "start_date must be an ISO 8601 datetime")]
    [InlineData("xml", "start_date=2026-01-01T00:00:00%2B02:00&end_date=2026-06-01T00:00:00%2B02:00", "may not span more than 90 days")]
    [InlineData("json", "start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z", "start_date must be before end_date")]
    [InlineData("xml", "page_size=100000", "page_size must be a whole number between 1 and 1000")]
    public async Task GetUpdates_BadWindow_IsAnOpen311Error(string format, string query, string expected)
    {
        var response = await _client.Http.GetAsync($"{GeoReportClient.Base}/servicerequestupdates.{format}?{query}");

        var description = format == "json"
            ? await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.BadRequest)
            : await GeoReportClient.AssertXmlErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, description);
    }

    [Fact]
    public async Task GetUpdates_Pages_WithLinkHeaders()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        await ResolvedLightingAsync(dispatcher);

        var (first, page1) = await _client.GetJsonAsync($"/servicerequestupdates.json?{Window()}&page_size=1");
        var (_, page2) = await _client.GetJsonAsync($"/servicerequestupdates.json?{Window()}&page_size=1&page=2");

        Assert.Equal(1, page1.GetArrayLength());
        Assert.Contains("rel=\"next\"", first.Headers.GetValues("Link").Single());
        Assert.NotEqual(page1[0].GetProperty("update_id").GetString(), page2[0].GetProperty("update_id").GetString());
    }

    [Fact]
    public async Task PostUpdate_RecordsOneStaffOnlyEvent_AndARepeatGetsTheSameAnswer()
    {
        var id = await DemoRequests.LightingAsync(app);

        var first = await PostUpdateAsync("json", Update(id, "fms-comment-101"));
        var firstBody = await GeoReportClient.ReadJsonAsync(first);
        var again = await PostUpdateAsync("json", Update(id, "fms-comment-101"));
        var againBody = await GeoReportClient.ReadJsonAsync(again);

        Assert.True(first.StatusCode == HttpStatusCode.OK, firstBody.ToString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var updateId = firstBody[0].GetProperty("update_id").GetString();
        Assert.Equal(updateId, againBody[0].GetProperty("update_id").GetString());
        Assert.Equal(firstBody.ToString(), againBody.ToString());
        Assert.Equal("open", firstBody[0].GetProperty("status").GetString());
        Assert.False(firstBody[0].GetProperty("status_changed").GetBoolean());
        await using (var db = app.Db())
        {
            var recorded = await db.RequestEvents.Include(e => e.FollowUp).SingleAsync(e => e.RequestId == id && e.Kind == RequestEventKind.CitizenUpdate);
            Assert.Equal(updateId, recorded.Id.ToString());
            Assert.False(recorded.IsPublic);
            Assert.Equal("eftychia.stavrakaki@example.gr", recorded.FollowUp!.Email); // kept, as personal data
        }

        var lighting = await AdminClient.SignInAsync(app, "lighting");
        var (_, history) = await lighting.GetAsync($"/admin/requests/{id}/history");
        var seen = history.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "citizenupdate");
        Assert.Equal("Ακόμα σβηστή", seen.GetProperty("note").GetString());
        Assert.False(seen.GetProperty("is_public").GetBoolean());

        // Public output shows neither the follow-up nor who sent it.
        var (_, updates) = await _client.GetJsonAsync($"/servicerequestupdates.json?{Window()}");
        var request = await _client.GetRequestJsonAsync(id.ToString(), "?extensions=true");
        Assert.DoesNotContain(updateId, updates.EnumerateArray().Select(u => u.GetProperty("update_id").GetString()));
        foreach (var text in new[] { updates.ToString(), request.ToString() })
        {
            Assert.DoesNotContain("Ακόμα σβηστή", text);
            Assert.DoesNotContain("Σταυρακάκη", text);
            Assert.DoesNotContain("eftychia", text);
        }

        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("eftychia", StringComparison.Ordinal) || line.Contains("Σταυρακάκη", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostUpdate_SameUpdateIdFromAnotherClientApp_IsItsOwnUpdate()
    {
        var id = await DemoRequests.LightingAsync(app);
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (_, created) = await admin.PostAsync("/admin/clients", new { name = "Another app", rate_limit_per_minute = 100 });
        var otherKey = created.GetProperty("api_key").GetString()!;

        var ours = await GeoReportClient.ReadJsonAsync(await PostUpdateAsync("json", Update(id, "42")));
        var theirs = await GeoReportClient.ReadJsonAsync(await PostUpdateAsync("json", [("api_key", otherKey), .. Update(id, "42").Skip(1)]));

        Assert.NotEqual(ours[0].GetProperty("update_id").GetString(), theirs[0].GetProperty("update_id").GetString());
    }

    [Fact]
    public async Task PostUpdate_OpenOnAResolvedRequest_ReopensIt()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var id = await ResolvedLightingAsync(dispatcher);

        var response = await PostUpdateAsync("xml", Update(id, "reopen-1", status: "REOPEN", description: "Έσβησε πάλι"));
        var body = await GeoReportClient.ReadXmlAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("service_request_updates", body.Name.LocalName);
        var answer = body.Element("request_update")!;
        Assert.Equal("open", answer.Element("status")!.Value);
        Assert.Equal("true", answer.Element("status_changed")!.Value);
        var request = await _client.GetRequestJsonAsync(id.ToString(), "?extensions=true");
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("in_progress", request.GetProperty("extended_attributes").GetProperty("detailed_status").GetString());
        var (_, updates) = await _client.GetJsonAsync($"/servicerequestupdates.json?{Window()}");
        Assert.Contains(updates.EnumerateArray(), u => u.GetProperty("service_request_id").GetString() == id.ToString()
            && u.GetProperty("external_status_code").GetString() == "in_progress" && u.GetProperty("status").GetString() == "open");
    }

    [Fact]
    public async Task PostUpdate_OpenOnADuplicate_IsRecordedButChangesNoStatus()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var original = await DemoRequests.LightingAsync(app);
        var id = await DemoRequests.LightingAsync(app);
        await Step(dispatcher, id, "duplicate-of", new { original_id = original, version = await dispatcher.VersionAsync(id) });

        var body = await GeoReportClient.ReadJsonAsync(await PostUpdateAsync("json", Update(id, "dup-1")));

        Assert.Equal("closed", body[0].GetProperty("status").GetString());
        Assert.False(body[0].GetProperty("status_changed").GetBoolean());
        Assert.Equal("closed", (await _client.GetRequestJsonAsync(id.ToString())).GetProperty("status").GetString());
        await using var db = app.Db();
        Assert.Equal(1, await db.RequestEvents.CountAsync(e => e.RequestId == id && e.Kind == RequestEventKind.CitizenUpdate));
    }

    [Fact]
    public async Task PostUpdate_WithAPhoto_StoresItWithoutGps_AndNeverServesItPublicly()
    {
        var id = await DemoRequests.LightingAsync(app);
        var photo = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Resources", "photo-with-gps.jpg"));
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in Update(id, "photo-1", description: ""))
        {
            form.Add(new StringContent(value), key);
        }

        form.Add(new ByteArrayContent(photo), "photo1", "1.0.full.jpeg");

        var response = await _client.Http.PostAsync($"{GeoReportClient.Base}/servicerequestupdates.json", form);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        var mediaId = await db.RequestEvents.Where(e => e.RequestId == id && e.Kind == RequestEventKind.CitizenUpdate).Select(e => e.MediaId).SingleAsync();
        var stored = await db.RequestMedia.SingleAsync(m => m.Id == mediaId);
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(photo)).OfType<GpsDirectory>());
        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(stored.Content)).OfType<GpsDirectory>());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync($"{GeoReportClient.Base}/media/{mediaId}")).StatusCode);
    }

    [Fact]
    public async Task PostUpdate_WithoutAValidKey_Is403_InXmlAndJson()
    {
        var id = await DemoRequests.LightingAsync(app);
        var fields = Update(id, "no-key").Skip(1).ToArray();

        Assert.Contains("api_key", await GeoReportClient.AssertJsonErrorAsync(await PostUpdateAsync("json", fields), HttpStatusCode.Forbidden));
        Assert.Contains("api_key", await GeoReportClient.AssertXmlErrorAsync(await PostUpdateAsync("xml", [("api_key", "wrong"), .. fields]), HttpStatusCode.Forbidden));
        await using var db = app.Db();
        Assert.Equal(0, await db.RequestEvents.CountAsync(e => e.RequestId == id && e.Kind == RequestEventKind.CitizenUpdate));
    }

    [Fact]
    public async Task PostUpdate_UnknownOrPrivateRequest_Is404_InXmlAndJson()
    {
        var hidden = await PrivateCategoryRequestAsync(await AdminClient.SignInAsync(app, "dispatcher"));

        var unknown = await GeoReportClient.AssertJsonErrorAsync(await PostUpdateAsync("json", Update(999_999_999, "u-1")), HttpStatusCode.NotFound);
        var notNumber = await GeoReportClient.AssertXmlErrorAsync(await PostUpdateAsync("xml", [.. Update(1, "u-2").Where(f => f.Item1 != "service_request_id"), ("service_request_id", "abc")]), HttpStatusCode.NotFound);
        var privately = await GeoReportClient.AssertXmlErrorAsync(await PostUpdateAsync("xml", Update(hidden, "u-3")), HttpStatusCode.NotFound);

        Assert.Equal("service_request_id 999999999 not found", unknown);
        Assert.Equal("service_request_id abc not found", notNumber);
        Assert.Equal($"service_request_id {hidden} not found", privately);
        await using var db = app.Db();
        Assert.Equal(0, await db.RequestEvents.CountAsync(e => e.RequestId == hidden && e.Kind == RequestEventKind.CitizenUpdate));
    }

    [Theory]
    [InlineData("status", "", "status is required")]
    [InlineData("status", "maybe", "status must be open or closed, not 'maybe'")]
    [InlineData("updated_datetime", "2026-01-01 10:00", "updated_datetime must be an ISO 8601 datetime")]
    [InlineData("updated_datetime", "2099-01-01T10:00:00Z", "updated_datetime may not be in the future")]
    [InlineData("update_id", "", "update_id is required")]
    [InlineData("email", "not-an-email", "email is not a valid e-mail address")]
    [InlineData("media_url", "ftp://example.gr/x.jpg", "media_url must be an absolute http or https URL")]
    [InlineData("description", "", "an update needs a description, a media_url or a photo")]
    [InlineData("description", "bell\u0007", "description contains control characters")]
    public async Task PostUpdate_BadField_Is400_InXmlAndJson(string field, string value, string expected)
    {
        var id = await DemoRequests.LightingAsync(app);
        (string, string)[] fields = [.. Update(id, $"bad-{field}").Where(f => f.Item1 != field), (field, value)];

        Assert.Contains(expected, await GeoReportClient.AssertJsonErrorAsync(await PostUpdateAsync("json", fields), HttpStatusCode.BadRequest));
        var xml = await PostUpdateAsync("xml", fields);
        Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
        Assert.Contains(expected, (await GeoReportClient.ReadXmlAsync(xml)).Elements("error").Select(e => e.Element("description")!.Value).First());
        await using var db = app.Db();
        Assert.Equal(0, await db.RequestEvents.CountAsync(e => e.RequestId == id && e.Kind == RequestEventKind.CitizenUpdate));
    }

    [Fact]
    public async Task Discovery_ListsTheUpdatesSpecification()
    {
        var (_, body) = await _client.GetXmlAsync("/discovery.xml");

        var specifications = body.Element("endpoints")!.Elements("endpoint").Select(e => e.Element("specification")!.Value).ToList();
        Assert.Contains("http://wiki.open311.org/GeoReport_v2/Servicerequestupdates", specifications);
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", specifications[0]);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

public class IntakeTests(Open311App app) : IClassFixture<Open311App>
{
    [Fact]
    public async Task PhoneIntake_GetsAProtocolNumberTheCitizenCanLookUpWithoutTheirDetails()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var calledAt = DateTimeOffset.UtcNow.AddHours(-15);

        var (response, body) = await dispatcher.PostAsync("/admin/requests", new
        {
            service_code = "004",
            channel = "phone",
            address = "Καλοκαιρινού 112",
            description = "Παλιός καναπές στο πεζοδρόμιο",
            caller = new { first_name = "Στέλιος", last_name = "Μανουσάκης", phone = "6944111222" },
            notify_sms = true,
            received_at = calledAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            attributes = new Dictionary<string, object> { ["item_types"] = new[] { "furniture" }, ["item_count"] = "1" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var request = body.GetProperty("request");
        var protocol = request.GetProperty("protocol_number").GetString()!;
        Assert.Matches(@"^\d{4}/\d{6}$", protocol);
        Assert.Equal("phone", request.GetProperty("channel").GetString());
        Assert.Equal("Στέλιος", body.GetProperty("contact").GetProperty("first_name").GetString());
        Assert.True(body.GetProperty("notify_sms").GetBoolean());
        Assert.Equal(calledAt.ToUnixTimeSeconds(), request.GetProperty("requested_at").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(await DemoRequests.DepartmentIdAsync(app, "Cleaning and Recycling Directorate"), request.GetProperty("department_id").GetInt64());

        var text = await app.GeoReport().Http.GetStringAsync($"/open311/v2/requests.json?protocol_number={Uri.EscapeDataString(protocol)}&extensions=true");
        Assert.Contains(protocol, text);
        Assert.DoesNotContain("Μανουσάκης", text);
        Assert.DoesNotContain("6944111222", text);
    }

    [Fact]
    public async Task PrivateCategory_CanBeTakenByPhoneButNeverShowsInOpen311()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");

        var (response, body) = await dispatcher.PostAsync("/admin/requests", new
        {
            service_code = "014", channel = "phone", address = "Μεραμβέλλου 3", description = "Χρειάζεται φάρμακα",
            caller = new { first_name = "Ειρήνη", phone = "2810000000" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = body.GetProperty("request").GetProperty("id").GetInt64();
        var protocol = body.GetProperty("request").GetProperty("protocol_number").GetString()!;
        var (hidden, _) = await app.GeoReport().GetJsonAsync($"/requests/{id}.json");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var (_, byProtocol) = await app.GeoReport().GetJsonAsync($"/requests.json?protocol_number={Uri.EscapeDataString(protocol)}");
        Assert.Equal(0, byProtocol.GetArrayLength());
    }

    [Theory]
    [InlineData("{\"service_code\":\"001\",\"channel\":\"phone\",\"address\":\"x\",\"notify_sms\":true}", "notify_sms")]
    [InlineData("{\"service_code\":\"001\",\"channel\":\"open311\",\"address\":\"x\"}", "channel")]
    [InlineData("{\"service_code\":\"001\",\"channel\":\"phone\",\"address\":\"x\",\"received_at\":\"2026-01-01 10:00\"}", "received_at")]
    [InlineData("{\"service_code\":\"001\",\"channel\":\"phone\",\"address\":\"x\",\"received_at\":\"2016-01-01T10:00:00+02:00\"}", "received_at")]
    [InlineData("{\"service_code\":\"001\",\"channel\":\"phone\"}", "a location is required")]
    [InlineData("{\"service_code\":\"005\",\"channel\":\"phone\",\"address\":\"x\",\"attributes\":{\"size\":\"huge\"}}", "attribute[size] has no value 'huge'")]
    [InlineData("{\"service_code\":\"005\",\"channel\":\"phone\",\"address\":\"x\",\"attributes\":{\"size\":7}}", "attributes.size")]
    [InlineData("{\"service_code\":\"001\",\"channel\":\"fax\",\"address\":\"x\"}", "channel")]
    [InlineData("{\"service_code\":\"001\",\"channel\":\"phone\",\"address\":\"x\"", "JSON")]
    public async Task PhoneIntake_BadInput_ReturnsProblemDetailsAndStoresNothing(string json, string expected)
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        int before;
        await using (var db = app.Db())
        {
            before = await db.Requests.CountAsync();
        }

        var response = await dispatcher.Http.PostAsync("/admin/requests", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        await using var check = app.Db();
        Assert.Equal(before, await check.Requests.CountAsync());
    }

    [Fact]
    public async Task PhoneIntake_UnknownCategory_Returns404()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        AdminClient.AssertProblem(await dispatcher.PostAsync("/admin/requests", new { service_code = "999", channel = "phone", address = "x" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConcurrentIntakeFromBothChannels_GetsGapFreeProtocolNumbers()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        int before;
        await using (var db = app.Db())
        {
            before = await db.ProtocolCounters.MaxAsync(c => c.LastNumber);
        }

        var phone = Enumerable.Range(0, 15).Select(async i =>
        {
            var (response, body) = await dispatcher.PostAsync("/admin/requests", new { service_code = "001", channel = "counter", address = $"Γκισί {i}" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return body.GetProperty("request").GetProperty("protocol_number").GetString()!;
        });
        var apps = Enumerable.Range(0, 15).Select(async i =>
        {
            var id = await app.GeoReport().SubmitAsync(("service_code", "001"), ("address_string", $"Γκισί {i}"));
            await using var db = app.Db();
            return await db.Requests.Where(r => r.Id == long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).Select(r => r.ProtocolNumber).SingleAsync();
        });
        var numbers = await Task.WhenAll(phone.Concat(apps));

        var sequence = numbers.Select(n => int.Parse(n.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture)).Order();
        Assert.Equal(Enumerable.Range(before + 1, 30), sequence);
    }
}

using System.Net;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Citizens;

/// <summary>Open311 submissions ask for messages with FixMyStreet's fields; the phone line with its own.</summary>
public class OptInTests(Open311App app) : IClassFixture<Open311App>
{
    private readonly GeoReportClient _client = app.GeoReport();

    private static readonly (string, string)[] Lamp =
        [("api_key", DemoData.ApiKey), ("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"), ("attribute[fault]", "off")];

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task AlertsRequested_AreStoredWithTheirLanguage(string format)
    {
        var response = await _client.PostAsync(format, [.. Lamp, ("email", "maria@example.gr"), ("email_alerts_requested", "TRUE"),
            ("phone", "6912345678"), ("sms_alerts_requested", "true"), ("alerts_language", "en")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = format == "json"
            ? (await GeoReportClient.ReadJsonAsync(response))[0].GetProperty("service_request_id").GetString()!
            : (await GeoReportClient.ReadXmlAsync(response)).Element("request")!.Element("service_request_id")!.Value;
        var stored = await CitizenRequests.StoredAsync(app, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(stored.NotifyEmail);
        Assert.True(stored.NotifySms);
        Assert.Equal("en", stored.Language);
    }

    [Fact]
    public async Task WithoutAlerts_NothingIsSentAndTheLanguageIsTheAnswersOwn()
    {
        var plain = long.Parse(await _client.SubmitAsync(Lamp[1..]), System.Globalization.CultureInfo.InvariantCulture);
        var english = long.Parse(await _client.SubmitAsync([.. Lamp[1..], ("locale", "en"), ("email_alerts_requested", "false"), ("email", "a@example.gr")]),
            System.Globalization.CultureInfo.InvariantCulture);

        var stored = await CitizenRequests.StoredAsync(app, plain);
        Assert.False(stored.NotifyEmail);
        Assert.False(stored.NotifySms);
        Assert.Equal("el", stored.Language);
        var asked = await CitizenRequests.StoredAsync(app, english);
        Assert.False(asked.NotifyEmail);
        Assert.Equal("en", asked.Language);
    }

    public static TheoryData<string, string, string, string, string> Refusals => new()
    {
        { "email_alerts_requested", "yes", "email", "maria@example.gr", "email_alerts_requested must be true or false, not 'yes'" },
        { "sms_alerts_requested", "1", "phone", "6912345678", "sms_alerts_requested must be true or false, not '1'" },
        { "sms_alerts_requested", "true", "email", "maria@example.gr", "sms_alerts_requested: SMS updates need the requester's phone" },
        { "email_alerts_requested", "true", "phone", "6912345678", "email_alerts_requested: e-mail updates need the requester's e-mail" },
        { "alerts_language", "de", "email", "maria@example.gr", "alerts_language: de is not one this jurisdiction writes in (el, en)" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task BadAlertFields_AreOpen311ErrorsNamingTheField(string field, string value, string contactField, string contact, string expected)
    {
        var json = await _client.PostAsync("json", [.. Lamp, (field, value), (contactField, contact)]);
        Assert.Equal(expected, await GeoReportClient.AssertJsonErrorAsync(json, HttpStatusCode.BadRequest));

        var xml = await _client.PostAsync("xml", [.. Lamp, (field, value), (contactField, contact)]);
        Assert.Equal(expected, await GeoReportClient.AssertXmlErrorAsync(xml, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task PhoneIntake_RecordsTheCallersLanguage()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var call = new Dictionary<string, object>
        {
            ["service_code"] = "001", ["channel"] = "phone", ["address"] = "Έβανς 10", ["caller"] = new { phone = "6944111222" }, ["notify_sms"] = true,
        };

        call["language"] = "en";
        var (created, body) = await dispatcher.PostAsync("/admin/requests", call);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("en", (await CitizenRequests.StoredAsync(app, body.GetProperty("request").GetProperty("id").GetInt64())).Language);

        call["language"] = "fr";
        var (refused, problem) = await dispatcher.PostAsync("/admin/requests", call);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("fr is not one this jurisdiction writes in", problem.GetProperty("errors").GetProperty("language")[0].GetString());
    }
}

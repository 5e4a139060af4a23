using System.Net;
using System.Text.Json;
using Open311.Core.Clients;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Report;

/// <summary>The reporting page's server side: its files and policy, its settings, its own client app and the receipt it reads.</summary>
public class ReportPageTests(Open311App app) : IClassFixture<Open311App>
{
    private async Task<JsonElement> SettingsAsync(string query = "")
    {
        var response = await app.CreateClient().GetAsync($"/report/settings.json{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static FormUrlEncodedContent Pothole(string key, params (string Key, string Value)[] more) => new(
        new[] { ("api_key", key), ("service_code", "005"), ("address_string", "Λεωφόρος Κνωσού 45"), ("attribute[size]", "small") }
            .Concat(more).Select(p => KeyValuePair.Create(p.Item1, p.Item2)));

    [Fact]
    public async Task ThePage_IsServedWithItsLibraries_AndAPolicyThatAllowsOnlyThisService()
    {
        var http = app.CreateClient();
        var page = await http.GetAsync("/report/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html lang=\"el\">", await page.Content.ReadAsStringAsync());
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("connect-src 'self';", policy);
        Assert.Contains("img-src 'self' data: blob:;", policy); // no tile server configured here
        foreach (var file in new[] { "app.js", "open311.js", "form.js", "location.js", "photo.js", "texts.js", "report.css", "vendor/leaflet.js", "vendor/leaflet.css" })
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/report/{file}")).StatusCode);
        }
    }

    [Fact]
    public async Task Settings_HandOutTheKeyOfOneBuiltInClientApp_ListedAndLimitedLikeAnyOther()
    {
        var settings = await SettingsAsync();
        Assert.Equal("heraklion.gr", settings.GetProperty("jurisdiction_id").GetString());
        Assert.Equal("/open311/v2", settings.GetProperty("api_base").GetString());
        Assert.Equal(12, settings.GetProperty("contact_retention_months").GetInt32());
        Assert.Equal("", settings.GetProperty("tile_url").GetString());
        var key = settings.GetProperty("api_key").GetString()!;
        Assert.Equal(key, (await SettingsAsync("?jurisdiction_id=HERAKLION.gr")).GetProperty("api_key").GetString()); // one app, not one per visit

        var admin = await AdminClient.SignInAsync(app, "admin");
        var (_, clients) = await admin.GetAsync("/admin/clients");
        var page = Assert.Single(clients.EnumerateArray(), c => c.GetProperty("name").GetString() == ReportingPageClient.Name);
        Assert.Equal(key[..8], page.GetProperty("key_prefix").GetString());
        var id = page.GetProperty("id").GetInt64();

        // Rate-limited like any app: an administrator sets one report a minute, and the second is refused.
        var (changed, _) = await admin.PutAsync($"/admin/clients/{id}", new { name = ReportingPageClient.Name, rate_limit_per_minute = 1 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/open311/v2/requests.json", Pothole(key))).StatusCode);
        var refused = await http.PostAsync("/open311/v2/requests.json", Pothole(key));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        // Revoked like any app: the key stops at once, and the page is given a new one.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/admin/clients/{id}/revoke", null)).Response.StatusCode);
        await GeoReportClient.AssertJsonErrorAsync(await http.PostAsync("/open311/v2/requests.json", Pothole(key)), HttpStatusCode.Forbidden);
        var renewed = (await SettingsAsync()).GetProperty("api_key").GetString()!;
        Assert.NotEqual(key, renewed);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/open311/v2/requests.json", Pothole(renewed))).StatusCode);
    }

    [Fact]
    public async Task Settings_ForAnUnknownJurisdiction_Are404()
    {
        var response = await app.CreateClient().GetAsync("/report/settings.json?jurisdiction_id=nowhere.gr");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Receipt_WithExtensions_GivesTheProtocolNumberAndTheSubmittersFollowLink_AndWithoutThemIsPlainGeoReport()
    {
        var http = app.CreateClient();
        var plain = await GeoReportClient.ReadJsonAsync(await http.PostAsync("/open311/v2/requests.json", Pothole(Api.Hosting.DemoData.ApiKey)));
        Assert.False(plain[0].TryGetProperty("protocol_number", out _));
        Assert.False(plain[0].TryGetProperty("follow_url", out _));

        var extended = await GeoReportClient.ReadJsonAsync(await http.PostAsync("/open311/v2/requests.json", Pothole(Api.Hosting.DemoData.ApiKey, ("extensions", "TRUE"))));
        var id = extended[0].GetProperty("service_request_id").GetString()!;
        var protocol = extended[0].GetProperty("protocol_number").GetString()!;
        var stored = await app.GeoReport().GetRequestJsonAsync(id, "?extensions=true");
        Assert.Equal(protocol, stored.GetProperty("extended_attributes").GetProperty("protocol_number").GetString());
        var follow = new Uri(extended[0].GetProperty("follow_url").GetString()!);
        Assert.StartsWith($"/follow/{protocol}", follow.AbsolutePath + "/", StringComparison.Ordinal);
        var page = await http.GetAsync(follow.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(protocol, await page.Content.ReadAsStringAsync());

        var xml = await GeoReportClient.ReadXmlAsync(await http.PostAsync("/open311/v2/requests.xml", Pothole(Api.Hosting.DemoData.ApiKey, ("extensions", "true"))));
        Assert.Matches(@"^\d{4}/\d{6}$", xml.Descendants("protocol_number").Single().Value);
        Assert.Contains("/follow/", xml.Descendants("follow_url").Single().Value);
    }
}

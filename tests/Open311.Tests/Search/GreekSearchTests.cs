using System.Net;
using System.Text.Json;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Search;

/// <summary>The search people type into (TextSearch, 0022): the staff list's q and the Open311 q extension, on the real database.</summary>
public class GreekSearchTests(Open311App app) : IClassFixture<Open311App>
{
    private const string Lamp = "Σβηστή λάμπα στην πλατεία";

    private Task<long> LampAsync() =>
        DemoRequests.SubmitAsync(app, ("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"), ("attribute[fault]", "off"), ("description", Lamp),
            ("first_name", "Ευτέρπη"), ("last_name", "Ζαχαριουδάκη"), ("email", "efterpi@example.org"));

    private static List<long> Ids(JsonElement items, string idName) =>
        [.. items.EnumerateArray().Select(r => r.GetProperty(idName) is { ValueKind: JsonValueKind.String } s
            ? long.Parse(s.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : r.GetProperty(idName).GetInt64())];

    private async Task<List<long>> StaffFindsAsync(string q)
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (response, page) = await dispatcher.GetAsync($"/admin/requests?page_size=200&q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Ids(page.GetProperty("items"), "id");
    }

    private async Task<List<long>> PublicFindsAsync(string q)
    {
        var (response, list) = await app.GeoReport().GetJsonAsync($"/requests.json?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Ids(list, "service_request_id");
    }

    [Theory]
    [InlineData("λαμπα")]
    [InlineData("ΛΑΜΠΑ")]
    [InlineData("λάμπες")]
    [InlineData("σβηστη")]
    [InlineData("πλατεια")]
    [InlineData("lampa")]
    [InlineData("λαμ")]
    [InlineData("λαμπαα")]
    [InlineData("ΣΒΗΣΤΗ ΛΑΜΠΑ")]
    public async Task TheLamp_IsFoundHoweverItIsTyped(string q)
    {
        var lamp = await LampAsync();

        Assert.Contains(lamp, await StaffFindsAsync(q));
        Assert.Contains(lamp, await PublicFindsAsync(q));
    }

    [Theory]
    [InlineData("λακκούβα")]
    [InlineData("lakouva")]
    [InlineData("σκουπίδια")]
    [InlineData("λάμπα δέντρο")]
    [InlineData("Ζαχαριουδάκη")]
    [InlineData("efterpi@example.org")]
    public async Task TheLamp_IsNotFoundByOtherWordsOrItsRequestersContact(string q)
    {
        var lamp = await LampAsync();

        Assert.DoesNotContain(lamp, await StaffFindsAsync(q));
        Assert.DoesNotContain(lamp, await PublicFindsAsync(q));
    }

    [Fact]
    public async Task BestMatchesComeFirst_ThenNewest()
    {
        var lamp = await LampAsync();
        var newerButWorse = await DemoRequests.LightingAsync(app);

        var staff = await StaffFindsAsync(Lamp);
        var open311 = await PublicFindsAsync(Lamp);

        Assert.Equal(lamp, staff[0]);
        Assert.Equal(lamp, open311[0]);
        Assert.True(staff.IndexOf(newerButWorse) is -1 or > 0);
    }

    [Fact]
    public async Task PublicNotesAndProtocolNumbers_AreSearched()
    {
        var lamp = await LampAsync();
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (resolved, _) = await dispatcher.PostAsync($"/admin/requests/{lamp}/transitions",
            new { to = "rejected", version = await dispatcher.VersionAsync(lamp), public_note = "Ο στύλος ανήκει στον ΔΕΔΔΗΕ." });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var protocol = (await dispatcher.RequestAsync(lamp)).GetProperty("request").GetProperty("protocol_number").GetString()!;

        Assert.Contains(lamp, await StaffFindsAsync("στυλος"));
        Assert.Contains(lamp, await PublicFindsAsync("ΔΕΔΔΗΕ"));
        Assert.Contains(lamp, await StaffFindsAsync(protocol));
        Assert.Contains(lamp, await PublicFindsAsync(protocol));
    }

    [Fact]
    public async Task PrivateCategories_AreSearchedByStaffOnly()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (created, body) = await dispatcher.PostAsync("/admin/requests", new
        {
            service_code = "014",
            channel = "phone",
            address = "Καλοκαιρινού 112",
            description = "Φάρμακα για ηλικιωμένη, σβηστή λάμπα στην κουζίνα",
            caller = new { first_name = "Στέλιος", last_name = "Μανουσάκης", phone = "6944111222" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = body.GetProperty("request").GetProperty("id").GetInt64();

        Assert.Contains(id, await StaffFindsAsync("φαρμακα"));
        Assert.DoesNotContain(id, await PublicFindsAsync("φαρμακα"));
        Assert.DoesNotContain(id, await StaffFindsAsync("Μανουσάκης"));
        Assert.DoesNotContain(id, await StaffFindsAsync("6944111222"));
    }

    [Fact]
    public async Task WhatAPrivateRequestHolds_DoesNotChangeWhatThePublicFinds()
    {
        // Typos are looked for only when no request holds the words as typed: that "no request" must be the
        // caller's requests, or a public answer would tell whether a social-support request names someone.
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (created, body) = await dispatcher.PostAsync("/admin/requests", new
        {
            service_code = "014", channel = "phone", address = "Καλοκαιρινού 112", description = "Βοήθεια στο σπίτι της κ. Καλλιγιαννάκη",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = body.GetProperty("request").GetProperty("id").GetInt64();
        var lookalike = await DemoRequests.SubmitAsync(app, ("service_code", "005"), ("lat", "35.3301"), ("long", "25.1401"),
            ("attribute[size]", "large"), ("description", "Λακκούβα έξω από το κατάστημα Καλιγιαννάκη"));

        var found = await PublicFindsAsync("Καλλιγιαννάκη");

        Assert.Contains(lookalike, found);
        Assert.DoesNotContain(secret, found);
        Assert.Contains(secret, await StaffFindsAsync("Καλλιγιαννάκη"));
    }

    [Fact]
    public async Task Pages_DoNotOverlap()
    {
        await LampAsync();
        await LampAsync();
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");

        var (_, first) = await dispatcher.GetAsync("/admin/requests?q=lampa&page_size=1");
        var (_, second) = await dispatcher.GetAsync("/admin/requests?q=lampa&page_size=1&page=2");
        var (_, open311) = await app.GeoReport().GetJsonAsync("/requests.json?q=lampa&page_size=1&page=2");

        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.NotEqual(Ids(first.GetProperty("items"), "id"), Ids(second.GetProperty("items"), "id"));
        Assert.Single(Ids(second.GetProperty("items"), "id"));
        Assert.Single(open311.EnumerateArray());
    }

    [Theory]
    [InlineData("q=!!!")]
    [InlineData("sort=relevance")]
    public async Task StaffList_RefusesAQueryWithoutWords(string query)
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        AdminClient.AssertProblem(await dispatcher.GetAsync($"/admin/requests?{query}"), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await dispatcher.GetAsync($"/admin/requests?q={new string('α', 201)}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Open311_RefusesAQueryWithoutWords_AsAnOpen311Error()
    {
        var json = await GeoReportClient.AssertJsonErrorAsync(await app.GeoReport().Http.GetAsync("/open311/v2/requests.json?q=%21%21"), HttpStatusCode.BadRequest);
        Assert.Contains("q", json);
        await GeoReportClient.AssertXmlErrorAsync(await app.GeoReport().Http.GetAsync($"/open311/v2/requests.xml?q={new string('α', 201)}"), HttpStatusCode.BadRequest);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

/// <summary>Texts in any language the jurisdiction enables, with fallback to its default, and one language rule for Open311 and staff.</summary>
public class LanguageTests(Open311App app) : IClassFixture<Open311App>
{
    private const string LightsGreek = "Βλάβη στον Δημοτικό Φωτισμό";
    private const string LightsGerman = "Defekte Straßenbeleuchtung";

    [Fact]
    public async Task ThirdLanguage_EnabledAndSetThroughTheAdminApi_IsServedByOpen311_OthersFallBackToTheDefault()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        Assert.Equal(LightsGreek, await ServiceNameAsync("006", "?locale=de")); // not enabled yet: the default language

        var (enabled, languages) = await admin.PutAsync("/admin/languages", new { @default = "el", enabled = new[] { "el", "en", "de" } });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(["el", "en", "de"], languages.GetProperty("enabled").EnumerateArray().Select(l => l.GetString()));
        var (_, trail) = await admin.GetAsync("/admin/audit?entity=jurisdiction&entity_id=heraklion.gr");
        var change = trail.EnumerateArray().First();
        Assert.Equal(["el", "en"], change.GetProperty("before").GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Municipality of Heraklion", change.GetProperty("after").GetProperty("name_en").GetString());

        // The view sent back with a German name added: the el/en fields and the map agree.
        var (_, all) = await admin.GetAsync("/admin/services");
        var lights = JsonNode.Parse(all.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "006").GetRawText())!.AsObject();
        lights["names"]!["de"] = LightsGerman;
        var (updated, view) = await admin.PutAsync($"/admin/services/{lights["id"]}", lights);
        Assert.True(updated.StatusCode == HttpStatusCode.OK, view.ToString());
        Assert.Equal(LightsGerman, view.GetProperty("names").GetProperty("de").GetString());
        Assert.Equal("Street lighting fault", view.GetProperty("name_en").GetString());

        Assert.Equal(LightsGerman, await ServiceNameAsync("006", "?locale=de"));
        Assert.Equal(LightsGerman, await ServiceNameAsync("006", "", "fr, de-AT;q=0.8, en;q=0.5"));
        Assert.Equal("Street lighting fault", await ServiceNameAsync("006", "?locale=en"));
        Assert.Equal("Αιτήματα για Θέματα Καθαριότητας", await ServiceNameAsync("001", "?locale=de")); // no German name: Greek, the default

        // A request shows its category and department in German too; the built-in note summaries (Greek, English) fall back to Greek.
        var (_, departments) = await admin.GetAsync("/admin/departments");
        var section = JsonNode.Parse(departments.EnumerateArray().Single(d => d.GetProperty("name_en").GetString() == "Street Lighting Section").GetRawText())!;
        section["names"]!["de"] = "Abteilung Straßenbeleuchtung";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/admin/departments/{section["id"]}", section)).Response.StatusCode);
        var id = await DemoRequests.LightingAsync(app);
        var request = await app.GeoReport().GetRequestJsonAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "?extensions=true&locale=de");
        Assert.Equal(LightsGerman, request.GetProperty("service_name").GetString());
        Assert.Equal("Abteilung Straßenbeleuchtung", request.GetProperty("agency_responsible").GetString());
        Assert.Equal("Το αίτημα καταχωρήθηκε", request.GetProperty("notes")[0].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task TextMissingInTheChosenLanguage_FallsBackToTheDefault_ThenToAnyLanguage()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (created, _) = await admin.PostAsync("/admin/services", new
        {
            code = "L1",
            names = new Dictionary<string, string> { ["el"] = "Αδέσποτα ζώα" },
            groups = new Dictionary<string, string> { ["el"] = "Ζώα", ["en"] = "Animals" },
            descriptions = new Dictionary<string, string> { ["en"] = "Stray animals" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var (_, services) = await app.GeoReport().GetJsonAsync("/services.json?locale=en");
        var strays = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "L1");
        Assert.Equal("Αδέσποτα ζώα", strays.GetProperty("service_name").GetString());
        Assert.Equal("Animals", strays.GetProperty("group").GetString());
        var (_, inGreek) = await app.GeoReport().GetJsonAsync("/services.json?locale=el");
        Assert.Equal("Stray animals", inGreek.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "L1").GetProperty("description").GetString());
    }

    [Fact]
    public async Task TextInALanguageNotEnabled_IsRefused_AndOnlyAdminsChangeTheLanguages()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");

        var problem = AdminClient.AssertProblem(await admin.PostAsync("/admin/departments",
            new { name_el = "Τμήμα Λιμένα", names = new Dictionary<string, string> { ["fr"] = "Service du port" } }), HttpStatusCode.BadRequest);
        Assert.Contains("'fr' is not enabled", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        var disagree = AdminClient.AssertProblem(await admin.PostAsync("/admin/departments",
            new { name_el = "Τμήμα Λιμένα", names = new Dictionary<string, string> { ["el"] = "Λιμάνι" } }), HttpStatusCode.BadRequest);
        Assert.Contains("differ", disagree.GetProperty("errors").GetProperty("name")[0].GetString());
        AdminClient.AssertProblem(await admin.PostAsync("/admin/departments", new { names = new Dictionary<string, string> { ["en"] = "Port" } }),
            HttpStatusCode.BadRequest); // nothing in Greek, the default
        AdminClient.AssertProblem(await admin.PutAsync("/admin/languages", new { @default = "fr", enabled = new[] { "el", "en" } }), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await admin.PutAsync("/admin/languages", new { @default = "el", enabled = new[] { "el", "Deutsch" } }), HttpStatusCode.BadRequest);

        var viewer = await AdminClient.SignInAsync(app, "viewer");
        var (seen, languages) = await viewer.GetAsync("/admin/languages");
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal("el", languages.GetProperty("default").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsync("/admin/languages", new { @default = "el", enabled = new[] { "el" } })).Response.StatusCode);
    }

    [Theory]
    [InlineData(null, null, "el")]
    [InlineData("en", null, "en")]
    [InlineData(null, "en-GB,el;q=0.5", "en")]
    [InlineData("fr", null, "el")]
    public async Task StaffListAndStatistics_ShowNamesInTheSameLanguage(string? locale, string? acceptLanguage, string expected)
    {
        var id = await DemoRequests.LightingAsync(app);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        if (acceptLanguage is not null)
        {
            dispatcher.Http.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        }

        var query = locale is null ? "" : $"&locale={locale}";
        var (_, list) = await dispatcher.GetAsync($"/admin/requests?service_code=006{query}");
        var (_, detail) = await dispatcher.GetAsync($"/admin/requests/{id}?{query}");
        var (_, statistics) = await dispatcher.GetAsync($"/admin/statistics?group_by=category&from=2020-01-01T00:00:00Z{query}");
        var (_, byDepartment) = await dispatcher.GetAsync($"/admin/statistics?group_by=department&from=2020-01-01T00:00:00Z{query}");

        var name = expected == "en" ? "Street lighting fault" : LightsGreek;
        Assert.Equal(name, list.GetProperty("items").EnumerateArray().First(r => r.GetProperty("id").GetInt64() == id).GetProperty("service_name").GetString());
        Assert.Equal(name, detail.GetProperty("request").GetProperty("service_name").GetString());
        Assert.Contains(statistics.GetProperty("rows").EnumerateArray(), r => r.GetProperty("key").GetString() == "006" && r.GetProperty("label").GetString() == name);
        Assert.Contains(byDepartment.GetProperty("rows").EnumerateArray(),
            r => r.GetProperty("label").GetString() == (expected == "en" ? "Street Lighting Section" : "Τμήμα Ηλεκτροφωτισμού"));
    }

    private async Task<string?> ServiceNameAsync(string code, string query, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{GeoReportClient.Base}/services.json{query}");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        var body = await GeoReportClient.ReadJsonAsync(await app.GeoReport().Http.SendAsync(request));
        return body.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == code).GetProperty("service_name").GetString();
    }
}

using System.Globalization;
using System.Net;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Citizens;

public class FollowPageTests(FollowPageTests.PagesApp app) : IClassFixture<FollowPageTests.PagesApp>
{
    /// <summary>Room for every page these tests open; the limit itself is <see cref="FollowRateLimitTests"/>'.</summary>
    public sealed class PagesApp : Open311App
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Citizens:PageViewsPerMinute", "1000")];
    }

    private static readonly string[] Personal = ["Ευανθία", "Παπαδογιαννάκη", "evanthia.p@example.gr", "6977123456", "device-41aa", "account-9931"];

    private const string Description = "Σβηστή λάμπα έξω από το σπίτι της κυρίας Ευανθίας";

    private readonly HttpClient _http = app.CreateClient();

    [Fact]
    public async Task FollowPage_ShowsStatePublicNotesAndDates_InGreekAndEnglish_WithoutPersonalData()
    {
        var id = await DemoRequests.SubmitAsync(app, ("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"), ("attribute[fault]", "off"),
            ("description", Description), ("first_name", Personal[0]), ("last_name", Personal[1]), ("email", Personal[2]), ("phone", Personal[3]),
            ("device_id", Personal[4]), ("account_id", Personal[5]), ("email_alerts_requested", "true"));
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (moved, _) = await dispatcher.PostAsync($"/admin/requests/{id}/transitions",
            new { to = "acknowledged", version = await dispatcher.VersionAsync(id), public_note = "Συνεργείο θα περάσει την Πέμπτη <b>πρωί</b>." });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await dispatcher.PostAsync($"/admin/requests/{id}/notes", new { text = "Εσωτερικό: ο πολίτης τηλεφώνησε ξανά", @public = false, version = await dispatcher.VersionAsync(id) });
        await dispatcher.PutAsync($"/admin/requests/{id}/expected", new { expected_datetime = "2026-12-31T10:00:00+02:00", version = await dispatcher.VersionAsync(id) });
        var stored = await CitizenRequests.StoredAsync(app, id);
        var path = await CitizenRequests.FollowPathAsync(app, id);

        var greek = await PageAsync(path);
        Assert.Contains("<html lang=\"el\">", greek);
        Assert.Contains("<meta name=\"viewport\"", greek);
        Assert.Contains($"Αίτημα {stored.ProtocolNumber}", greek);
        Assert.Contains("Βλάβη στον Δημοτικό Φωτισμό", greek);
        Assert.Contains("Επιβεβαιώθηκε", greek);
        Assert.Contains("ανοιχτό", greek);
        Assert.Contains("Το αίτημα καταχωρήθηκε", greek);
        // Staff's public note, HTML-encoded; the internal one not at all.
        Assert.Contains("Συνεργείο θα περάσει την Πέμπτη &lt;b&gt;πρωί&lt;/b&gt;.", greek);
        Assert.DoesNotContain("<b>", greek);
        Assert.DoesNotContain("Εσωτερικό", greek);
        // Dates as people in Heraklion read them: requested, and the expected date set by staff.
        var athens = TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens");
        Assert.Contains(TimeZoneInfo.ConvertTime(stored.RequestedAt, athens).ToString("d/M/yyyy HH:mm", CultureInfo.InvariantCulture), greek);
        Assert.Contains(">31/12/2026 10:00</time>", greek);
        Assert.Contains("Αναμένεται έως", greek);
        Assert.DoesNotContain("<script", greek);

        var english = await PageAsync(path + "&lang=en");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Street lighting fault", english);
        Assert.Contains("Acknowledged", english);
        Assert.Contains("Submitted", english);
        Assert.Contains("Expected by", english);
        Assert.Contains("Request received", english);
        // The link back to Greek keeps the code.
        Assert.Contains($"code={stored.FollowCode}&amp;lang=el", english);

        foreach (var page in new[] { greek, english })
        {
            Assert.DoesNotContain(Description, page);
            foreach (var secret in Personal)
            {
                Assert.DoesNotContain(secret, page);
            }
        }

        var logs = string.Join('\n', app.Logs.Lines);
        foreach (var secret in Personal)
        {
            Assert.DoesNotContain(secret, logs);
        }
    }

    [Fact]
    public async Task Language_IsAskedFor_ThenTheBrowsers_ThenTheRequests()
    {
        var id = await DemoRequests.SubmitAsync(app, ("service_code", "001"), ("address_string", "Έβανς 10"), ("alerts_language", "en"));
        var path = await CitizenRequests.FollowPathAsync(app, id);

        Assert.Contains("<html lang=\"en\">", await PageAsync(path));
        Assert.Contains("<html lang=\"el\">", await PageAsync(path, acceptLanguage: "el-GR,el;q=0.9"));
        Assert.Contains("<html lang=\"el\">", await PageAsync(path + "&lang=el", acceptLanguage: "en"));
    }

    [Fact]
    public async Task PrivateCategory_ShowsAGenericLabelNeverItsName()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (_, body) = await dispatcher.PostAsync("/admin/requests", new
        {
            service_code = "014", channel = "phone", address = "Μεραμβέλλου 3", description = "Χρειάζεται φάρμακα", caller = new { first_name = "Ειρήνη", phone = "2810000000" },
        });
        var path = await CitizenRequests.FollowPathAsync(app, body.GetProperty("request").GetProperty("id").GetInt64());
        // What the operator reads back to the caller is the same link.
        Assert.EndsWith(path, body.GetProperty("follow_url").GetString());

        var greek = await PageAsync(path);
        var english = await PageAsync(path + "&lang=en");
        Assert.Contains("Αίτημα προς τον δήμο", greek);
        Assert.Contains("Request to the municipality", english);
        foreach (var hidden in new[] { "Κοινωνική υποστήριξη", "Support for vulnerable", "014", "Μεραμβέλλου", "φάρμακα", "Ειρήνη", "2810000000" })
        {
            Assert.DoesNotContain(hidden, greek);
            Assert.DoesNotContain(hidden, english);
        }
    }

    [Fact]
    public async Task WrongOrMissingCode_AnswersExactlyLikeAnUnknownNumber()
    {
        var id = await DemoRequests.SubmitAsync(app, ("service_code", "001"), ("address_string", "Έβανς 10"));
        var stored = await CitizenRequests.StoredAsync(app, id);
        var wrongCode = stored.FollowCode[..^1] + (stored.FollowCode[^1] == 'A' ? 'B' : 'A');

        var unknown = await _http.GetAsync($"/follow/1999/999999?code={wrongCode}");
        var wrong = await _http.GetAsync($"/follow/{stored.ProtocolNumber}?code={wrongCode}");
        var missing = await _http.GetAsync($"/follow/{stored.ProtocolNumber}");

        var unknownPage = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Δεν βρέθηκε αίτημα", unknownPage);
        foreach (var response in new[] { wrong, missing })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            // The same words; only the language link, which repeats the URL asked for, differs.
            Assert.Equal(WithoutLanguageLink(unknownPage), WithoutLanguageLink(page));
            Assert.DoesNotContain(stored.ProtocolNumber, WithoutLanguageLink(page));
        }

        // Codes are read as Crockford's base32 is read aloud: any case, hyphens ignored.
        var spoken = $"{stored.FollowCode[..5].ToLowerInvariant()}-{stored.FollowCode[5..]}";
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"/follow/{stored.ProtocolNumber}?code={spoken}")).StatusCode);
    }

    private static string WithoutLanguageLink(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "<p class=\"lang\">.*?</p>", "");

    private async Task<string> PageAsync(string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        return text;
    }
}

public class FollowRateLimitTests(FollowRateLimitTests.StrictApp app) : IClassFixture<FollowRateLimitTests.StrictApp>
{
    public sealed class StrictApp : Open311App
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Citizens:PageViewsPerMinute", "3")];
    }

    [Fact]
    public async Task FollowPage_IsRateLimitedPerClient_SoCodesCannotBeGuessed()
    {
        var http = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            statuses.Add((await http.GetAsync($"/follow/2026/000001?code=GUESS{attempt:00000}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}

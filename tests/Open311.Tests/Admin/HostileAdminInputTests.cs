using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

/// <summary>Hostile input and races on the admin API (issue 10, part 3): each once gave a 500, or let through what it must not.</summary>
public class HostileAdminInputTests(Open311App app) : IClassFixture<Open311App>
{
    [Fact]
    public async Task NulInTheLoginUsername_Is400()
    {
        var response = await app.CreateClient().PostAsync("/admin/auth/token",
            new StringContent("{\"username\":\"\\u0000\",\"password\":\"whatever-it-is\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/admin/departments", "{\"name_el\":\"Τμήμα\\u0000\",\"name_en\":\"Dept\"}")]
    [InlineData("/admin/requests", "{\"service_code\":\"006\",\"channel\":\"phone\",\"address\":\"Οδός 1\",\"caller\":{\"email\":\"a\\u0000@example.org\"},\"attributes\":{\"fault\":\"off\"}}")]
    [InlineData("/admin/services", "{\"code\":\"N\\u0000\",\"name_el\":\"x\",\"name_en\":\"x\",\"description_el\":\"\",\"description_en\":\"\",\"group_el\":\"x\",\"group_en\":\"x\"}")]
    public async Task NulInAJsonString_Is400(string path, string json)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");

        var response = await admin.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("NUL", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/requests?q=%00")]
    [InlineData("/admin/requests?state=open%00")]
    [InlineData("/admin/requests?service_code=%00")]
    [InlineData("/admin/audit?entity=%00")]
    public async Task NulInAQueryFilter_Is400(string pathAndQuery)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");

        var problem = AdminClient.AssertProblem(await admin.GetAsync(pathAndQuery), HttpStatusCode.BadRequest);

        Assert.Contains("NUL", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("utf-7")]
    public async Task JsonWithAnUnknownCharset_Is415(string charset)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var content = new StringContent("{\"name_el\":\"Τμήμα\",\"name_en\":\"Dept\"}");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/json; charset={charset}");

        var response = await admin.Http.PostAsync("/admin/departments", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Found by the fuzz suite: an Idempotency-Key makes the call's form be read twice (the edge, the key's fingerprint),
    /// and a form that could not be read the first time gave a 500 the second. A multipart body that is none, and a
    /// form key past the reader's 2,048 characters.
    /// </summary>
    [Theory]
    [InlineData("multipart/form-data; boundary=x", "a@")]
    [InlineData("application/x-www-form-urlencoded", "long-key")]
    public async Task AnUnreadableFormWithAnIdempotencyKey_Is400(string contentType, string body)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/admin/areas/-1")
        {
            Content = new StringContent(body == "long-key" ? new string('k', 3000) + "=v" : body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await admin.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ConcurrentPutsOfOneCategory_AnswerOkOr409_Never500()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (_, categories) = await admin.GetAsync("/admin/services");
        var pothole = categories.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "005");

        await PutAllAtOnceAsync("/admin/services", pothole, "names", "attributes");
    }

    [Fact]
    public async Task ConcurrentPutsOfOneWorkflow_AnswerOkOr409_Never500()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (_, workflows) = await admin.GetAsync("/admin/workflows");
        var workflow = workflows.EnumerateArray().First();

        await PutAllAtOnceAsync("/admin/workflows", workflow, "names", "transitions");
    }

    [Fact]
    public async Task APasswordChange_EndsTheAccountsTokens()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (created, account) = await admin.PostAsync("/admin/staff",
            new { username = "rotating", display_name = "Rotating", role = "viewer", password = "first-long-password-1", active = true });
        Assert.True(created.StatusCode == HttpStatusCode.Created, account.ToString());
        var own = await AdminClient.SignInAsync(app, "rotating", "first-long-password-1");
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/admin/requests")).Response.StatusCode);

        var (changed, body) = await admin.PutAsync($"/admin/staff/{account.GetProperty("id").GetInt64()}",
            new { username = "rotating", display_name = "Rotating", role = "viewer", password = "second-long-password-2", active = true });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, body.ToString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await own.GetAsync("/admin/requests")).Response.StatusCode);
        var renewed = await AdminClient.SignInAsync(app, "rotating", "second-long-password-2");
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/admin/requests")).Response.StatusCode);
        // A change that leaves the password alone ends nothing.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/admin/staff/{account.GetProperty("id").GetInt64()}",
            new { username = "rotating", display_name = "Still rotating", role = "viewer", active = true })).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/admin/requests")).Response.StatusCode);
    }

    [Fact]
    public async Task ADuplicateOfAPrivateOrUnseenRequest_IsRefused()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (recorded, social) = await dispatcher.PostAsync("/admin/requests",
            new { service_code = "014", channel = "phone", address = "Μεραμβέλλου 3", description = "Χρειάζεται φάρμακα" });
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, social.ToString());
        var privateId = social.GetProperty("request").GetProperty("id").GetInt64();
        var lightingRequest = await DemoRequests.LightingAsync(app);
        var lighting = await AdminClient.SignInAsync(app, "lighting");

        // Staff of another department cannot see the social-support request, so cannot link to it.
        AdminClient.AssertProblem(await lighting.PostAsync($"/admin/requests/{lightingRequest}/duplicate-of",
            new { original_id = privateId, version = await lighting.VersionAsync(lightingRequest) }), HttpStatusCode.BadRequest);
        // A dispatcher sees both, but a public request pointing at a private one would show its id publicly.
        AdminClient.AssertProblem(await dispatcher.PostAsync($"/admin/requests/{lightingRequest}/duplicate-of",
            new { original_id = privateId, version = await dispatcher.VersionAsync(lightingRequest) }), HttpStatusCode.BadRequest);

        var open311 = await app.GeoReport().GetRequestJsonAsync(lightingRequest.ToString(CultureInfo.InvariantCulture), "?extensions=true");
        Assert.Equal("open", open311.GetProperty("status").GetString());
        Assert.DoesNotContain(privateId.ToString(CultureInfo.InvariantCulture), open311.GetProperty("extended_attributes").GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends the view back with a different English name from sixteen clients at once, five times over. Each must answer
    /// 200 or a 409 ProblemDetails, at least one a 200, and what is stored after a round must be one writer's body whole.
    /// A failure names the body and the exception the service logged, since the race it shows rarely repeats.
    /// </summary>
    private async Task PutAllAtOnceAsync(string listPath, JsonElement item, string namesField, string listField)
    {
        var id = item.GetProperty("id").GetInt64();
        var path = $"{listPath}/{id}";
        var view = JsonNode.Parse(item.GetRawText())!;
        var admin = await AdminClient.SignInAsync(app, "admin");
        var clients = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => AdminClient.SignInAsync(app, "admin")));
        var succeeded = 0;
        for (var round = 0; round < 5; round++)
        {
            var bodies = clients.Select((_, i) =>
            {
                var body = view.DeepClone();
                body["name_en"] = $"Renamed {round}.{i}";
                body[namesField]!["en"] = $"Renamed {round}.{i}";
                if (i % 2 == 1)
                {
                    // Half of them drop the last item, which the other half change: the classic lost update.
                    var items = body[listField]!.AsArray();
                    items.RemoveAt(items.Count - 1);
                }

                return body;
            }).ToList();
            var logged = app.Logs.Lines.Count;
            var responses = await Task.WhenAll(clients.Select((client, i) => client.Http.PutAsJsonAsync(path, bodies[i])));

            for (var i = 0; i < responses.Length; i++)
            {
                var status = responses[i].StatusCode;
                var answer = await responses[i].Content.ReadAsStringAsync();
                Assert.True(status is HttpStatusCode.OK
                    || (status is HttpStatusCode.Conflict && responses[i].Content.Headers.ContentType?.MediaType == "application/problem+json"),
                    $"PUT {path} answered {(int)status} {answer}\nto {bodies[i].ToJsonString()}\nthe service logged:\n"
                    + string.Join("\n", app.Logs.Lines.Skip(logged).Where(l => l.StartsWith("Error", StringComparison.Ordinal))));
                succeeded += status is HttpStatusCode.OK ? 1 : 0;
            }

            var (_, all) = await admin.GetAsync(listPath);
            var stored = all.EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == id);
            var name = stored.GetProperty("name_en").GetString();
            var writer = bodies.FindIndex(b => b["name_en"]!.GetValue<string>() == name);
            Assert.True(writer >= 0 && responses[writer].StatusCode == HttpStatusCode.OK, $"stored {stored}, which no successful writer sent");
            Assert.Equal(bodies[writer][listField]!.AsArray().Count, stored.GetProperty(listField).GetArrayLength());
        }

        Assert.True(succeeded > 0, "no PUT succeeded");
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Catalog;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

/// <summary>Polling apps: ETag and Last-Modified on services, definitions, one request and lists; 304 while nothing changed, on every instance.</summary>
public class ConditionalGetTests(ConditionalGetTests.ConditionalApp app) : IClassFixture<ConditionalGetTests.ConditionalApp>
{
    /// <summary>The service with lists tagged soon after a change; a second instance may share its database.</summary>
    public sealed class ConditionalApp : Open311App
    {
        public ConditionalApp()
        {
        }

        private ConditionalApp(ConditionalApp first)
            : base(first)
        {
        }

        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Open311:ListTagSettle", "00:00:00.3")];

        public Task<ConditionalApp> StartSecondInstanceAsync() => StartSharingAsync(new ConditionalApp(this));
    }

    private readonly HttpClient _http = app.CreateClient();

    [Fact]
    public async Task Services_AnswerOnceWithAStrongTag_Then304_UntilTheCatalogueChanges()
    {
        await CatalogueKeptAsync(app);
        var first = await GetAsync("/services.json?locale=en");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag!;
        Assert.False(tag.IsWeak);
        Assert.Contains("public", first.Headers.CacheControl!.ToString());
        Assert.Contains("Accept-Language", first.Headers.Vary);
        Assert.NotNull(first.Content.Headers.LastModified);

        var again = await GetAsync("/services.json?locale=en", tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, again.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync("/services.json?locale=en", since: first.Content.Headers.LastModified)).StatusCode);
        // If-None-Match decides when both are given.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/services.json?locale=en", new EntityTagHeaderValue("\"other\""), first.Content.Headers.LastModified)).StatusCode);
        // Another language, format or service is another answer.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/services.json?locale=el", tag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/services.xml?locale=en", tag)).StatusCode);
        var definition = await GetAsync("/services/012.xml");
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync("/services/012.xml", definition.Headers.ETag)).StatusCode);

        await RenameAsync("012", "Bins, renamed for polling apps");

        var changed = await GetAsync("/services.json?locale=en", tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Bins, renamed for polling apps", await changed.Content.ReadAsStringAsync());
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.True(changed.Content.Headers.LastModified >= first.Content.Headers.LastModified);
        // The definition shows no names: the same bytes, so the same strong tag.
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync("/services/012.xml", definition.Headers.ETag)).StatusCode);
    }

    [Fact]
    public async Task ACatalogueChangeThroughOneInstance_EndsTheOtherInstancesTags()
    {
        await using var second = await app.StartSecondInstanceAsync();
        await CatalogueKeptAsync(second);
        var otherHttp = second.CreateClient();
        var fromSecond = await otherHttp.SendAsync(Get("/services.json?locale=en"));
        var tag = fromSecond.Headers.ETag!;
        // Both instances hash the same bytes.
        Assert.Equal(tag, (await GetAsync("/services.json?locale=en")).Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await otherHttp.SendAsync(Get("/services.json?locale=en", tag))).StatusCode);

        await RenameAsync("006", "Street light, renamed on the first instance");

        await Eventually.TrueAsync(async () => (await otherHttp.SendAsync(Get("/services.json?locale=en", tag))).StatusCode == HttpStatusCode.OK);
        var changed = await otherHttp.SendAsync(Get("/services.json?locale=en", tag));
        Assert.Contains("Street light, renamed on the first instance", await changed.Content.ReadAsStringAsync());
        Assert.Equal(changed.Headers.ETag, (await GetAsync("/services.json?locale=en")).Headers.ETag);
    }

    [Fact]
    public async Task OneRequest_Is304UntilStaffChangeIt()
    {
        var id = await DemoRequests.LightingAsync(app);
        var path = $"/requests/{id}.json?extensions=true";
        var first = await GetAsync(path);
        var tag = first.Headers.ETag!;
        Assert.True(tag.IsWeak);
        Assert.Contains("public", first.Headers.CacheControl!.ToString());
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(lastModified);

        var again = await GetAsync(path, tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, again.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(path, since: lastModified)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(path, since: lastModified!.Value.AddHours(-1))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/requests/{id}.json", tag)).StatusCode); // without the extensions: another answer

        var staff = await AdminClient.SignInAsync(app, "dispatcher");
        var (noted, body) = await staff.PostAsync($"/admin/requests/{id}/notes", new { text = "Το συνεργείο έρχεται", @public = true, version = await staff.VersionAsync(id) });
        Assert.True(noted.IsSuccessStatusCode, body.ToString());

        var changed = await GetAsync(path, tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Το συνεργείο έρχεται", await changed.Content.ReadAsStringAsync());
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(path, changed.Headers.ETag)).StatusCode);
    }

    [Fact]
    public async Task APrivateOrUnknownRequest_NeverGetsATagNorA304()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (created, body) = await dispatcher.PostAsync("/admin/requests", new
        {
            service_code = "014", channel = "phone", address = "Μεραμβέλλου 3", description = "Χρειάζεται φάρμακα",
            caller = new { first_name = "Ειρήνη", phone = "2810000000" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = body.GetProperty("request").GetProperty("id").GetInt64();

        foreach (var path in new[] { $"/requests/{id}.json", "/requests/999999999.json" })
        {
            foreach (var request in new[] { Get(path), Get(path, EntityTagHeaderValue.Any), Get(path, since: DateTimeOffset.UtcNow.AddDays(1)) })
            {
                var answer = await _http.SendAsync(request);
                Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
                Assert.Null(answer.Headers.ETag);
                Assert.Null(answer.Content.Headers.LastModified);
            }
        }

        // Staff answers are never marked for shared caches.
        var (staffView, _) = await dispatcher.GetAsync($"/admin/requests/{id}");
        Assert.DoesNotContain("public", staffView.Headers.CacheControl?.ToString() ?? "");
        Assert.Null(staffView.Headers.ETag);
    }

    [Fact]
    public async Task AList_Is304UntilARequestChanges()
    {
        var id = await DemoRequests.RoadsAsync(app);
        const string path = "/requests.json?service_code=005&status=open";
        HttpResponseMessage first = null!;
        await Eventually.TrueAsync(async () => (first = await GetAsync(path)).Headers.ETag is not null);
        var tag = first.Headers.ETag!;
        Assert.True(tag.IsWeak);
        Assert.Null(first.Content.Headers.LastModified);

        var again = await GetAsync(path, tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/requests.json?service_code=005", tag)).StatusCode); // another query

        var staff = await AdminClient.SignInAsync(app, "dispatcher");
        var (noted, body) = await staff.PostAsync($"/admin/requests/{id}/notes", new { text = "Μετρήθηκε", @public = true, version = await staff.VersionAsync(id) });
        Assert.True(noted.IsSuccessStatusCode, body.ToString());

        // Right after a change the list has no tag; then a new one.
        await Eventually.TrueAsync(async () =>
        {
            var answer = await GetAsync(path, tag);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            return answer.Headers.ETag is { } newer && newer != tag;
        });
    }

    private static HttpRequestMessage Get(string path, EntityTagHeaderValue? tag = null, DateTimeOffset? since = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, GeoReportClient.Base + path);
        if (tag is not null)
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        request.Headers.IfModifiedSince = since;
        return request;
    }

    private Task<HttpResponseMessage> GetAsync(string path, EntityTagHeaderValue? tag = null, DateTimeOffset? since = null) => _http.SendAsync(Get(path, tag, since));

    /// <summary>Until change notices arrive an instance keeps no catalogue, and each answer is rendered anew (tags are then still right).</summary>
    private static Task CatalogueKeptAsync(Open311App instance) =>
        Eventually.TrueAsync(() => instance.Services.GetRequiredService<CatalogChanges>().NoticesArrive);

    /// <summary>An admin PUT of the category with a new English name.</summary>
    private async Task RenameAsync(string code, string nameEn)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (_, categories) = await admin.GetAsync("/admin/services");
        var id = categories.EnumerateArray().First(c => c.GetProperty("code").GetString() == code).GetProperty("id").GetInt64();
        var (_, view) = await admin.GetAsync($"/admin/services/{id}");
        var input = JsonSerializer.SerializeToNode(view)!.AsObject();
        foreach (var assigned in new[] { "id", "created_at" })
        {
            input.Remove(assigned);
        }

        input["name_en"] = JsonValue.Create(nameEn);
        input["names"]!["en"] = JsonValue.Create(nameEn);
        var (response, body) = await admin.PutAsync($"/admin/services/{id}", input);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
    }
}

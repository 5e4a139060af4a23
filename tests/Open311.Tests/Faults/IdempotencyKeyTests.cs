using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Faults;

/// <summary>
/// Idempotency-Key on POST requests and on admin changes, through the real pipeline: a retry gets the first
/// answer and changes nothing, another call with the key is a 422 in the endpoint's format, concurrent retries
/// make one request, and keys are the caller's own.
/// </summary>
public sealed class IdempotencyKeyTests(Open311App app) : IClassFixture<Open311App>
{
    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_retried_POST_requests_gets_the_first_answer_and_stores_one_request(string format)
    {
        var description = $"Idempotent pothole {Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(format, key, description);
        var retry = await PostAsync(format, key, description);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Content.Headers.ContentType?.MediaType, retry.Content.Headers.ContentType?.MediaType);
        Assert.False(first.Headers.Contains(IdempotencyKeyAccepted.ReplayedHeader));
        Assert.Equal("true", retry.Headers.GetValues(IdempotencyKeyAccepted.ReplayedHeader).Single());
        Assert.Equal(1, await CountAsync(description));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_in_the_endpoints_format_and_changes_nothing()
    {
        var key = Guid.NewGuid().ToString();
        var description = $"First {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("json", key, description)).StatusCode);

        var other = $"Other {Guid.NewGuid():N}";
        var json = await GeoReportClient.AssertJsonErrorAsync(await PostAsync("json", key, other), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("different call", json, StringComparison.Ordinal);
        // The path is part of the call: the same key on requests.xml is another call, refused in XML.
        await GeoReportClient.AssertXmlErrorAsync(await PostAsync("xml", key, description), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await CountAsync(other));
        Assert.Equal(1, await CountAsync(description));
    }

    [Fact]
    public async Task Concurrent_identical_retries_create_one_request_and_all_get_its_answer()
    {
        var key = Guid.NewGuid().ToString();
        var description = $"Concurrent pothole {Guid.NewGuid():N}";
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync("json", key, description)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(7, answers.Count(a => a.Headers.Contains(IdempotencyKeyAccepted.ReplayedHeader)));
        Assert.Equal(1, await CountAsync(description));
    }

    [Fact]
    public async Task A_refused_call_keeps_nothing_so_its_key_may_be_used_again()
    {
        var key = Guid.NewGuid().ToString();
        var refused = await app.GeoReport().Http.SendAsync(Post("json", key, [("api_key", DemoData.ApiKey), ("service_code", "005")]));
        await GeoReportClient.AssertJsonErrorAsync(refused, HttpStatusCode.BadRequest);

        var description = $"After a refusal {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("json", key, description)).StatusCode);
        Assert.Equal(1, await CountAsync(description));
    }

    [Theory]
    [InlineData("a key with spaces")]
    [InlineData(null)]
    public async Task A_malformed_key_is_a_400_and_stores_nothing(string? key)
    {
        key ??= new string('k', IdempotencyKeyAccepted.MaxKeyLength + 1);
        var description = $"Never stored {Guid.NewGuid():N}";
        var response = await PostAsync("json", key, description);
        await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await CountAsync(description));
    }

    [Fact]
    public async Task An_admin_change_retried_with_its_key_is_answered_again_instead_of_failing_or_repeating()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var key = Guid.NewGuid().ToString();
        var name = $"Τμήμα {Guid.NewGuid():N}";
        var before = await DepartmentCountAsync();
        var created = await SendAsync(admin, HttpMethod.Post, "/admin/departments", key, new { name_el = name, name_en = "Idempotent section" });
        var again = await SendAsync(admin, HttpMethod.Post, "/admin/departments", key, new { name_el = name, name_en = "Idempotent section" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(created.Headers.Location, again.Headers.Location);
        Assert.Equal(await created.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await DepartmentCountAsync());

        var other = await SendAsync(admin, HttpMethod.Post, "/admin/departments", key, new { name_el = name + " 2", name_en = "Another" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before + 1, await DepartmentCountAsync());
    }

    private async Task<int> DepartmentCountAsync()
    {
        await using var db = app.Db();
        return await db.Departments.CountAsync();
    }

    [Fact]
    public async Task A_note_retried_with_its_key_is_one_note_and_another_member_of_staffs_key_is_their_own()
    {
        var id = await DemoRequests.LightingAsync(app);
        var admin = await AdminClient.SignInAsync(app, "admin");
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var key = Guid.NewGuid().ToString();
        var note = new { text = "Ο τεχνικός ενημερώθηκε", @public = false, version = await admin.VersionAsync(id) };

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(admin, HttpMethod.Post, $"/admin/requests/{id}/notes", key, note)).StatusCode);
        // Without the key this retry would be refused as stale (the version moved); with it, it is the first answer again.
        var retry = await SendAsync(admin, HttpMethod.Post, $"/admin/requests/{id}/notes", key, note);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True(retry.Headers.Contains(IdempotencyKeyAccepted.ReplayedHeader));
        // The dispatcher's call with the same key is not the admin's: it runs, and its stale version is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(dispatcher, HttpMethod.Post, $"/admin/requests/{id}/notes", key, note)).StatusCode);
        await using var db = app.Db();
        Assert.Equal(1, await db.RequestEvents.CountAsync(e => e.RequestId == id && e.Note == "Ο τεχνικός ενημερώθηκε"));
    }

    [Fact]
    public async Task Changes_that_open_their_own_transaction_join_the_keys_and_are_answered_again()
    {
        // Attaching a caller, a work order and marking a duplicate each lock rows in a transaction of their own:
        // with a key they must run in the key's transaction (one commit: the change and its stored answer).
        var original = await DemoRequests.RoadsAsync(app);
        var id = await DemoRequests.RoadsAsync(app);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var parks = await DemoRequests.DepartmentIdAsync(app, "Parks and Green Spaces Directorate");
        var version = await dispatcher.VersionAsync(id);
        var calls = new (string Path, object Body)[]
        {
            ($"/admin/requests/{original}/followers", new { phone = "6944777000", notify_sms = true }),
            ($"/admin/requests/{original}/work-orders", new { department_id = parks }),
            ($"/admin/requests/{id}/duplicate-of", new { original_id = original, version }),
        };
        foreach (var (path, body) in calls)
        {
            var key = Guid.NewGuid().ToString();
            var first = await SendAsync(dispatcher, HttpMethod.Post, path, key, body);
            var again = await SendAsync(dispatcher, HttpMethod.Post, path, key, body);

            Assert.True(first.IsSuccessStatusCode, $"{path}: {(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
            Assert.Equal(first.StatusCode, again.StatusCode);
            Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
            Assert.True(again.Headers.Contains(IdempotencyKeyAccepted.ReplayedHeader), path);
        }

        await using var db = app.Db();
        Assert.Equal(1, await db.RequestFollowers.CountAsync(f => f.RequestId == original && f.Phone != null));
        Assert.Equal(1, await db.WorkOrders.CountAsync(w => w.RequestId == original));
        Assert.Equal(original, (await db.Requests.SingleAsync(r => r.Id == id)).DuplicateOfId);
    }

    private Task<HttpResponseMessage> PostAsync(string format, string key, string description) =>
        app.GeoReport().Http.SendAsync(Post(format, key,
            [("api_key", DemoData.ApiKey), ("service_code", "005"), ("lat", "35.3301"), ("long", "25.1401"), ("attribute[size]", "large"), ("description", description)]));

    private static HttpRequestMessage Post(string format, string key, (string Key, string Value)[] fields)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))),
        };
        message.Headers.TryAddWithoutValidation(IdempotencyKeyAccepted.Header, key);
        return message;
    }

    private static Task<HttpResponseMessage> SendAsync(AdminClient staff, HttpMethod method, string path, string key, object body)
    {
        var message = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        message.Headers.TryAddWithoutValidation(IdempotencyKeyAccepted.Header, key);
        return staff.Http.SendAsync(message);
    }

    private async Task<int> CountAsync(string description)
    {
        await using var db = app.Db();
        return await db.Requests.CountAsync(r => r.Description == description);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Hosting;
using Open311.Core.Requests;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Duplicates;

/// <summary>The "me too" extension, callers attached by operators at once, and followers' contact data as personal data.</summary>
public class FollowerTests(Open311App app) : IClassFixture<Open311App>
{
    private Task<HttpResponseMessage> MeTooAsync(string id, string format, params (string Key, string Value)[] fields) =>
        app.GeoReport().Http.PostAsync($"{GeoReportClient.Base}/requests/{id}/followers.{format}",
            new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    [Fact]
    public async Task MeToo_AnswersTheSameForANewAndAKnownFollower_InOpen311Style_WithTheSameChecksAsASubmission()
    {
        var id = $"{await DemoRequests.LightingAsync(app)}";
        var key = ("api_key", DemoData.ApiKey);

        var first = await MeTooAsync(id, "json", key, ("email", "metoo@example.gr"), ("email_alerts_requested", "true"), ("alerts_language", "en"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await GeoReportClient.ReadJsonAsync(first);
        Assert.Equal(id, body[0].GetProperty("service_request_id").GetString());
        Assert.True(body[0].GetProperty("following").GetBoolean());
        var again = await MeTooAsync(id, "xml", key, ("email", "METOO@example.gr"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var xml = await GeoReportClient.ReadXmlAsync(again);
        Assert.Equal("true", xml.Descendants("following").Single().Value);

        Assert.Contains("email_alerts_requested", await GeoReportClient.AssertJsonErrorAsync(
            await MeTooAsync(id, "json", key, ("email_alerts_requested", "true"), ("phone", "6944000111")), HttpStatusCode.BadRequest));
        Assert.Contains("email_alerts_requested must be true or false", await GeoReportClient.AssertJsonErrorAsync(
            await MeTooAsync(id, "json", key, ("email", "a@example.gr"), ("email_alerts_requested", "yes")), HttpStatusCode.BadRequest));
        Assert.Contains("alerts_language", await GeoReportClient.AssertXmlErrorAsync(
            await MeTooAsync(id, "xml", key, ("email", "b@example.gr"), ("alerts_language", "de")), HttpStatusCode.BadRequest));
        Assert.Contains("e-mail address or a phone number", await GeoReportClient.AssertJsonErrorAsync(
            await MeTooAsync(id, "json", key), HttpStatusCode.BadRequest));
        await GeoReportClient.AssertJsonErrorAsync(await MeTooAsync(id, "json", ("email", "c@example.gr")), HttpStatusCode.Forbidden);

        // A private request is as unknown as a missing one.
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (_, social) = await dispatcher.PostAsync("/admin/requests",
            new { service_code = "014", channel = "phone", address = "Έβανς 10", description = "Φάρμακα για ηλικιωμένη" });
        var privateId = social.GetProperty("request").GetProperty("id").GetInt64();
        var hidden = await GeoReportClient.AssertJsonErrorAsync(await MeTooAsync($"{privateId}", "json", key, ("email", "d@example.gr")), HttpStatusCode.NotFound);
        var missing = await GeoReportClient.AssertJsonErrorAsync(await MeTooAsync("99999999", "json", key, ("email", "d@example.gr")), HttpStatusCode.NotFound);
        Assert.Equal(missing.Replace("99999999", "ID", StringComparison.Ordinal), hidden.Replace($"{privateId}", "ID", StringComparison.Ordinal));
        await GeoReportClient.AssertJsonErrorAsync(await MeTooAsync("abc", "json", key, ("email", "d@example.gr")), HttpStatusCode.NotFound);

        await using var db = app.Db();
        var followers = await db.RequestFollowers.AsNoTracking().Where(f => f.RequestId == long.Parse(id)).ToListAsync();
        var follower = Assert.Single(followers);
        Assert.Equal(("en", FollowerSource.App, true), (follower.Language, follower.Source, follower.NotifyEmail));
        Assert.Equal(1, await db.RequestEvents.CountAsync(e => e.RequestId == long.Parse(id) && e.Kind == RequestEventKind.FollowerAdded));
    }

    [Fact]
    public async Task TwoOperatorsAttachingCallersAtOnce_BothAttached_OneHistoryEventEach()
    {
        var id = await DemoRequests.LightingAsync(app);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var admin = await AdminClient.SignInAsync(app, "admin");
        AdminClient.AssertProblem(await (await AdminClient.SignInAsync(app, "viewer")).PostAsync($"/admin/requests/{id}/followers",
            new { phone = "6944000000" }), HttpStatusCode.Forbidden);
        AdminClient.AssertProblem(await dispatcher.PostAsync("/admin/requests/99999999/followers", new { phone = "6944000000" }), HttpStatusCode.NotFound);
        AdminClient.AssertProblem(await dispatcher.PostAsync($"/admin/requests/{id}/followers", new { notify_email = true, phone = "6944000000" }),
            HttpStatusCode.BadRequest);

        for (var round = 0; round < 5; round++)
        {
            var answers = await Task.WhenAll(
                dispatcher.PostAsync($"/admin/requests/{id}/followers", new { phone = $"69440001{round}1", notify_sms = true }),
                admin.PostAsync($"/admin/requests/{id}/followers", new { phone = $"69440001{round}2", notify_sms = true }));
            Assert.All(answers, a => Assert.True(a.Response.StatusCode == HttpStatusCode.Created, a.Body.ToString()));
        }

        Assert.Equal(10, (await dispatcher.RequestAsync(id)).GetProperty("followers").GetInt32());
        await using var db = app.Db();
        Assert.Equal(10, await db.RequestEvents.CountAsync(e => e.RequestId == id && e.Kind == RequestEventKind.FollowerAdded));
    }

    [Fact]
    public async Task FollowerContact_IsNeverPublicOrLogged_AndIsFoundExportedAndErasedAsADataSubjects()
    {
        const string Email = "private.follower@example.gr";
        const string Phone = "6955111222";
        var id = await DemoRequests.LightingAsync(app);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (attached, _) = await dispatcher.PostAsync($"/admin/requests/{id}/followers", new { email = Email, phone = Phone, notify_email = true });
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);

        var (_, json) = await app.GeoReport().GetJsonAsync($"/requests/{id}.json?extensions=true");
        var (_, xml) = await app.GeoReport().GetXmlAsync($"/requests/{id}.xml?extensions=true");
        var (_, updates) = await app.GeoReport().GetJsonAsync($"/servicerequestupdates.json?start_date={DateTimeOffset.UtcNow.AddHours(-1):O}");
        foreach (var output in new[] { json.ToString(), xml.ToString(), updates.ToString() })
        {
            Assert.DoesNotContain(Email, output);
            Assert.DoesNotContain(Phone, output);
        }

        var admin = await AdminClient.SignInAsync(app, "admin");
        var (_, found) = await admin.PostAsync("/admin/privacy/contacts/find", new { phone = $"+30 {Phone}" });
        var following = Assert.Single(found.GetProperty("followings").EnumerateArray());
        Assert.Equal(id, following.GetProperty("request_id").GetInt64());
        Assert.Equal(Email, following.GetProperty("email").GetString());

        var (erased, counts) = await admin.PostAsync("/admin/privacy/contacts/erase", new { email = Email });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(1, counts.GetProperty("followings").GetInt32());
        var (_, after) = await admin.PostAsync("/admin/privacy/contacts/find", new { email = Email });
        Assert.Empty(after.GetProperty("followings").EnumerateArray());
        await using var db = app.Db();
        var follower = await db.RequestFollowers.AsNoTracking().SingleAsync(f => f.RequestId == id);
        Assert.Equal((null, null, false), (follower.Email, follower.Phone, follower.NotifyEmail));
        Assert.NotNull(follower.AnonymisedAt);
        Assert.True(await db.RequestEvents.AnyAsync(e => e.RequestId == id && e.Kind == RequestEventKind.ContactAnonymised));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(Email) || l.Contains(Phone));
    }
}

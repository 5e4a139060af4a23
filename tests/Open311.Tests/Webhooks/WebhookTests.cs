using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Hosting;
using Open311.Core.Audit;
using Open311.Core.Webhooks;
using Open311.Tests.Infrastructure;
using StandardWebhooks.Diagnostics;

namespace Open311.Tests.Webhooks;

/// <summary>
/// Webhooks as an integrator sees them, through real HTTP listeners on 127.0.0.1: the kinds asked
/// for, once each, signed per Standard Webhooks (checked with the StandardWebhooks package), with
/// personal data only for trusted subscriptions; and the outbound calls' safety rules.
/// </summary>
public class WebhookTests
{
    private const string PrivateNote = "Ο εργολάβος είναι ο κ. Χ";
    private const string PublicNote = "Το συνεργείο θα περάσει αύριο";

    [Fact]
    public async Task ASubscription_ReceivesExactlyTheKindsItAskedFor_OnceEach_Signed()
    {
        await using var app = await WebhookApp.StartAsync();
        using var transitions = new HttpReceiver();
        using var everything = new HttpReceiver();
        var admin = await AdminClient.SignInAsync(app, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        var (transitionsId, transitionsSecret) = await WebhookApp.SubscribeAsync(admin, client, transitions.Url, ["statuschanged"]);
        var (everythingId, everythingSecret) = await WebhookApp.SubscribeAsync(admin, client, everything.Url);

        var id = await DemoRequests.LightingAsync(app);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        await dispatcher.PostAsync($"/admin/requests/{id}/transitions", new { to = "acknowledged", version = await dispatcher.VersionAsync(id) });
        await dispatcher.PostAsync($"/admin/requests/{id}/notes", new { text = PrivateNote, @public = false, version = await dispatcher.VersionAsync(id) });
        await dispatcher.PostAsync($"/admin/requests/{id}/notes", new { text = PublicNote, @public = true, version = await dispatcher.VersionAsync(id) });
        await Eventually.TrueAsync(() => everything.Calls.Count >= 4 && !transitions.Calls.IsEmpty);
        await Task.Delay(500); // room for a duplicate or a stray kind to show up, if there were one

        var transition = WebhookApp.Verify(transitionsSecret, Assert.Single(transitions.Calls));
        Assert.Equal("request.statuschanged", transition.GetProperty("type").GetString());
        var data = transition.GetProperty("data");
        Assert.Equal(id, data.GetProperty("request_id").GetInt64());
        Assert.Equal("006", data.GetProperty("service_code").GetString());
        Assert.Equal("acknowledged", data.GetProperty("state").GetString());
        Assert.Equal("open", data.GetProperty("status").GetString());
        Assert.True(data.GetProperty("public").GetBoolean());
        Assert.False(string.IsNullOrEmpty(data.GetProperty("protocol_number").GetString()));

        var calls = everything.Calls.ToList();
        var payloads = calls.Select(call => WebhookApp.Verify(everythingSecret, call)).ToList();
        Assert.Equal(["note", "note", "statuschanged", "submitted"], payloads.Select(p => p.GetProperty("data").GetProperty("event_kind").GetString()).Order());
        Assert.All(calls, call => Assert.Throws<WebhookVerificationException>(() => WebhookApp.Verify(transitionsSecret, call)));
        Assert.All(calls, call => Assert.DoesNotContain(PrivateNote, call.Body));
        Assert.Contains(payloads, p => p.GetProperty("data").GetProperty("note").GetString() == PublicNote);
        Assert.All(payloads, p => Assert.False(p.GetProperty("data").TryGetProperty("contact", out _)));

        // The webhook-id is the outbox message's idempotency key: what the admin sees per subscription.
        var deliveries = await WebhookApp.DeliveriesAsync(admin, everythingId);
        Assert.Equal(deliveries.Select(d => d.GetProperty("idempotency_key").GetString()).Order(), calls.Select(c => c.Headers["webhook-id"]).Order());
        Assert.All(deliveries, d => Assert.Equal("delivered", d.GetProperty("status").GetString()));
        Assert.Single(await WebhookApp.DeliveriesAsync(admin, transitionsId));
    }

    [Fact]
    public async Task TheSecret_IsShownOnce_NeverByGetNorInTheAuditTrail()
    {
        await using var app = await WebhookApp.StartAsync();
        using var receiver = new HttpReceiver();
        var admin = await AdminClient.SignInAsync(app, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        var (id, secret) = await WebhookApp.SubscribeAsync(admin, client, receiver.Url);
        var (rotated, rotation) = await admin.PostAsync($"/admin/clients/{client}/webhooks/{id}/secret", null);
        var (updated, _) = await admin.PutAsync($"/admin/clients/{client}/webhooks/{id}", new { url = receiver.Url, trusted = true, active = false });

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var newSecret = rotation.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);
        Assert.True(Convert.FromBase64String(secret["whsec_".Length..]).Length >= 24);
        Assert.NotEqual(secret, newSecret);
        var (_, list) = await admin.GetAsync($"/admin/clients/{client}/webhooks");
        var (_, one) = await admin.GetAsync($"/admin/clients/{client}/webhooks/{id}");
        Assert.True(one.GetProperty("trusted").GetBoolean());
        Assert.False(one.GetProperty("active").GetBoolean());
        foreach (var shown in new[] { list.ToString(), one.ToString() })
        {
            Assert.DoesNotContain(secret, shown);
            Assert.DoesNotContain(newSecret, shown);
            Assert.DoesNotContain("whsec_", shown);
        }

        await using var db = app.Db();
        var trail = await db.AuditEvents.Where(e => e.Entity == AuditEntity.Webhook).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Updated], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.DoesNotContain("whsec_", e.Before + e.After));
        Assert.Equal("(changed)", Column(trail[1].After, "secret"));
        Assert.Equal("(hidden)", Column(trail[1].Before, "secret"));
        Assert.Equal("(changed)", Column(trail[1].After, "previous_secret"));
        Assert.True(JsonDocument.Parse(trail[2].After!).RootElement.GetProperty("trusted").GetBoolean());
        Assert.False(JsonDocument.Parse(trail[2].Before!).RootElement.GetProperty("trusted").GetBoolean());
    }

    private static string? Column(string? json, string column) => JsonDocument.Parse(json!).RootElement.GetProperty(column).GetString();

    [Fact]
    public async Task RotationsAtTheSameMoment_NeverAnswerWithASecretThatDoesNotSign()
    {
        await using var app = await WebhookApp.StartAsync();
        var admin = await AdminClient.SignInAsync(app, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        var (id, _) = await WebhookApp.SubscribeAsync(admin, client, "http://127.0.0.1:9/hook", ["submitted"]);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.PostAsync($"/admin/clients/{client}/webhooks/{id}/secret", null)));

        Assert.All(answers, a => Assert.Contains(a.Response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var shown = answers.Where(a => a.Response.StatusCode == HttpStatusCode.OK).Select(a => a.Body.GetProperty("secret").GetString()!).ToList();
        Assert.NotEmpty(shown);
        var stored = await app.Db().WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == id);
        // Each rotation that answered replaced the secret the one before it showed: the last one shown signs, and
        // the one shown before it signs beside it. Two that both read the first secret would leave it as the previous one.
        Assert.Contains(stored.Secret, shown);
        if (shown.Count >= 2)
        {
            Assert.Contains(stored.PreviousSecret, shown);
        }
    }

    [Fact]
    public async Task AfterARotation_BothSecretsVerifyDuringTheOverlap_ThenOnlyTheNewOne()
    {
        await using var app = await WebhookApp.StartAsync();
        using var receiver = new HttpReceiver();
        var admin = await AdminClient.SignInAsync(app, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        var (id, oldSecret) = await WebhookApp.SubscribeAsync(admin, client, receiver.Url, ["submitted"]);
        var (_, rotation) = await admin.PostAsync($"/admin/clients/{client}/webhooks/{id}/secret", null);
        var newSecret = rotation.GetProperty("secret").GetString()!;
        var overlapEnds = rotation.GetProperty("webhook").GetProperty("previous_secret_expires_at").GetDateTimeOffset();

        await DemoRequests.LightingAsync(app);
        await Eventually.TrueAsync(() => receiver.Calls.Count == 1);
        var during = receiver.Calls.Single();
        Assert.Equal(2, during.Headers["webhook-signature"].Split(' ').Length);
        WebhookApp.Verify(oldSecret, during);
        WebhookApp.Verify(newSecret, during);

        await Task.Delay(overlapEnds - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500));
        await DemoRequests.LightingAsync(app);
        await Eventually.TrueAsync(() => receiver.Calls.Count == 2);
        var after = receiver.Calls.Last();
        Assert.Single(after.Headers["webhook-signature"].Split(' '));
        WebhookApp.Verify(newSecret, after);
        Assert.Throws<WebhookVerificationException>(() => WebhookApp.Verify(oldSecret, after));
    }

    [Fact]
    public async Task OnlyATrustedSubscription_ReceivesTheRequesterContact_AndNoLogShowsIt()
    {
        await using var app = await WebhookApp.StartAsync();
        using var untrusted = new HttpReceiver();
        using var trusted = new HttpReceiver { Answer = HttpStatusCode.InternalServerError };
        var admin = await AdminClient.SignInAsync(app, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        var (_, untrustedSecret) = await WebhookApp.SubscribeAsync(admin, client, untrusted.Url, ["submitted"]);
        var (_, trustedSecret) = await WebhookApp.SubscribeAsync(admin, client, trusted.Url, ["submitted"], trusted: true);
        string[] personal = ["Ελευθερία", "Καζαντζάκη", "eleftheria.webhook@example.gr", "6944123987"];

        await DemoRequests.SubmitAsync(app, ("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"), ("attribute[fault]", "off"),
            ("first_name", personal[0]), ("last_name", personal[1]), ("email", personal[2]), ("phone", personal[3]));
        await Eventually.TrueAsync(() => trusted.Refused >= 1 && !untrusted.Calls.IsEmpty);
        trusted.Answer = HttpStatusCode.OK; // a failed attempt first, so the worker has logged about this message
        await Eventually.TrueAsync(() => !trusted.Calls.IsEmpty);

        var plain = Assert.Single(untrusted.Calls);
        WebhookApp.Verify(untrustedSecret, plain);
        Assert.All(personal, value => Assert.DoesNotContain(value, plain.Body));
        var contact = WebhookApp.Verify(trustedSecret, Assert.Single(trusted.Calls)).GetProperty("data").GetProperty("contact");
        string[] received = [contact.GetProperty("first_name").GetString()!, contact.GetProperty("last_name").GetString()!,
            contact.GetProperty("email").GetString()!, contact.GetProperty("phone").GetString()!];
        Assert.Equal(personal, received);
        var logs = string.Join('\n', app.Logs.Lines);
        Assert.Contains("failed (attempt 1)", logs);
        Assert.All(personal, value => Assert.DoesNotContain(value, logs));
    }

    [Fact]
    public async Task InternalAndNonHttpUrls_AreRefused_UnlessTheAllowListNamesTheirHost()
    {
        await using var app = await WebhookApp.StartAsync();
        using var receiver = new HttpReceiver();
        var port = new Uri(receiver.Url).Port;
        var admin = await AdminClient.SignInAsync(app, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        string[] refused =
        [
            "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data", $"http://localhost:{port}/", "http://[::1]/", "http://192.168.1.1/",
            "ftp://example.org/hooks", "http://172.16.5.4/", "http://100.64.0.1/", "http://0.0.0.0/", "http://[::ffff:10.0.0.1]/",
            "http://[::ffff:127.0.0.1]/", "http://[fe80::1]/", "http://[fd12::1]/", "http://167772161/", "not a url",
            $"http://user:secret@127.0.0.1:{port}/",
        ];

        foreach (var url in refused)
        {
            var problem = AdminClient.AssertProblem(await admin.PostAsync($"/admin/clients/{client}/webhooks", new { url }), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _), $"{url}: {problem}");
        }

        var (allowed, secret) = await WebhookApp.SubscribeAsync(admin, client, receiver.Url); // 127.0.0.1 is on the tests' allow-list
        var update = await admin.PutAsync($"/admin/clients/{client}/webhooks/{allowed}", new { url = "http://169.254.169.254/" });
        AdminClient.AssertProblem(update, HttpStatusCode.BadRequest);
        var kinds = AdminClient.AssertProblem(await admin.PostAsync($"/admin/clients/{client}/webhooks", new { url = receiver.Url, event_kinds = new[] { "exploded" } }),
            HttpStatusCode.BadRequest);
        Assert.True(kinds.GetProperty("errors").TryGetProperty("event_kinds", out _), kinds.ToString());
        AdminClient.AssertProblem(await admin.PostAsync($"/admin/clients/{client}/webhooks", new { url = receiver.Url, event_kinds = Array.Empty<string>() }),
            HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await admin.PostAsync("/admin/clients/999999/webhooks", new { url = receiver.Url }), HttpStatusCode.NotFound);
        var (_, stored) = await admin.GetAsync($"/admin/clients/{client}/webhooks");
        Assert.Equal(receiver.Url, Assert.Single(stored.EnumerateArray()).GetProperty("url").GetString());
        Assert.StartsWith("whsec_", secret);
    }

    [Fact]
    public async Task AtConnectTime_AnInternalAddressIsRefused_EvenIfTheSubscriptionGotPastTheSaveCheck()
    {
        await using var app = await WebhookApp.StartAsync();
        using var receiver = new HttpReceiver();
        var admin = await AdminClient.SignInAsync(app, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        // As if its name had resolved to a public address when it was saved, and was rebound to loopback since.
        long id;
        await using (var db = app.Db())
        {
            var subscription = new WebhookSubscription
            {
                JurisdictionId = DemoCatalog.JurisdictionId, ClientId = client, Url = $"http://localhost:{new Uri(receiver.Url).Port}/",
                Secret = WebhookSignatures.NewSecret(), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.WebhookSubscriptions.Add(subscription);
            await db.SaveAuditedAsync(AuditActor.System(DemoCatalog.JurisdictionId), DateTimeOffset.UtcNow, CancellationToken.None);
            id = subscription.Id;
        }

        await DemoRequests.LightingAsync(app);
        await Eventually.TrueAsync(async () => (await WebhookApp.DeliveriesAsync(admin, id)) is [{ } d] && d.GetProperty("status").GetString() == "failed");

        var delivery = Assert.Single(await WebhookApp.DeliveriesAsync(admin, id));
        Assert.Contains("internal addresses", delivery.GetProperty("last_error").GetString());
        Assert.Empty(receiver.Calls);
        Assert.Equal(0, receiver.Refused);
    }

    [Fact]
    public async Task ARedirect_IsAFailedAttempt_ItsLocationIsNotFollowed_AndAnAdminCanRedeliver()
    {
        await using var app = await WebhookApp.StartAsync();
        using var elsewhere = new HttpReceiver();
        using var receiver = new HttpReceiver { Answer = HttpStatusCode.Found, Location = elsewhere.Url };
        var admin = await AdminClient.SignInAsync(app, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        var (id, secret) = await WebhookApp.SubscribeAsync(admin, client, receiver.Url, ["submitted"]);

        await DemoRequests.LightingAsync(app);
        await Eventually.TrueAsync(async () => (await WebhookApp.DeliveriesAsync(admin, id)) is [{ } d] && d.GetProperty("status").GetString() == "failed");

        var delivery = Assert.Single(await WebhookApp.DeliveriesAsync(admin, id));
        Assert.Contains("HTTP 302", delivery.GetProperty("last_error").GetString());
        Assert.Equal(4, receiver.Refused);
        Assert.Empty(elsewhere.Calls);
        Assert.Equal(0, elsewhere.Refused);

        (receiver.Answer, receiver.Location) = (HttpStatusCode.OK, null);
        var (retried, _) = await admin.PostAsync($"/admin/deliveries/{delivery.GetProperty("id").GetInt64()}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await Eventually.TrueAsync(() => !receiver.Calls.IsEmpty);
        var call = Assert.Single(receiver.Calls);
        WebhookApp.Verify(secret, call);
        Assert.Equal(delivery.GetProperty("idempotency_key").GetString(), call.Headers["webhook-id"]);
    }

    [Fact]
    public async Task AHugeAnswer_IsReadOnlyUpToTheCap()
    {
        await using var app = await WebhookApp.StartAsync();
        using var receiver = new HttpReceiver { Answer = HttpStatusCode.InternalServerError, BodyBytes = 256L * 1024 * 1024 };
        var admin = await AdminClient.SignInAsync(app, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        var (id, _) = await WebhookApp.SubscribeAsync(admin, client, receiver.Url, ["submitted"]);

        await DemoRequests.LightingAsync(app);
        await Eventually.TrueAsync(async () => (await WebhookApp.DeliveriesAsync(admin, id)) is [{ } d] && d.GetProperty("attempts").GetInt32() >= 1);
        await Eventually.TrueAsync(() => receiver.UnfinishedBodies >= 1);

        var error = Assert.Single(await WebhookApp.DeliveriesAsync(admin, id)).GetProperty("last_error").GetString()!;
        Assert.Contains("HTTP 500", error);
        Assert.EndsWith(new string('x', 100), error); // the answer's start, as far as the cap
        Assert.True(error.Length <= new WebhookOptions().MaxResponseBytes + 100, $"{error.Length} characters kept");
    }

    [Fact]
    public async Task ADeadReceiver_BlocksNoSubmissionOrTransition_AndItsWebhooksGoOutWhenItReturns()
    {
        await using var app = await WebhookApp.StartAsync();
        using var receiver = new HttpReceiver { Answer = HttpStatusCode.ServiceUnavailable };
        var admin = await AdminClient.SignInAsync(app, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        var (_, secret) = await WebhookApp.SubscribeAsync(admin, client, receiver.Url);

        var id = await DemoRequests.LightingAsync(app); // asserts 201
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (moved, _) = await dispatcher.PostAsync($"/admin/requests/{id}/transitions", new { to = "acknowledged", version = await dispatcher.VersionAsync(id) });
        await Eventually.TrueAsync(() => receiver.Refused >= 2);
        receiver.Answer = HttpStatusCode.OK;
        await Eventually.TrueAsync(() => receiver.Calls.Count >= 2);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var kinds = receiver.Calls.Select(call => WebhookApp.Verify(secret, call).GetProperty("data").GetProperty("event_kind").GetString());
        Assert.Equal(["statuschanged", "submitted"], kinds.Order());
    }

    [Fact]
    public async Task TwoServiceInstances_DeliverEachWebhookOnce()
    {
        await using var first = await WebhookApp.StartAsync();
        await using var second = await first.StartSecondInstanceAsync();
        using var receiver = new HttpReceiver();
        var admin = await AdminClient.SignInAsync(first, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        var (_, secret) = await WebhookApp.SubscribeAsync(admin, client, receiver.Url, ["submitted"]);

        for (var i = 0; i < 10; i++)
        {
            await DemoRequests.LightingAsync(i % 2 == 0 ? first : second);
        }

        await Eventually.TrueAsync(() => receiver.Calls.Count >= 10);
        await Task.Delay(500);

        Assert.Equal(10, receiver.Calls.Count);
        Assert.Equal(10, receiver.Calls.Select(c => c.Headers["webhook-id"]).Distinct().Count());
        Assert.Equal(10, receiver.Calls.Select(c => WebhookApp.Verify(secret, c).GetProperty("data").GetProperty("request_id").GetInt64()).Distinct().Count());
    }

    [Fact]
    public async Task ADeletedOrInactiveSubscription_OrOneOfARevokedClientApp_IsToldNothingMore()
    {
        await using var app = await WebhookApp.StartAsync();
        using var deleted = new HttpReceiver { Answer = HttpStatusCode.ServiceUnavailable };
        using var inactive = new HttpReceiver();
        var admin = await AdminClient.SignInAsync(app, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        var (deletedId, _) = await WebhookApp.SubscribeAsync(admin, client, deleted.Url, ["submitted"]);
        var (inactiveId, _) = await WebhookApp.SubscribeAsync(admin, client, inactive.Url, ["submitted"]);
        await admin.PutAsync($"/admin/clients/{client}/webhooks/{inactiveId}", new { url = inactive.Url, active = false });
        using var revoked = new HttpReceiver();
        var revokedClient = await WebhookApp.ClientAsync(admin);
        var (revokedId, _) = await WebhookApp.SubscribeAsync(admin, revokedClient, revoked.Url);
        await admin.PostAsync($"/admin/clients/{revokedClient}/revoke", null);

        await DemoRequests.LightingAsync(app);
        await Eventually.TrueAsync(() => deleted.Refused >= 1);
        var (gone, _) = await admin.DeleteAsync($"/admin/clients/{client}/webhooks/{deletedId}");
        deleted.Answer = HttpStatusCode.OK;
        await Eventually.TrueAsync(async () => (await WebhookApp.DeliveriesAsync(admin, deletedId)) is [{ } d] && d.GetProperty("status").GetString() == "delivered");

        Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
        Assert.Equal($"subscription {deletedId} is gone", Assert.Single(await WebhookApp.DeliveriesAsync(admin, deletedId)).GetProperty("note").GetString());
        Assert.Empty(deleted.Calls);
        Assert.Empty(await WebhookApp.DeliveriesAsync(admin, inactiveId));
        Assert.Empty(inactive.Calls);
        Assert.Empty(await WebhookApp.DeliveriesAsync(admin, revokedId));
        Assert.Empty(revoked.Calls);
        AdminClient.AssertProblem(await admin.GetAsync($"/admin/clients/{client}/webhooks/{deletedId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ARequestInAPrivateCategory_ReachesIntegrators_FlaggedNotPublic()
    {
        await using var app = await WebhookApp.StartAsync();
        using var receiver = new HttpReceiver();
        var admin = await AdminClient.SignInAsync(app, "admin");
        var client = await WebhookApp.ClientAsync(admin);
        var (_, secret) = await WebhookApp.SubscribeAsync(admin, client, receiver.Url, ["submitted"]);

        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (response, body) = await dispatcher.PostAsync("/admin/requests", new
        {
            service_code = "014", channel = "phone", address = "Μεραμβέλλου 3", description = "Χρειάζεται φάρμακα",
            caller = new { first_name = "Ειρήνη", phone = "2810000000" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Eventually.TrueAsync(() => !receiver.Calls.IsEmpty);

        var data = WebhookApp.Verify(secret, Assert.Single(receiver.Calls)).GetProperty("data");
        Assert.Equal(body.GetProperty("request").GetProperty("id").GetInt64(), data.GetProperty("request_id").GetInt64());
        Assert.Equal("014", data.GetProperty("service_code").GetString());
        Assert.False(data.GetProperty("public").GetBoolean());
        Assert.False(data.TryGetProperty("contact", out _));
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using Open311.Tests.Infrastructure;
using Open311.Tests.Outbox;

namespace Open311.Tests.Webhooks;

/// <summary>
/// The service with its real webhooks consumer, allowed to call receivers on 127.0.0.1, a secret
/// overlap of a few seconds so a test can outlive it, and the outbox tests' fast worker.
/// </summary>
public class WebhookApp : Open311App
{
    public static readonly TimeSpan SecretOverlap = TimeSpan.FromSeconds(15);

    public WebhookApp()
    {
    }

    private WebhookApp(WebhookApp first)
        : base(first)
    {
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. OutboxApp.FastWorker(), new("Webhooks:AllowedHosts:0", "127.0.0.1"), new("Webhooks:SecretOverlap", SecretOverlap.ToString())];

    public static async Task<WebhookApp> StartAsync()
    {
        var app = new WebhookApp();
        await app.InitializeAsync();
        return app;
    }

    /// <summary>Another instance of the service on this one's database; already running, worker included.</summary>
    public Task<WebhookApp> StartSecondInstanceAsync() => StartSharingAsync(new WebhookApp(this));

    /// <summary>A client app to subscribe, made through the admin API.</summary>
    public static async Task<long> ClientAsync(AdminClient admin)
    {
        var (response, body) = await admin.PostAsync("/admin/clients", new { name = "Φαρμακευτικός Σύλλογος" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("client").GetProperty("id").GetInt64();
    }

    /// <summary>A subscription through the admin API: its id and the secret shown once.</summary>
    public static async Task<(long Id, string Secret)> SubscribeAsync(AdminClient admin, long client, string url, string[]? kinds = null, bool trusted = false)
    {
        var (response, body) = await admin.PostAsync($"/admin/clients/{client}/webhooks", new { url, event_kinds = kinds, trusted, description = "test" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("webhook").GetProperty("id").GetInt64(), body.GetProperty("secret").GetString()!);
    }

    /// <summary>
    /// Checks the call as an integrator would, with the StandardWebhooks package: throws when no signature
    /// matches the secret. Each <c>v1,…</c> entry is offered on its own, because StandardWebhooks 1.1.2
    /// never compares the last of several space-separated entries (its loop ends before reaching it),
    /// while the specification has a receiver accept any of them.
    /// </summary>
    public static JsonElement Verify(string secret, ReceivedCall call)
    {
        var webhook = new StandardWebhook(secret);
        var failures = new List<WebhookVerificationException>();
        foreach (var signature in call.Headers["webhook-signature"].Split(' '))
        {
            var headers = new HeaderDictionary();
            foreach (var (name, value) in call.Headers)
            {
                headers[name] = value;
            }

            headers["webhook-signature"] = signature;
            try
            {
                webhook.Verify(call.Body, headers);
                return JsonDocument.Parse(call.Body).RootElement.Clone();
            }
            catch (WebhookVerificationException failure)
            {
                failures.Add(failure);
            }
        }

        throw failures[0];
    }

    public static async Task<List<JsonElement>> DeliveriesAsync(AdminClient admin, long subscription)
    {
        var (response, body) = await admin.GetAsync($"/admin/deliveries?consumer=webhooks&recipient={subscription}&page_size=200");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. body.GetProperty("items").EnumerateArray()];
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Outbox;

/// <summary>
/// The outbox's promises, with a consumer that relays each history event to a real HTTP server:
/// every change leaves its messages in its own transaction, each is delivered once to a healthy
/// receiver whatever the number of service instances, and a failing receiver delays only itself.
/// </summary>
public class OutboxTests
{
    [Fact]
    public async Task EveryHistoryEvent_IsDeliveredOnce_AndARefusedChangeLeavesNothing()
    {
        await using var app = await StartAsync(new OutboxApp());
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var id = await DemoRequests.LightingAsync(app);
        var version = await dispatcher.VersionAsync(id);
        await dispatcher.PostAsync($"/admin/requests/{id}/transitions", new { to = "acknowledged", version });
        var stale = await dispatcher.PostAsync($"/admin/requests/{id}/notes", new { text = "late", @public = false, version });

        await Eventually.TrueAsync(() => app.Receiver.Accepted.Count >= 2);
        await Task.Delay(300); // room for a duplicate to show up, if there were one

        AdminClient.AssertProblem(stale, HttpStatusCode.Conflict);
        var deliveries = await DeliveriesAsync(app, $"request_id={id}");
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal("delivered", d.GetProperty("status").GetString()));
        Assert.All(deliveries, d => Assert.Equal(1, d.GetProperty("attempts").GetInt32()));
        Assert.Equal(["statuschanged", "submitted"], deliveries.Select(d => d.GetProperty("event_kind").GetString()));
        Assert.Equal(deliveries.Select(d => d.GetProperty("idempotency_key").GetString()).Order(), app.Receiver.Accepted.Order());
    }

    [Fact]
    public async Task DeadReceiver_BlocksNoSubmission_AndItsMessagesGoOutWhenItReturns()
    {
        await using var app = await StartAsync(new OutboxApp());
        app.Receiver.Answer = HttpStatusCode.ServiceUnavailable;

        var id = await DemoRequests.LightingAsync(app); // asserts 201
        await Eventually.TrueAsync(() => app.Receiver.Refused >= 2);
        app.Receiver.Answer = HttpStatusCode.OK;
        // The receiver counts the call before it answers, and the worker records the success after: wait for the record.
        await Eventually.TrueAsync(async () => (await DeliveriesAsync(app, $"request_id={id}&status=delivered")).Count == 1);

        var delivery = Assert.Single(await DeliveriesAsync(app, $"request_id={id}"));
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (_, detail) = await admin.GetAsync($"/admin/deliveries/{delivery.GetProperty("id").GetInt64()}");
        var attempts = detail.GetProperty("attempts").EnumerateArray().ToList();
        Assert.True(attempts.Count >= 3, detail.ToString());
        Assert.All(attempts[..^1], a => Assert.False(a.GetProperty("succeeded").GetBoolean()));
        Assert.Contains("503", attempts[0].GetProperty("error").GetString());
        Assert.True(attempts[^1].GetProperty("succeeded").GetBoolean());
        Assert.Equal("delivered", detail.GetProperty("message").GetProperty("status").GetString());
        Assert.Equal(attempts.Count, detail.GetProperty("message").GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task AfterTheLastAttempt_AMessageIsFailed_UntilAnAdministratorRetriesOrDiscardsIt()
    {
        await using var app = await StartAsync(new OutboxApp());
        var admin = await AdminClient.SignInAsync(app, "admin");
        app.Receiver.Answer = HttpStatusCode.InternalServerError;
        var retried = await DemoRequests.LightingAsync(app);
        var discarded = await DemoRequests.RoadsAsync(app);
        await Eventually.TrueAsync(async () => (await DeliveriesAsync(app, "status=failed")).Count == 2);

        app.Receiver.Answer = HttpStatusCode.OK;
        var retry = (await DeliveriesAsync(app, $"request_id={retried}"))[0].GetProperty("id").GetInt64();
        var discard = (await DeliveriesAsync(app, $"request_id={discarded}"))[0].GetProperty("id").GetInt64();
        var (retriedResponse, _) = await admin.PostAsync($"/admin/deliveries/{retry}/retry", null);
        var (discardedResponse, discardedBody) = await admin.PostAsync($"/admin/deliveries/{discard}/discard", null);
        await Eventually.TrueAsync(async () => (await DeliveriesAsync(app, "status=delivered")).Count == 1);
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.OK, retriedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, discardedResponse.StatusCode);
        Assert.Equal("discarded", discardedBody.GetProperty("message").GetProperty("status").GetString());
        Assert.Equal(4, discardedBody.GetProperty("attempts").GetArrayLength()); // Outbox:MaxAttempts in OutboxApp
        Assert.Single(app.Receiver.Accepted);
        AdminClient.AssertProblem(await admin.PostAsync($"/admin/deliveries/{retry}/retry", null), HttpStatusCode.Conflict);
        AdminClient.AssertProblem(await admin.PostAsync($"/admin/deliveries/{discard}/discard", null), HttpStatusCode.Conflict);
        AdminClient.AssertProblem(await admin.PostAsync("/admin/deliveries/999999/retry", null), HttpStatusCode.NotFound);
        AdminClient.AssertProblem(await admin.GetAsync("/admin/deliveries?status=lost"), HttpStatusCode.BadRequest);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/admin/deliveries")).Response.StatusCode);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_DeliverEachMessageExactlyOnce()
    {
        await using var first = await StartAsync(new OutboxApp());
        await using var second = await first.StartSecondInstanceAsync();
        first.Receiver.Delay = TimeSpan.FromMilliseconds(100);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => DemoRequests.LightingAsync(i % 2 == 0 ? first : second)));
        await Eventually.TrueAsync(() => first.Receiver.Accepted.Count >= 20);
        await Task.Delay(500);

        Assert.Equal(20, first.Receiver.Accepted.Count);
        Assert.Equal(20, first.Receiver.Accepted.Distinct().Count());
        await using var db = first.Db();
        Assert.Equal(2, await db.OutboxAttempts.Select(a => a.Worker).Distinct().CountAsync());
        Assert.Equal(20, await db.OutboxAttempts.CountAsync());
    }

    [Fact]
    public async Task WorkerStoppedMidBatch_ItsMessagesAreDeliveredByTheNextOne()
    {
        // This instance only takes requests; workers come and go beside it.
        await using var desk = await StartAsync(new OutboxApp(delivers: false));
        desk.Receiver.Delay = TimeSpan.FromSeconds(2);
        for (var i = 0; i < 5; i++)
        {
            await DemoRequests.LightingAsync(desk);
        }

        var stopped = await desk.StartSecondInstanceAsync();
        await Eventually.TrueAsync(() => desk.Receiver.Accepted.Count >= 2);
        await stopped.DisposeAsync();
        await using var next = await desk.StartSecondInstanceAsync();
        await Eventually.TrueAsync(async () => (await DeliveriesAsync(desk, "status=delivered")).Count == 5);

        var keys = (await DeliveriesAsync(desk, "")).Select(d => d.GetProperty("idempotency_key").GetString()!).ToHashSet();
        Assert.Equal(keys, desk.Receiver.Accepted.ToHashSet());
        // At least once: only the call in flight when the worker stopped may have arrived twice.
        Assert.InRange(desk.Receiver.Accepted.Count, 5, 6);
        await using var db = desk.Db();
        Assert.Equal(2, await db.OutboxAttempts.Where(a => a.Succeeded).Select(a => a.Worker).Distinct().CountAsync());
    }

    private static async Task<OutboxApp> StartAsync(OutboxApp app)
    {
        await app.InitializeAsync();
        return app;
    }

    private static async Task<List<System.Text.Json.JsonElement>> DeliveriesAsync(OutboxApp app, string query)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (response, body) = await admin.GetAsync($"/admin/deliveries?page_size=200&{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. body.GetProperty("items").EnumerateArray()];
    }
}

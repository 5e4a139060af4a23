using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Open311.Core.Feed;
using Open311.Core.Requests;
using Open311.Core.Staff;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

/// <summary>GET /admin/events: each history event, as it happens on any instance, to the staff who may see it.</summary>
public class LiveFeedTests(LiveFeedTests.FeedApp app) : IClassFixture<LiveFeedTests.FeedApp>
{
    /// <summary>The service with heartbeats every 200 ms; a second instance may share its database.</summary>
    public sealed class FeedApp : Open311App
    {
        public FeedApp()
        {
        }

        private FeedApp(FeedApp first)
            : base(first)
        {
        }

        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Feed:HeartbeatInterval", "00:00:00.2")];

        public Task<FeedApp> StartSecondInstanceAsync() => StartSharingAsync(new FeedApp(this));
    }

    private static IEnumerable<long> RequestIds(IEnumerable<JsonElement> events) => events.Select(e => e.GetProperty("request_id").GetInt64());

    [Fact]
    public async Task StaffSeeTheirDepartmentsEvents_ADispatcherSeesEveryDepartment()
    {
        using var lighting = await FeedStream.OpenAsync(await AdminClient.SignInAsync(app, "lighting"));
        using var dispatcher = await FeedStream.OpenAsync(await AdminClient.SignInAsync(app, "dispatcher"));

        var light = await DemoRequests.LightingAsync(app);
        var road = await DemoRequests.RoadsAsync(app);
        var marker = await DemoRequests.LightingAsync(app);

        var lightingSaw = await lighting.UntilAsync(marker);
        var dispatcherSaw = await dispatcher.UntilAsync(marker);
        Assert.Contains(light, RequestIds(lightingSaw));
        Assert.DoesNotContain(road, RequestIds(lightingSaw));
        Assert.Equal([light, road, marker], RequestIds(dispatcherSaw).Where(new[] { light, road, marker }.Contains));
    }

    [Fact]
    public async Task StaffSeeTheEventsOfRequestsTheirDepartmentHasAWorkOrderOn_FromTheWorkOrderOn()
    {
        using var roads = await FeedStream.OpenAsync(await AdminClient.SignInAsync(app, "roads"));
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");

        var light = await DemoRequests.LightingAsync(app);
        var made = await dispatcher.PostAsync($"/admin/requests/{light}/work-orders", new { department_id = await DemoRequests.DepartmentIdAsync(app, "Roads Section") });
        Assert.True(made.Response.StatusCode == HttpStatusCode.Created, made.Body.ToString());

        var saw = await roads.UntilAsync(light, "workorderadded");
        Assert.DoesNotContain(saw, e => e.GetProperty("request_id").GetInt64() == light && e.GetProperty("kind").GetString() == "submitted");
    }

    [Fact]
    public async Task AnEvent_CarriesItsFields_AndNoContactData()
    {
        using var stream = await FeedStream.OpenAsync(await AdminClient.SignInAsync(app, "dispatcher"));

        var id = long.Parse(await app.GeoReport().SubmitAsync(("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"), ("attribute[fault]", "off"),
            ("first_name", "Ζαχαρίας"), ("email", "zacharias.feed@example.gr"), ("phone", "6977123456")), System.Globalization.CultureInfo.InvariantCulture);

        var submitted = (await stream.UntilAsync(id)).Last();
        Assert.Equal(long.Parse(stream.Lines.Last(l => l.StartsWith("id: ", StringComparison.Ordinal))[4..]), submitted.GetProperty("id").GetInt64());
        Assert.Equal("open", submitted.GetProperty("status").GetString());
        Assert.Equal("received", submitted.GetProperty("state").GetString());
        Assert.Equal(await DemoRequests.DepartmentIdAsync(app, "Street Lighting Section"), submitted.GetProperty("department_id").GetInt64());
        Assert.Matches(@"^\d{4}/\d{6}$", submitted.GetProperty("protocol_number").GetString());
        Assert.True(submitted.TryGetProperty("occurred_at", out _));
        Assert.False(submitted.TryGetProperty("jurisdiction_id", out _));
        var text = string.Join('\n', stream.Lines);
        Assert.DoesNotContain("Ζαχαρίας", text);
        Assert.DoesNotContain("zacharias", text);
        Assert.DoesNotContain("6977123456", text);
    }

    [Fact]
    public async Task AChangeThroughASecondInstance_ReachesAFeedOpenOnTheFirst()
    {
        await using var second = await app.StartSecondInstanceAsync();
        using var stream = await FeedStream.OpenAsync(await AdminClient.SignInAsync(app, "dispatcher"));

        var id = await DemoRequests.LightingAsync(second);
        var viaSecond = await AdminClient.SignInAsync(second, "lighting");
        var (response, body) = await viaSecond.PostAsync($"/admin/requests/{id}/notes", new { text = "Από το δεύτερο", @public = false, version = await viaSecond.VersionAsync(id) });
        Assert.True(response.IsSuccessStatusCode, body.ToString());

        var note = (await stream.UntilAsync(id, "note")).Last();
        Assert.Equal("Από το δεύτερο", note.GetProperty("note").GetString());
    }

    [Fact]
    public async Task LastEventId_ReplaysWhatWasMissed_ThatTheCallerMaySee()
    {
        var lightingStaff = await AdminClient.SignInAsync(app, "lighting");
        long last;
        using (var first = await FeedStream.OpenAsync(lightingStaff))
        {
            var before = await DemoRequests.LightingAsync(app);
            await first.UntilAsync(before);
            last = long.Parse(first.Lines.Last(l => l.StartsWith("id: ", StringComparison.Ordinal))[4..]);
        }

        var missed = await DemoRequests.LightingAsync(app);
        var road = await DemoRequests.RoadsAsync(app);
        var (response, _) = await lightingStaff.PostAsync($"/admin/requests/{missed}/notes", new { text = "Χάθηκε;", @public = false, version = await lightingStaff.VersionAsync(missed) });
        Assert.True(response.IsSuccessStatusCode);

        using var again = await FeedStream.OpenAsync(lightingStaff, last.ToString());
        var replayed = await again.UntilAsync(missed, "note");

        Assert.Equal("submitted", replayed.Single(e => e.GetProperty("request_id").GetInt64() == missed && e.GetProperty("kind").GetString() == "submitted").GetProperty("kind").GetString());
        Assert.DoesNotContain(road, RequestIds(replayed));
        Assert.All(replayed, e => Assert.True(e.GetProperty("id").GetInt64() > last));
        Assert.Equal(replayed.Select(e => e.GetProperty("id").GetInt64()).Order(), replayed.Select(e => e.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task ASilentStream_GetsHeartbeats()
    {
        using var stream = await FeedStream.OpenAsync(await AdminClient.SignInAsync(app, "viewer"));

        while (await stream.LineAsync() is { } line && line != ": heartbeat")
        {
        }

        Assert.Contains(": heartbeat", stream.Lines);
    }

    [Fact]
    public async Task AStreamTheFeedCloses_Ends_SoItsClientReconnects()
    {
        using var stream = await FeedStream.OpenAsync(await AdminClient.SignInAsync(app, "dispatcher"));
        Assert.Equal(": connected", await stream.LineAsync());

        ((LiveFeed)app.Services.GetService(typeof(LiveFeed))!).CloseAll();

        while (await stream.LineAsync() is not null)
        {
        }
    }

    [Fact]
    public void AFullBuffer_ClosesThatSubscriptionOnly_AndNeverBlocksPublishing()
    {
        var feed = new LiveFeed(Options.Create(new FeedOptions { BufferSize = 2 }));
        var dispatcher = new StaffActor(1, "heraklion.gr", StaffRole.Dispatcher, null);
        using var slow = feed.Subscribe(dispatcher);
        using var reading = feed.Subscribe(dispatcher);
        var received = new List<long>();

        for (var id = 1; id <= 5; id++)
        {
            feed.Publish([new FeedEvent(id, "heraklion.gr", 100 + id, $"2026/{id:000000}", RequestEventKind.Note, RequestStatus.Open, "received", 1, DateTimeOffset.UtcNow, null, [])]);
            while (reading.Events.TryRead(out var e))
            {
                received.Add(e.Id);
            }
        }

        Assert.True(slow.Overflowed);
        Assert.True(slow.Events.Completion.IsCompleted || slow.Events.Count == 2); // what it held is still read, then it ends
        var held = new List<long>();
        while (slow.Events.TryRead(out var e))
        {
            held.Add(e.Id);
        }

        Assert.Equal([1, 2], held);
        Assert.True(slow.Events.Completion.IsCompleted);
        Assert.False(reading.Overflowed);
        Assert.Equal([1, 2, 3, 4, 5], received);
    }

    [Fact]
    public async Task WithoutAToken_Is401()
    {
        var response = await app.CreateClient().GetAsync("/admin/events");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

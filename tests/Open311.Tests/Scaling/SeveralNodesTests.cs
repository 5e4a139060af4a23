using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Open311.Core.Data;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Scaling;

/// <summary>Two nodes of the service on one primary and one hot standby, started for this class alone.</summary>
public sealed class SeveralNodes : IAsyncLifetime
{
    public ReplicaPair Pair { get; private set; } = null!;

    public NodeApp A { get; private set; } = null!;

    public NodeApp B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Pair = await ReplicaPair.StartAsync();
        A = new NodeApp(Pair);
        await A.InitializeAsync();
        _ = A.Services;
        B = await A.StartSecondNodeAsync();
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Pair.DisposeAsync();
    }
}

/// <summary>What lived in one process works across nodes, and public reads come from the standby while writes never go there.</summary>
public class SeveralNodesTests(SeveralNodes nodes) : IClassFixture<SeveralNodes>
{
    [Fact]
    public async Task RateLimits_AreOneCountForEveryNode()
    {
        var admin = await AdminClient.SignInAsync(nodes.A, "admin");
        var (_, issued) = await admin.PostAsync("/admin/clients", new { name = "Δύο κόμβοι", rate_limit_per_minute = 3 });
        (string, string)[] request = [("api_key", issued.GetProperty("api_key").GetString()!), ("service_code", "001"), ("address_string", "Έβανς 1")];
        var submissions = new List<HttpStatusCode>();
        foreach (var node in new[] { nodes.A, nodes.B, nodes.A, nodes.B, nodes.A })
        {
            submissions.Add((await node.GeoReport().PostAsync("json", request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], submissions);

        // Per client address: the citizens' follow page, guessed at through both nodes.
        var pages = new List<HttpStatusCode>();
        foreach (var node in new[] { nodes.A, nodes.B, nodes.A, nodes.B, nodes.A, nodes.B })
        {
            pages.Add((await node.CreateClient().GetAsync("/follow/2026/000001?code=GUESS00000")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.NotFound, NodeApp.PageViewsPerMinute), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            pages);
    }

    [Fact]
    public async Task ACatalogueChangeOnOneNode_IsSeenByTheOther()
    {
        var (_, before) = await nodes.B.GeoReport().GetJsonAsync("/services.json?locale=en");
        Assert.DoesNotContain("Graffiti between nodes", before.ToString());

        var admin = await AdminClient.SignInAsync(nodes.A, "admin");
        var (created, body) = await admin.PostAsync("/admin/services", new
        {
            code = "N1",
            name_el = "Γκράφιτι",
            name_en = "Graffiti between nodes",
            group_el = "Καθαριότητα",
            group_en = "Cleanliness",
            type = "realtime",
            active = true,
            is_public = true,
            attributes = Array.Empty<object>(),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());

        await Eventually.TrueAsync(async () => (await nodes.B.GeoReport().GetJsonAsync("/services.json?locale=en")).Body.ToString().Contains("Graffiti between nodes"));
    }

    [Fact]
    public async Task EachOutboxMessage_IsDeliveredOnce_WhicheverNodeClaimsIt()
    {
        var ids = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await DemoRequests.LightingAsync(i % 2 == 0 ? nodes.A : nodes.B));
        }

        string[] Relayed() => [.. nodes.A.Receiver.Calls.Where(c => ids.Any(id => c.Body.Contains($"\"requestId\":{id},", StringComparison.Ordinal)))
            .Select(c => c.Headers["Idempotency-Key"])];
        await Eventually.TrueAsync(() => Relayed().Length >= ids.Count);
        await Task.Delay(TimeSpan.FromSeconds(1)); // both workers poll every 50 ms: a second copy would be here by now
        var relayed = Relayed();
        Assert.Equal(ids.Count, relayed.Length);
        Assert.Equal(ids.Count, relayed.Distinct().Count());
    }

    [Fact]
    public async Task AnEventRecordedOnOneNode_ReachesTheFeedsOfBoth()
    {
        using var onA = await FeedStream.OpenAsync(await AdminClient.SignInAsync(nodes.A, "dispatcher"));
        using var onB = await FeedStream.OpenAsync(await AdminClient.SignInAsync(nodes.B, "dispatcher"));

        var id = await DemoRequests.LightingAsync(nodes.A);

        Assert.Equal(id, (await onA.UntilAsync(id)).Last().GetProperty("request_id").GetInt64());
        Assert.Equal(id, (await onB.UntilAsync(id)).Last().GetProperty("request_id").GetInt64());
    }

    [Fact]
    public async Task PublicReadsStatisticsAndExports_ComeFromTheStandby_WhileWritesGoToThePrimary()
    {
        var open311 = nodes.B.GeoReport();
        var admin = await AdminClient.SignInAsync(nodes.B, "admin");
        await nodes.Pair.CaughtUpAsync();
        var openBefore = await OpenRequestsAsync(admin);

        await nodes.Pair.PauseReplayAsync();
        long id;
        try
        {
            id = await DemoRequests.LightingAsync(nodes.A);

            // The standby has not replayed the new request: a list and the statistics do not show it yet…
            var (_, list) = await open311.GetJsonAsync($"/requests.json?service_request_id={id}");
            Assert.Equal(0, list.GetArrayLength());
            Assert.Equal(openBefore, await OpenRequestsAsync(admin));
            var export = await admin.Http.GetStringAsync("/admin/requests/export.csv");
            Assert.DoesNotContain($"\n{id},", export);

            // …but the app that just sent it reads it back, by id and by its media_url's kind of lookup: the primary answers.
            var (found, one) = await open311.GetJsonAsync($"/requests/{id}.json");
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.Equal($"{id}", one[0].GetProperty("service_request_id").GetString());
        }
        finally
        {
            await nodes.Pair.ResumeReplayAsync();
        }

        await Eventually.TrueAsync(async () => (await open311.GetJsonAsync($"/requests.json?service_request_id={id}")).Body.GetArrayLength() == 1);
        Assert.Equal(openBefore + 1, await OpenRequestsAsync(admin));

        // The export's audit entry, a write, went to the primary although its rows came from the standby.
        var audited = await ReplicaPair.ScalarAsync<long>(nodes.Pair.Primary, "SELECT count(*) FROM audit_events WHERE action = 'exported_contact'");
        Assert.True(audited >= 1);

        // Only the reads' sessions ever connected to the standby; the primary has the writers' too.
        var onStandby = await ReplicaPair.SessionsAsync(nodes.Pair.Standby);
        Assert.NotEmpty(onStandby);
        Assert.All(onStandby, name => Assert.Equal(ReadReplica.DefaultApplicationName, name));
        Assert.Contains(await ReplicaPair.SessionsAsync(nodes.Pair.Primary), name => name != ReadReplica.DefaultApplicationName);
    }

    [Fact]
    public async Task TheReadsNeverWrite_OnTheStandby_NorOnThePrimaryWhenTheyFallBackToIt()
    {
        using var scope = nodes.A.Services.CreateScope();
        var reads = scope.ServiceProvider.GetRequiredService<Open311ReadDb>();
        Assert.True(reads.MayLag);
        var onStandby = await Assert.ThrowsAsync<PostgresException>(() => reads.Database.ExecuteSqlRawAsync("DELETE FROM sign_in_failures"));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, onStandby.SqlState);
        await Assert.ThrowsAsync<InvalidOperationException>(() => reads.SaveChangesAsync());

        // With no standby answering, prefer-standby lands on the primary: the session is read-only there too.
        await using var primaryOnly = ReadReplica.For(nodes.Pair.Primary, scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>());
        await using var command = primaryOnly.DataSource.CreateCommand("DELETE FROM sign_in_failures");
        var onPrimary = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, onPrimary.SqlState);
    }

    private static async Task<long> OpenRequestsAsync(AdminClient admin)
    {
        var (response, summary) = await admin.GetAsync("/admin/statistics/summary");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return summary.GetProperty("open").GetInt64();
    }
}

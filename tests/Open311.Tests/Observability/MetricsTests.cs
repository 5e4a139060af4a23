using System.Net;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;
using Open311.Tests.Outbox;

namespace Open311.Tests.Observability;

/// <summary>
/// <c>/metrics</c> of the real service with the outbox tests' relay consumer and receiver: what a delivery moves, and
/// what a failing receiver moves. Figures are compared before and after, since a counter only grows (and other test
/// hosts in this process add to the same counters). The HTTP and database figures are checked on a process of its
/// own (<see cref="DeployedServiceTests"/>).
/// </summary>
public class MetricsTests(MetricsTests.CountingBacklog app) : IClassFixture<MetricsTests.CountingBacklog>
{
    private const string Relay = $"open311_consumer=\"{RelayConsumer.ConsumerName}\"";

    /// <summary>The outbox app with its backlog counted often, so a test sees the gauge without waiting 15 s.</summary>
    public sealed class CountingBacklog : OutboxApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Outbox:BacklogInterval", "00:00:00.1")];
    }

    [Fact]
    public async Task ADelivery_MovesTheDeliveredCount_AndTheLag_AndTheBacklogIsTold()
    {
        var http = app.CreateClient();
        var before = await Scrape.TakeAsync(http);
        var accepted = app.Receiver.Accepted.Count;

        await DemoRequests.LightingAsync(app);
        await Eventually.TrueAsync(() => app.Receiver.Accepted.Count > accepted);

        var after = before;
        await Eventually.TrueAsync(async () =>
            (after = await Scrape.TakeAsync(http)).Sum("open311_outbox_delivered_total", Relay) > before.Sum("open311_outbox_delivered_total", Relay));
        Assert.True(after.Sum("open311_outbox_lag_seconds_count", Relay) > before.Sum("open311_outbox_lag_seconds_count", Relay), after.Text);
        Assert.True(after.Sum("open311_outbox_lag_seconds_sum", Relay) > before.Sum("open311_outbox_lag_seconds_sum", Relay), after.Text);
        Assert.True(after.Has("open311_outbox_backlog"), after.Text);
    }

    [Fact]
    public async Task AFailingReceiver_MovesTheFailedAttempts()
    {
        var http = app.CreateClient();
        var before = (await Scrape.TakeAsync(http)).Sum("open311_outbox_failed_total", Relay);
        app.Receiver.Answer = HttpStatusCode.ServiceUnavailable;
        try
        {
            await DemoRequests.RoadsAsync(app);
            await Eventually.TrueAsync(async () => (await Scrape.TakeAsync(http)).Sum("open311_outbox_failed_total", Relay) > before);
        }
        finally
        {
            app.Receiver.Answer = HttpStatusCode.OK;
        }
    }

    [Fact]
    public async Task TheScrape_IsNotInTheOpenApiDocument_NorInDiscovery()
    {
        var http = app.CreateClient();
        var document = await http.GetStringAsync($"/swagger/{ApiDocumentation.DocumentName}/swagger.json");
        var discovery = await http.GetStringAsync($"{GeoReportClient.Base}/discovery.json");

        Assert.DoesNotContain("/metrics", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/metrics", discovery, StringComparison.Ordinal);
    }
}

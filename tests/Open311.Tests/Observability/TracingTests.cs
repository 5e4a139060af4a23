using Open311.Tests.Infrastructure;
using Open311.Tests.Outbox;

namespace Open311.Tests.Observability;

/// <summary>
/// Traces to an OTLP collector (a real HTTP listener taking OTLP over HTTP/protobuf) once
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names one: the submission's server span, and the delivery's span with the relay's
/// outgoing call and its database calls. Span names and attribute values are plain UTF-8 in the protobuf body.
/// </summary>
public class TracingTests(TracingTests.WithCollector app) : IClassFixture<TracingTests.WithCollector>
{
    public sealed class WithCollector : OutboxApp
    {
        public HttpReceiver Collector { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            .. base.Settings, new("OTEL_EXPORTER_OTLP_ENDPOINT", Collector.Url.TrimEnd('/')), new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            new("OTEL_BSP_SCHEDULE_DELAY", "100"),
        ];

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Collector.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    [Fact]
    public async Task ASubmissionAndItsDelivery_AreTraced_WithTheirHttpAndDatabaseSpans()
    {
        var accepted = app.Receiver.Accepted.Count;
        await DemoRequests.LightingAsync(app);
        await Eventually.TrueAsync(() => app.Receiver.Accepted.Count > accepted);

        await Eventually.TrueAsync(() => Exported().Contains($"outbox deliver {RelayConsumer.ConsumerName}", StringComparison.Ordinal));
        var exported = Exported();
        Assert.All(app.Collector.Calls, call => Assert.Equal("/v1/traces", call.PathAndQuery));
        Assert.Contains("POST /open311/v2/requests.{format}", exported, StringComparison.Ordinal);
        Assert.Contains("postgresql", exported, StringComparison.Ordinal);
        Assert.Contains(app.Receiver.Url, exported, StringComparison.Ordinal); // the relay's outgoing call, under the delivery
        Assert.Contains("open311", exported, StringComparison.Ordinal);
    }

    private string Exported() => string.Join('\n', app.Collector.Calls.Select(c => c.Body));
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Open311.Core.Outbox;

/// <summary>
/// What the delivery worker tells operators (meter and activity source <c>Open311.Outbox</c>): messages
/// delivered and failed attempts per consumer, the lag from a message's creation to its delivery, the backlog
/// of due messages, and one span per delivery, under which the consumer's own HTTP and database calls appear.
/// The meter is the process's own, not a container's: a meter disposed with one host would end the metric
/// streams of the same name that another host in the process (the tests run many) is still exporting.
/// </summary>
public static class OutboxTelemetry
{
    public const string Name = "Open311.Outbox";

    private const string ConsumerTag = "open311.consumer";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> DeliveredCount =
        Meter.CreateCounter<long>("open311.outbox.delivered", "{message}", "Messages delivered (sent, or nothing needed sending)");

    private static readonly Counter<long> FailedCount =
        Meter.CreateCounter<long>("open311.outbox.failed", "{attempt}", "Delivery attempts that failed; the message is retried or, after the last, failed");

    private static readonly Histogram<double> Lag = Meter.CreateHistogram("open311.outbox.lag", "s",
        "From a message's creation to its delivery, retries and waits included",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 14400, 86400] });

    /// <summary>The latest count of due messages a worker took (<see cref="OutboxStore.CountDueAsync"/>); -1 before the first.</summary>
    private static long _backlog = -1;

    static OutboxTelemetry() => Meter.CreateObservableGauge("open311.outbox.backlog", ObserveBacklog, "{message}",
        "Pending messages already due, as the delivery worker last counted them (the same on every instance)");

    /// <summary>A span for delivering one message; null when nobody listens.</summary>
    public static Activity? StartDelivery(OutboxMessage message, int attempt) =>
        Source.StartActivity($"outbox deliver {message.Consumer}")
            ?.SetTag(ConsumerTag, message.Consumer).SetTag("open311.outbox.message_id", message.Id).SetTag("open311.outbox.attempt", attempt);

    public static void Delivered(OutboxMessage message, DateTimeOffset deliveredAt)
    {
        var consumer = new KeyValuePair<string, object?>(ConsumerTag, message.Consumer);
        DeliveredCount.Add(1, consumer);
        Lag.Record((deliveredAt - message.CreatedAt).TotalSeconds, consumer);
    }

    public static void Failed(OutboxMessage message) => FailedCount.Add(1, new KeyValuePair<string, object?>(ConsumerTag, message.Consumer));

    public static void Backlog(long count) => Interlocked.Exchange(ref _backlog, count);

    /// <summary>Asked at each scrape: the kept figure, never a query.</summary>
    private static IEnumerable<Measurement<long>> ObserveBacklog() => Interlocked.Read(ref _backlog) is >= 0 and var count ? [new(count)] : [];
}

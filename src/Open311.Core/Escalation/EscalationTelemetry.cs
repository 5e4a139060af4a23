using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Open311.Core.Escalation;

/// <summary>
/// What the escalation worker tells operators (meter and activity source <c>Open311.Escalation</c>): the rules
/// fired, and one span per request escalated, under which its database calls appear. The process's own meter,
/// for the reason <see cref="Outbox.OutboxTelemetry"/> gives.
/// </summary>
public static class EscalationTelemetry
{
    public const string Name = "Open311.Escalation";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> FiredCount = Meter.CreateCounter<long>("open311.escalations.fired", "{escalation}",
        "Escalation rules fired: each one a history event, alerts and perhaps a raised priority");

    /// <summary>A span for escalating one request; null when nobody listens.</summary>
    public static Activity? StartEscalation(long requestId) => Source.StartActivity("escalate request")?.SetTag("open311.request_id", requestId);

    public static void Fired(int rules) => FiredCount.Add(rules);
}

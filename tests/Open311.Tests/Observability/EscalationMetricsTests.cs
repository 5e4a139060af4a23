using Open311.Core.StaffAlerts;
using Open311.Tests.Escalation;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Observability;

/// <summary>
/// An escalation as <c>/metrics</c> tells it, on the escalation tests' service (test clock, real SMTP server): the rule
/// fired, and the head's alert delivered by the staff-alerts consumer.
/// </summary>
public class EscalationMetricsTests(EscalationApp app) : IClassFixture<EscalationApp>
{
    [Fact]
    public async Task AFiredRule_MovesTheEscalationCount_AndItsAlertTheDeliveredCount()
    {
        await app.ArrangedAsync();
        var http = app.CreateClient();
        var alerts = $"open311_consumer=\"{StaffAlertConsumer.ConsumerName}\"";
        var before = await Scrape.TakeAsync(http);
        var id = await DemoRequests.LightingAsync(app);
        var request = await app.RequestAsync(id);

        app.Clock.Set(request.NextEscalationAt!.Value);
        await Eventually.TrueAsync(() => app.EscalationMails(request.ProtocolNumber, EscalationApp.HeadEmail).Count > 0);

        await Eventually.TrueAsync(async () =>
            (await Scrape.TakeAsync(http)).Sum("open311_escalations_fired_total") > before.Sum("open311_escalations_fired_total"));
        await Eventually.TrueAsync(async () =>
            (await Scrape.TakeAsync(http)).Sum("open311_outbox_delivered_total", alerts) > before.Sum("open311_outbox_delivered_total", alerts));
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Outbox;
using Open311.Core.Requests;

namespace Open311.Core.Webhooks;

/// <summary>
/// Tells integrators of request changes: one outbox message per active subscription that wants the
/// event's kind, each POSTed signed per Standard Webhooks and retried by the outbox until it succeeds.
/// </summary>
public sealed class WebhookConsumer(Open311Db db, SafeWebhookClient http, TimeProvider clock) : IOutboxConsumer
{
    public const string ConsumerName = "webhooks";

    public string Name => ConsumerName;

    /// <summary>Runs in every change's transaction: one query on the partial index of active subscriptions.</summary>
    public async ValueTask<IReadOnlyList<OutboxRecipient>> RecipientsAsync(ServiceRequest request, RequestEvent change, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        [.. (await Subscribers(db, request.JurisdictionId, change.Kind).ToListAsync(cancellationToken))
            .Select(id => new OutboxRecipient(id.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>The active subscriptions of live client apps in the jurisdiction that want this kind of event.</summary>
    public static IQueryable<long> Subscribers(Open311Db db, string jurisdictionId, RequestEventKind kind)
    {
        var name = kind.ToOpen311();
        return db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdictionId && s.Active && (s.EventKinds == null || s.EventKinds.Contains(name)))
            .Where(s => db.ApiClients.Any(c => c.Id == s.ClientId && c.RevokedAt == null))
            .Select(s => s.Id);
    }

    public async Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var id = long.Parse(delivery.Recipient, CultureInfo.InvariantCulture);
        var subscription = await db.WebhookSubscriptions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == id && s.JurisdictionId == delivery.JurisdictionId, cancellationToken);
        if (subscription is not { Active: true } || !await db.ApiClients.AnyAsync(c => c.Id == subscription.ClientId && c.RevokedAt == null, cancellationToken))
        {
            // Deleted, switched off or its client app revoked since the change: nobody is waiting for it any more.
            return DeliveryResult.Delivered($"subscription {id} is gone");
        }

        var body = (await PayloadAsync(delivery.Event, subscription.Trusted, cancellationToken)).ToJson();
        var now = clock.GetUtcNow();
        var messageId = delivery.IdempotencyKey.ToString();
        var timestamp = now.ToUnixTimeSeconds();
        var status = await http.PostAsync(subscription.Url, body, new Dictionary<string, string>
        {
            ["webhook-id"] = messageId,
            ["webhook-timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = WebhookSignatures.Header(subscription.SigningSecrets(now), messageId, timestamp, body),
        }, cancellationToken);
        return DeliveryResult.Delivered($"HTTP {status}");
    }

    private async Task<WebhookPayload> PayloadAsync(RequestEvent change, bool trusted, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().Where(r => r.Id == change.RequestId)
            .Select(r => new
            {
                r.ProtocolNumber,
                ServiceCode = r.Service.Code,
                r.Service.IsPublic,
                r.Contact,
                State = db.WorkflowStates.Where(s => s.Id == change.StateAfterId).Select(s => s.Code).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var kind = change.Kind.ToOpen311();
        var contact = trusted ? new WebhookContact(request.Contact.FirstName, request.Contact.LastName, request.Contact.Email, request.Contact.Phone) : null;
        return new WebhookPayload($"request.{kind}", change.OccurredAt, new WebhookEventData(change.Id, kind, change.RequestId, request.ProtocolNumber,
            request.ServiceCode, request.IsPublic, change.StatusAfter.ToOpen311(), request.State, change.IsPublic ? change.Note : null, change.OccurredAt, contact));
    }
}

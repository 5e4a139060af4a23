using System.Globalization;
using System.Linq.Expressions;
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
    public string Name => "webhooks";

    /// <summary>Subscriptions that are active and whose client app has not been revoked.</summary>
    private static readonly Expression<Func<WebhookSubscription, bool>> IsListening = s => s.Active && s.Client!.RevokedAt == null;

    /// <summary>
    /// The active subscriptions of live client apps in the jurisdiction that want an event of the kind (its Open311 name):
    /// one query on the partial index of active subscriptions. Kept as an expression so that the index test can plan it.
    /// </summary>
    public static readonly Expression<Func<Open311Db, string, string, IQueryable<long>>> Subscribers = (db, jurisdictionId, kind) =>
        db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdictionId).Where(IsListening)
            .Where(s => s.EventKinds == null || s.EventKinds.Contains(kind))
            .Select(s => s.Id);

    /// <summary>Compiled, since every change of every request runs it: no expression tree is built, hashed and looked up per call.</summary>
    private static readonly Func<Open311Db, string, string, IAsyncEnumerable<long>> SubscribersOf = EF.CompileAsyncQuery(Subscribers);

    /// <summary>Runs in every change's transaction.</summary>
    public async ValueTask<IReadOnlyList<OutboxRecipient>> RecipientsAsync(ServiceRequest request, RequestEvent change, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var recipients = new List<OutboxRecipient>();
        await foreach (var id in SubscribersOf(db, request.JurisdictionId, change.Kind.ToOpen311()).WithCancellation(cancellationToken))
        {
            recipients.Add(new OutboxRecipient(id.ToString(CultureInfo.InvariantCulture)));
        }

        return recipients;
    }

    public async Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var id = long.Parse(delivery.Recipient, CultureInfo.InvariantCulture);
        var subscription = await Listening(db, delivery.JurisdictionId).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
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

    private static IQueryable<WebhookSubscription> Listening(Open311Db db, string jurisdictionId) =>
        db.WebhookSubscriptions.AsNoTracking().Where(s => s.JurisdictionId == jurisdictionId).Where(IsListening);

    private async Task<WebhookPayload> PayloadAsync(RequestEvent change, bool trusted, CancellationToken cancellationToken)
    {
        var requests = db.Requests.AsNoTracking().Where(r => r.Id == change.RequestId);
        var request = await requests
            .Select(r => new
            {
                r.ProtocolNumber,
                ServiceCode = r.Service.Code,
                r.Service.IsPublic,
                State = db.WorkflowStates.Where(s => s.Id == change.StateAfterId).Select(s => s.Code).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        // Contact data is read only for a subscription that may receive it.
        var contact = trusted
            ? await requests.Select(r => new WebhookContact(r.Contact.FirstName, r.Contact.LastName, r.Contact.Email, r.Contact.Phone)).SingleAsync(cancellationToken)
            : null;
        var kind = change.Kind.ToOpen311();
        return new WebhookPayload($"request.{kind}", change.OccurredAt, new WebhookEventData(change.Id, kind, change.RequestId, request.ProtocolNumber,
            request.ServiceCode, request.IsPublic, change.StatusAfter.ToOpen311(), request.State, change.IsPublic ? change.Note : null, change.OccurredAt, contact));
    }
}

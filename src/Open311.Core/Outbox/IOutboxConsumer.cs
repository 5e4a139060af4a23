using Open311.Core.Requests;

namespace Open311.Core.Outbox;

/// <summary>
/// Something outside a request's transaction that must hear of its changes (e-mail, SMS, webhooks…).
/// Register it in DI as a scoped <see cref="IOutboxConsumer"/>: planning runs in the scope of the
/// change (and may read the database through it), each delivery in a fresh scope of its own.
/// </summary>
public interface IOutboxConsumer
{
    /// <summary>Stored with each message: keep it stable across versions.</summary>
    string Name { get; }

    /// <summary>
    /// Decided when the change is saved, inside its transaction: the messages this consumer owes
    /// for it, none or one per recipient (a citizen's channel, a staff member, a subscription).
    /// </summary>
    ValueTask<IReadOnlyList<OutboxRecipient>> RecipientsAsync(ServiceRequest request, RequestEvent change, DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>
    /// Delivers one message; throwing means "failed, try again later" and counts as an attempt.
    /// It may be called again for a message it already delivered (hence the idempotency key).
    /// </summary>
    Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken);
}

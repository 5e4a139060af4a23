using Open311.Core.Requests;

namespace Open311.Core.Outbox;

/// <summary>
/// Something outside a request's transaction that must hear of its changes (e-mail, SMS, webhooks…).
/// Register it in DI as <see cref="IOutboxConsumer"/>; it is resolved in a fresh scope for each delivery.
/// </summary>
public interface IOutboxConsumer
{
    /// <summary>Stored with each message: keep it stable across versions.</summary>
    string Name { get; }

    /// <summary>Decided when the change is saved, inside its transaction: whether this consumer gets a message for it.</summary>
    bool Wants(ServiceRequest request, RequestEvent change);

    /// <summary>Delivers one message; throwing means "try again later". It may be called again for a message it already delivered.</summary>
    Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken);
}

using Open311.Core.Requests;

namespace Open311.Core.Outbox;

/// <summary>
/// Work one consumer owes for one history event. Written in the transaction that made the event,
/// so a change and the news of it are stored together or not at all; delivered afterwards by
/// <see cref="OutboxWorker"/>, at least once.
/// </summary>
public class OutboxMessage
{
    /// <summary>For EF Core.</summary>
    private OutboxMessage()
    {
    }

    internal OutboxMessage(string consumer, string jurisdictionId, RequestEvent change, OutboxRecipient recipient, DateTimeOffset now)
    {
        (Consumer, Recipient, JurisdictionId, Event, CreatedAt) = (consumer, recipient.Key, jurisdictionId, change, now);
        AvailableAt = recipient.NotBefore is { } notBefore && notBefore > now ? notBefore : now;
        IdempotencyKey = Guid.NewGuid();
    }

    public long Id { get; private set; }
    public string JurisdictionId { get; private set; } = "";
    /// <summary>The <see cref="IOutboxConsumer.Name"/> it is for.</summary>
    public string Consumer { get; private set; } = "";
    /// <summary>Which of the consumer's recipients (<see cref="OutboxRecipient.Key"/>); empty for a consumer with one.</summary>
    public string Recipient { get; private set; } = "";
    public long RequestEventId { get; private set; }
    public RequestEvent Event { get; private set; } = null!;
    /// <summary>The same on every attempt, so a receiver can recognise a message it has already handled.</summary>
    public Guid IdempotencyKey { get; private set; }
    public DeliveryStatus Status { get; private set; } = DeliveryStatus.Pending;
    /// <summary>Attempts finished so far (successful or not).</summary>
    public int Attempts { get; private set; }
    /// <summary>When it may next be claimed: now, after a backoff, or when a worker's claim lapses.</summary>
    public DateTimeOffset AvailableAt { get; private set; }
    /// <summary>The current claim's token; only its holder may record the outcome.</summary>
    public Guid? ClaimToken { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>The consumer's word on the last attempt that did not fail: why it was postponed, or why nothing was sent.</summary>
    public string? Note { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Back in the queue now, with its attempts kept: after an administrator fixed the cause.</summary>
    internal void Retry(DateTimeOffset now) => (Status, AvailableAt, ClaimToken) = (DeliveryStatus.Pending, now, null);

    internal void Discard() => (Status, ClaimToken) = (DeliveryStatus.Discarded, null);
}

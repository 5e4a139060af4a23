using Open311.Core.Requests;

namespace Open311.Core.Outbox;

/// <summary>What a consumer is handed: the event to tell of, whom it is for, and the key that stays the same on every attempt.</summary>
public sealed record OutboxDelivery(long MessageId, Guid IdempotencyKey, int Attempt, string JurisdictionId, string Recipient, RequestEvent Event);

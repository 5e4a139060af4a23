namespace Open311.Core.Messaging;

/// <summary>
/// One SMS to one number. <paramref name="Id"/> is the same on every attempt, so a gateway that
/// takes a message id (or the Idempotency-Key header) can drop one sent twice after a lost reply.
/// </summary>
public sealed record SmsMessage(Guid Id, string To, string Text);

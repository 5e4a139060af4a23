namespace Open311.Core.Outbox;

/// <summary>
/// One message a consumer owes for a change. <paramref name="Key"/> tells its recipients apart
/// (stable: a change is never queued twice for the same consumer and key); <paramref name="NotBefore"/>
/// holds it back, e.g. so that changes made in quick succession can be told in one message.
/// </summary>
public sealed record OutboxRecipient(string Key, DateTimeOffset? NotBefore = null)
{
    /// <summary>The key of a consumer that sends one message per change.</summary>
    public const string Only = "";

    public static readonly IReadOnlyList<OutboxRecipient> None = [];

    public static readonly IReadOnlyList<OutboxRecipient> One = [new(Only)];
}

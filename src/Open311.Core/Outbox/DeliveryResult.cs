namespace Open311.Core.Outbox;

/// <summary>What a consumer made of a message it did not fail at.</summary>
public sealed record DeliveryResult
{
    private DeliveryResult(DateTimeOffset? postponedUntil, string? note) => (PostponedUntil, Note) = (postponedUntil, note);

    /// <summary>Set when the message is to be tried again then, without counting as a failed attempt (quiet hours, say).</summary>
    public DateTimeOffset? PostponedUntil { get; }

    /// <summary>What administrators read beside the message: why it was postponed, or why nothing needed sending.</summary>
    public string? Note { get; }

    /// <summary>Sent, or nothing to send; done either way.</summary>
    public static DeliveryResult Delivered(string? note = null) => new(null, note);

    public static DeliveryResult Postponed(DateTimeOffset until, string reason) => new(until, reason);
}

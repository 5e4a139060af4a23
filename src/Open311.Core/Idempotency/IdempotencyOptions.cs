namespace Open311.Core.Idempotency;

/// <summary>Configuration section <c>Idempotency</c>: how long the answer to a call with an <c>Idempotency-Key</c> is kept.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key is remembered: a retry within it gets the first answer; after it the key is free again.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often each instance deletes the keys whose time has passed.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}

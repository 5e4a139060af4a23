namespace Open311.Core.Idempotency;

/// <summary>The answer a change gave, kept to be given again to a retry with the same key.</summary>
public sealed record StoredAnswer(int Status, string? ContentType, string? Location, byte[] Body);

/// <summary>A call with an <c>Idempotency-Key</c>: who asked (<paramref name="Scope"/>), the key, and the fingerprint of the call.</summary>
public sealed record IdempotentCall(string Scope, string Key, byte[] Fingerprint);

/// <summary>What <see cref="IdempotencyKeys.ClaimAsync"/> found: a new key to run with, the answer to give again, or the key used for another call.</summary>
public sealed record IdempotencyClaim(bool Claimed, StoredAnswer? Answer)
{
    public bool Mismatch => !Claimed && Answer is null;
}

using Open311.Core.Audit;
using Open311.Core.Clients;

namespace Open311.Core.Webhooks;

/// <summary>
/// Where a client app (an integrator: a municipal system, another platform) wants to hear of
/// request changes, signed with a secret it was shown once. Changed only through
/// <see cref="WebhookAdministration"/>, which audits every change.
/// </summary>
public class WebhookSubscription
{
    public long Id { get; set; }
    /// <summary>The client app's jurisdiction, kept here so each change finds its subscriptions on one index.</summary>
    public required string JurisdictionId { get; set; }
    public long ClientId { get; set; }
    /// <summary>The client app, for queries only (a revoked app's subscriptions are silent); never loaded.</summary>
    public ApiClient? Client { get; set; }
    public required string Url { get; set; }
    /// <summary>The event kinds wanted, by their wire names (<c>submitted</c>, <c>statuschanged</c>…); null for all.</summary>
    public string[]? EventKinds { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>Set by an administrator: payloads carry the requester's name, e-mail and phone.</summary>
    public bool Trusted { get; set; }
    public string? Description { get; set; }
    /// <summary>The signing key (<c>whsec_…</c>). Kept readable because the service signs with it; shown once, never audited.</summary>
    [NotAudited]
    public required string Secret { get; set; }
    /// <summary>The key before the last rotation, still signing until <see cref="PreviousSecretExpiresAt"/> so receivers can switch.</summary>
    [NotAudited]
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The keys a delivery made at <paramref name="now"/> is signed with: the current one, and the previous one during the overlap.</summary>
    public IEnumerable<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];
}

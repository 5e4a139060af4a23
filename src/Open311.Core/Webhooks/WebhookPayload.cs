using System.Text.Json;
using System.Text.Json.Serialization;
using Open311.Core.Audit;

namespace Open311.Core.Webhooks;

/// <summary>
/// The body of a webhook call (spec/webhooks.md): what happened, as Standard Webhooks suggests
/// (<c>type</c>, <c>timestamp</c>, <c>data</c>), in snake_case like the APIs.
/// </summary>
public sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, WebhookEventData Data)
{
    public string ToJson() => JsonSerializer.Serialize(this, AuditTrail.Json);
}

/// <summary>
/// One history event of one request. <c>Public</c> is false for a request in a private category (integrators
/// may see it, but must not publish it); <c>State</c> is the detailed workflow state after the event; <c>Note</c>
/// is the event's note only when it is public; <c>Contact</c> is there only for a trusted subscription.
/// </summary>
public sealed record WebhookEventData(long EventId, string EventKind, long RequestId, string ProtocolNumber, string ServiceCode, bool Public,
    string Status, string? State, string? Note, DateTimeOffset OccurredAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WebhookContact? Contact);

/// <summary>The requester, as a trusted integrator receives them.</summary>
public sealed record WebhookContact(string? FirstName, string? LastName, string? Email, string? Phone);

namespace Open311.Core.Audit;

/// <summary>A change to anything but a request (catalogue, workflows, accounts, client apps), or a look at a citizen's contact data.</summary>
public class AuditEvent
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required string Actor { get; set; }
    /// <summary>What was touched: <c>department</c>, <c>service</c>, <c>workflow</c>, <c>staff</c>, <c>client</c>, <c>request</c>…</summary>
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    /// <summary><c>created</c>, <c>updated</c>, <c>deleted</c>, <c>revoked</c>, <c>viewed_contact</c>…</summary>
    public required string Action { get; set; }
    /// <summary>JSON of the thing before the change (null when created).</summary>
    public string? Before { get; set; }
    /// <summary>JSON of the thing after the change (null when deleted).</summary>
    public string? After { get; set; }
}

using System.Globalization;
using System.Text.Json;
using Open311.Core.Data;

namespace Open311.Core.Audit;

/// <summary>How the audit trail and request histories write before/after values: snake_case JSON, like the APIs.</summary>
public static class AuditTrail
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Records, in the caller's unit of work, what no save shows: that a member of staff saw a request's contact data.</summary>
    public static void RecordContactView(Open311Db db, AuditActor actor, long requestId, DateTimeOffset now) =>
        RecordContact(db, actor, requestId, AuditAction.ViewedContact, now);

    /// <summary>Records that a request's contact data was viewed, exported or erased (<see cref="AuditAction"/>): that it happened, never the data.</summary>
    public static void RecordContact(Open311Db db, AuditActor actor, long requestId, string action, DateTimeOffset now) =>
        db.AuditEvents.Add(new AuditEvent
        {
            JurisdictionId = actor.JurisdictionId,
            OccurredAt = now,
            Actor = actor.Name,
            Entity = AuditEntity.Request,
            EntityId = requestId.ToString(CultureInfo.InvariantCulture),
            Action = action,
        });
}

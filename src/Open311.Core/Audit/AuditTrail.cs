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
        db.AuditEvents.Add(new AuditEvent
        {
            JurisdictionId = actor.JurisdictionId,
            OccurredAt = now,
            Actor = actor.Name,
            Entity = AuditEntity.Request,
            EntityId = requestId.ToString(CultureInfo.InvariantCulture),
            Action = AuditAction.ViewedContact,
        });
}

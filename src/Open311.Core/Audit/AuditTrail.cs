using System.Globalization;
using System.Text.Json;
using Open311.Core.Data;

namespace Open311.Core.Audit;

/// <summary>How the audit trail and request histories write before/after values: snake_case JSON, like the APIs.</summary>
public static class AuditTrail
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// Records what <see cref="AuditedSave"/> cannot see, in the caller's unit of work: a look at a
    /// citizen's contact data, and area polygons, which are written in SQL rather than through EF.
    /// </summary>
    public static void Record(Open311Db db, AuditActor actor, string entity, long entityId, string action, object? before, object? after,
        DateTimeOffset now) =>
        db.AuditEvents.Add(new AuditEvent
        {
            JurisdictionId = actor.JurisdictionId,
            OccurredAt = now,
            Actor = actor.Name,
            Entity = entity,
            EntityId = entityId.ToString(CultureInfo.InvariantCulture),
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
}

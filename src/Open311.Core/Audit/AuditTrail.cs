using System.Text.Json;
using Open311.Core.Data;

namespace Open311.Core.Audit;

/// <summary>Records changes to anything but requests (which keep their own history), in the caller's unit of work.</summary>
public static class AuditTrail
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Record(Open311Db db, string jurisdictionId, string actor, string entity, object entityId, string action,
        object? before, object? after, DateTimeOffset now) =>
        db.AuditEvents.Add(new AuditEvent
        {
            JurisdictionId = jurisdictionId,
            OccurredAt = now,
            Actor = actor,
            Entity = entity,
            EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture)!,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
}

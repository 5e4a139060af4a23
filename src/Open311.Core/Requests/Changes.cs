using System.Text.Json;
using Open311.Core.Audit;

namespace Open311.Core.Requests;

/// <summary>The before/after record of a history event: <c>{"field":{"before":…,"after":…}}</c>.</summary>
public static class Changes
{
    public static string Of(params (string Field, object? Before, object? After)[] changes) =>
        JsonSerializer.Serialize(
            changes.ToDictionary(c => c.Field, c => new { before = c.Before, after = c.After }),
            AuditTrail.Json);
}

using System.Text.Json;
using Open311.Core.Requests;

namespace Open311.Core.Escalation;

/// <summary>
/// What an <see cref="RequestEventKind.Escalated"/> event records in its changes: the clock and the percent it
/// reached (<c>{"resolution_escalated_percent":{"before":null,"after":75}}</c>) and the priority it raised the
/// request to, if it did; read back by the alerts it causes.
/// </summary>
public sealed record EscalationStep(EscalationClock Clock, int AtPercent, RequestPriority? RaisedTo)
{
    public const string PriorityField = "priority";

    public static string Field(EscalationClock clock) => $"{clock.ToOpen311()}_escalated_percent";

    /// <summary>The step an escalation event records; null for any other event.</summary>
    public static EscalationStep? Of(RequestEvent change)
    {
        if (change.Kind != RequestEventKind.Escalated || change.Changes is null)
        {
            return null;
        }

        using var changes = JsonDocument.Parse(change.Changes);
        var root = changes.RootElement;
        RequestPriority? raised = root.TryGetProperty(PriorityField, out var priority)
            ? Enum.Parse<RequestPriority>(priority.GetProperty("after").GetString()!, ignoreCase: true)
            : null;
        return Enum.GetValues<EscalationClock>()
            .Where(clock => root.TryGetProperty(Field(clock), out _))
            .Select(clock => new EscalationStep(clock, root.GetProperty(Field(clock)).GetProperty("after").GetInt32(), raised))
            .FirstOrDefault();
    }
}

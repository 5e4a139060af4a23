using Open311.Core.Requests;

namespace Open311.Core.Escalation;

/// <summary>
/// "When a request has used <see cref="AtPercent"/> of its <see cref="Clock"/>'s target, alert these
/// people and perhaps raise its priority": one of a jurisdiction's escalation rules, which fires at
/// most once per request (<see cref="EscalationPlanner"/>).
/// </summary>
public class EscalationRule
{
    public long Id { get; private set; }
    public string JurisdictionId { get; private set; } = "";
    public EscalationClock Clock { get; private set; }
    /// <summary>Of the clock's target in working time: 75 with a quarter left, 100 when it passes, 150 half a target later.</summary>
    public int AtPercent { get; private set; }
    /// <summary>Alert the head of the request's department (<see cref="Catalog.Department.HeadId"/>).</summary>
    public bool AlertHead { get; private set; }
    /// <summary>Alert every supervisor who may see the request (<see cref="Staff.StaffAccount.Supervisor"/>).</summary>
    public bool AlertSupervisors { get; private set; }
    /// <summary>Raise the request's priority to this one if it is lower; null leaves it.</summary>
    public RequestPriority? RaisePriorityTo { get; private set; }

    internal static EscalationRule For(string jurisdictionId) => new() { JurisdictionId = jurisdictionId };

    internal void Set(EscalationRuleAdministration.RuleDraft draft) =>
        (Clock, AtPercent, AlertHead, AlertSupervisors, RaisePriorityTo) =
            (draft.Clock, draft.AtPercent, draft.AlertHead, draft.AlertSupervisors, draft.RaisePriorityTo);
}

namespace Open311.Core.Requests;

public enum RequestEventKind
{
    Submitted,
    /// <summary>A workflow transition: state (and perhaps status) changed.</summary>
    StatusChanged,
    Note,
    Assigned,
    Rerouted,
    ExpectedChanged,
    MarkedDuplicate,
    /// <summary>A citizen's follow-up sent by a client app (POST servicerequestupdates); staff only, see <see cref="CitizenFollowUp"/>.</summary>
    CitizenUpdate,
    /// <summary>The citizen stopped the messages about it (unsubscribe link or an SMS reply): staff see it, the public does not.</summary>
    MessagesStopped,
    /// <summary>Staff moved it to another category (<c>service_code</c> before and after); not public, since either may be private.</summary>
    CategoryChanged,
    PriorityChanged,
    /// <summary>An escalation rule fired (<see cref="Escalation.EscalationRule"/>): staff only; its note names the rule, clock and share.</summary>
    Escalated,
    /// <summary>Contact data anonymised (retention passed, or erased on a data subject's request). Staff only.</summary>
    ContactAnonymised,
    /// <summary>Someone else now follows it (a caller, a "me too", a merged duplicate's people), or renewed their wish. Staff only.</summary>
    FollowerAdded,
    /// <summary>Staff judged a duplicate suggested at intake not to be one (<c>duplicate_suggestion</c>: the candidate). Staff only.</summary>
    DuplicateRejected,
    /// <summary>The request was given a department's work order (<see cref="WorkOrders.WorkOrder"/>). Staff only.</summary>
    WorkOrderAdded,
    /// <summary>A work order's state, assignee or notes changed. Staff only: a public note the department adds is its own event.</summary>
    WorkOrderChanged,
}

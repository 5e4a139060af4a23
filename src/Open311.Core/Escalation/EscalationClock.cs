namespace Open311.Core.Escalation;

/// <summary>Which service-level clock an escalation rule watches.</summary>
public enum EscalationClock
{
    /// <summary>Until staff first answer (<see cref="Requests.ServiceRequest.ResponseDueAt"/>).</summary>
    Response,
    /// <summary>Until the request is closed (<see cref="Requests.ServiceRequest.ResolutionDueAt"/>).</summary>
    Resolution,
}

namespace Open311.Core.Requests;

/// <summary>How urgently staff should handle a request; escalation may raise it.</summary>
public enum RequestPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

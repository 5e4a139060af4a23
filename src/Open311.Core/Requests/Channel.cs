namespace Open311.Core.Requests;

/// <summary>How a request reached the municipality.</summary>
public enum Channel
{
    /// <summary>A civic app through the Open311 endpoint.</summary>
    Open311,
    Phone,
    Counter,
    Email,
}

namespace Open311.Core.Requests;

/// <summary>The two statuses GeoReport v2 shows outside.</summary>
public enum RequestStatus
{
    Open,
    Closed,
}

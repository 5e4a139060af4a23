namespace Open311.Core.Requests;

/// <summary>The filters of GeoReport v2 <c>GET requests</c> and this project's extensions, already validated.</summary>
public sealed record RequestFilter
{
    public required string JurisdictionId { get; init; }
    /// <summary>When set, every other filter is ignored (GeoReport v2 rule).</summary>
    public IReadOnlyList<long>? Ids { get; init; }
    /// <summary>Extension: the number a citizen was given on the phone; like <see cref="Ids"/>, it overrides the rest.</summary>
    public string? ProtocolNumber { get; init; }
    public IReadOnlyList<string>? ServiceCodes { get; init; }
    /// <summary>The requested_datetime window; open on a side when null.</summary>
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public IReadOnlyList<RequestStatus>? Statuses { get; init; }
    public DateTimeOffset? UpdatedAfter { get; init; }
    public DateTimeOffset? UpdatedBefore { get; init; }
    public GeoCircle? Near { get; init; }
    /// <summary>Extension: a search over the public text (<see cref="Search.TextSearch"/>); the best matches first.</summary>
    public string? Text { get; init; }
    public GeoBox? Within { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 1000;
}

public sealed record GeoCircle(double Lat, double Long, double RadiusMetres);

public sealed record GeoBox(double Left, double Bottom, double Right, double Top);

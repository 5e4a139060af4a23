using System.Linq.Expressions;
using Open311.Core.Catalog;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>
/// A request's standard GeoReport fields as Open311 may show them, projected straight from the database. It has no
/// field for the requester's name, e-mail, phone, device or account: they are never read, so they cannot leak.
/// It reads <c>service_requests</c> alone: the category's and department's names come from the catalogue in memory
/// (<see cref="PublicNames"/>), in the call's language when the answer is written. What only
/// <c>extensions=true</c> shows is read apart, for the rows of the page (<see cref="RequestExtras"/>): a plain list
/// then neither joins the state and the original of a duplicate nor parses every row's attributes.
/// </summary>
public sealed record RequestView
{
    public long Id { get; init; }
    public RequestStatus Status { get; init; }
    public string? StatusNotes { get; init; }
    public long ServiceId { get; init; }
    public string? Description { get; init; }
    /// <summary>The handling department (Open311 <c>agency_responsible</c> names it); null while it has none.</summary>
    public long? DepartmentId { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Open311 <c>expected_datetime</c>: the time staff set, else the service level's resolution due time (null while waiting).</summary>
    public DateTimeOffset? ExpectedAt { get; init; }
    public string? Address { get; init; }
    public string? AddressId { get; init; }
    public string? Zipcode { get; init; }
    public double? Lat { get; init; }
    public double? Long { get; init; }
    public string? ExternalMediaUrl { get; init; }
    public Guid? MediaId { get; init; }

    /// <summary>The EF projection: reads only these columns.</summary>
    public static readonly Expression<Func<ServiceRequest, RequestView>> FromRow = r => new RequestView
    {
        Id = r.Id,
        Status = r.Status,
        StatusNotes = r.StatusNotes,
        ServiceId = r.ServiceId,
        Description = r.Description,
        DepartmentId = r.DepartmentId,
        RequestedAt = r.RequestedAt,
        UpdatedAt = r.UpdatedAt,
        ExpectedAt = r.ExpectedAt ?? r.ResolutionDueAt,
        Address = r.Address,
        AddressId = r.AddressId,
        Zipcode = r.Zipcode,
        Lat = r.Lat,
        Long = r.Long,
        ExternalMediaUrl = r.ExternalMediaUrl,
        MediaId = r.MediaId,
    };
}

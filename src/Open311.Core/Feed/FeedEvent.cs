using System.Text.Json.Serialization;
using Open311.Core.Requests;

namespace Open311.Core.Feed;

/// <summary>
/// One history event as the live feed shows it to staff: what happened to which request, and where
/// it left it. No citizen contact data; the note is shown because only staff who may see the
/// request (and so its internal notes) receive it. The departments with a work order on the request
/// decide, with its department, which staff see it (<see cref="Requests.StaffRequestSearch.Sees"/>).
/// </summary>
public sealed record FeedEvent(
    long Id,
    [property: JsonIgnore] string JurisdictionId,
    long RequestId,
    string ProtocolNumber,
    RequestEventKind Kind,
    RequestStatus Status,
    string? State,
    long? DepartmentId,
    DateTimeOffset OccurredAt,
    string? Note,
    [property: JsonIgnore] long[] WorkOrderDepartmentIds);

using System.Text.Json;
using Open311.Core.Requests;

namespace Open311.Api.Admin;

/// <summary>A request in the staff list.</summary>
public sealed class StaffRequestSummary
{
    public long Id { get; set; }
    public string ProtocolNumber { get; set; } = "";
    public string ServiceCode { get; set; } = "";
    public string ServiceName { get; set; } = "";
    public string State { get; set; } = "";
    public RequestStatus Status { get; set; }
    public long? DepartmentId { get; set; }
    public long? AssigneeId { get; set; }
    public Channel Channel { get; set; }
    public string? Description { get; set; }
    public string? Address { get; set; }
    public double? Lat { get; set; }
    public double? Long { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ExpectedAt { get; set; }
}

/// <summary>Everything about one request, for staff: contact data included (and each look at it audited).</summary>
public sealed record StaffRequestDetail(
    StaffRequestSummary Request,
    RequesterContact Contact,
    bool NotifySms,
    bool NotifyEmail,
    string? AddressId,
    string? Zipcode,
    string? StatusNotes,
    long? DuplicateOfId,
    Dictionary<string, string[]> Attributes,
    uint Version,
    IReadOnlyList<AllowedTransition> AllowedTransitions);

public sealed record AllowedTransition(string To, bool RequiresPublicNote);

/// <summary>One history event, with the actor and the fields it changed.</summary>
public sealed record HistoryEntry(long Id, DateTimeOffset OccurredAt, RequestEventKind Kind, string Actor, bool IsPublic, string? Note,
    RequestStatus StatusAfter, JsonElement? Changes);

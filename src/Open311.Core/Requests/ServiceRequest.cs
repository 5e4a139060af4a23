using NetTopologySuite.Geometries;
using Open311.Core.Catalog;
using Open311.Core.Workflow;

namespace Open311.Core.Requests;

/// <summary>A citizen's request, from any channel.</summary>
public class ServiceRequest
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public long ServiceId { get; set; }
    public ServiceCategory Service { get; set; } = null!;
    /// <summary>Where the request is in its category's workflow.</summary>
    public long StateId { get; set; }
    public WorkflowState State { get; set; } = null!;
    /// <summary>The state's Open311 status, kept beside it so public lists filter on an index.</summary>
    public RequestStatus Status { get; set; } = RequestStatus.Open;
    /// <summary>The latest public note, kept beside the history so lists need no join.</summary>
    public string? StatusNotes { get; set; }
    public string? Description { get; set; }
    public double? Lat { get; set; }
    public double? Long { get; set; }
    /// <summary>The point PostgreSQL derives from <see cref="Lat"/> and <see cref="Long"/> (a generated column): read, never written.</summary>
    public Point? Location { get; private set; }
    public string? Address { get; set; }
    public string? AddressId { get; set; }
    public string? Zipcode { get; set; }
    /// <summary>A picture hosted elsewhere, given by the client as <c>media_url</c>.</summary>
    public string? ExternalMediaUrl { get; set; }
    /// <summary>A picture uploaded with the request, stored without its metadata.</summary>
    public Guid? MediaId { get; set; }
    /// <summary>Answers to the service definition's attributes, by attribute code.</summary>
    public Dictionary<string, string[]> Attributes { get; set; } = [];
    public RequesterContact Contact { get; set; } = new();
    public Channel Channel { get; set; } = Channel.Open311;
    public long? ApiClientId { get; set; }
    public long? DepartmentId { get; set; }
    public long? AssigneeId { get; set; }
    /// <summary>The requester asked to be told of progress by SMS / e-mail.</summary>
    public bool NotifySms { get; set; }
    public bool NotifyEmail { get; set; }
    public Department? Department { get; set; }
    /// <summary>The human-readable number read back to callers, e.g. <c>2026/004217</c>.</summary>
    public required string ProtocolNumber { get; set; }
    /// <summary>Set for batch services: what the client holds until it learns the id.</summary>
    public Guid? Token { get; set; }
    public long? DuplicateOfId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ExpectedAt { get; set; }
    public List<RequestEvent> History { get; set; } = [];
    /// <summary>PostgreSQL's row version (xmin): concurrent edits of one request cannot overwrite each other.</summary>
    public uint Version { get; set; }
}

using Open311.Core.Catalog;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>
/// A request as Open311 may show it, projected straight from the database. It has no field for
/// the requester's name, e-mail, phone, device or account: they are never read, so they cannot leak.
/// </summary>
public sealed class RequestView
{
    public long Id { get; set; }
    public RequestStatus Status { get; set; }
    /// <summary>The workflow state's code, e.g. <c>in_progress</c>.</summary>
    public string State { get; set; } = "";
    public string? StatusNotes { get; set; }
    public string ServiceCode { get; set; } = "";
    public LocalizedText ServiceName { get; set; } = LocalizedText.Empty;
    public LocalizedText ServiceNotice { get; set; } = LocalizedText.Empty;
    public string? Description { get; set; }
    public string? DepartmentNameEl { get; set; }
    public string? DepartmentNameEn { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ExpectedAt { get; set; }
    public string? Address { get; set; }
    public string? AddressId { get; set; }
    public string? Zipcode { get; set; }
    public double? Lat { get; set; }
    public double? Long { get; set; }
    public string? ExternalMediaUrl { get; set; }
    public Guid? MediaId { get; set; }
    public Channel Channel { get; set; }
    public string ProtocolNumber { get; set; } = "";
    public long? DuplicateOfId { get; set; }
    public Dictionary<string, string[]> Attributes { get; set; } = [];

    public string? AgencyResponsible(string locale) =>
        DepartmentNameEl is null ? null : new LocalizedText(DepartmentNameEl, DepartmentNameEn ?? "").In(locale);
}

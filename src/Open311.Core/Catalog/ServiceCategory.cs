namespace Open311.Core.Catalog;

/// <summary>A kind of request citizens can make (an Open311 "service"), e.g. a broken street lamp.</summary>
public class ServiceCategory
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    /// <summary>The Open311 <c>service_code</c>, unique within the jurisdiction.</summary>
    public required string Code { get; set; }
    public required LocalizedText Name { get; set; }
    public required LocalizedText Description { get; set; }
    public required LocalizedText Group { get; set; }
    /// <summary>Comma-separated search words, served as Open311 <c>keywords</c>.</summary>
    public string Keywords { get; set; } = "";
    public ServiceType Type { get; set; } = ServiceType.Realtime;
    /// <summary>Told to the citizen on submission (Open311 <c>service_notice</c>), e.g. the usual response time.</summary>
    public LocalizedText Notice { get; set; } = LocalizedText.Empty;
    /// <summary>Null: the jurisdiction's default workflow.</summary>
    public long? WorkflowId { get; set; }
    public long? DefaultDepartmentId { get; set; }
    public Department? DefaultDepartment { get; set; }
    /// <summary>Inactive categories accept no new requests and are not listed.</summary>
    public bool Active { get; set; } = true;
    /// <summary>Private categories (e.g. social support) are never shown through Open311.</summary>
    public bool IsPublic { get; set; } = true;
    /// <summary>How near an open request of this category must be to be a likely duplicate of a new one (0: no check).</summary>
    public int DuplicateDistanceMetres { get; set; } = Duplicates.DuplicateCheck.DefaultDistanceMetres;
    /// <summary>How recent it must be: an older open request is more likely another problem at the same place.</summary>
    public int DuplicateAgeDays { get; set; } = Duplicates.DuplicateCheck.DefaultAgeDays;
    public List<ServiceAttribute> Attributes { get; set; } = [];
}

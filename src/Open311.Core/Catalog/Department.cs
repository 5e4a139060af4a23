namespace Open311.Core.Catalog;

/// <summary>A unit of the municipality's organisation chart that handles requests.</summary>
public class Department
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public required LocalizedText Name { get; set; }
    public string? Email { get; set; }
    public long? ParentId { get; set; }
    public bool Active { get; set; } = true;
}

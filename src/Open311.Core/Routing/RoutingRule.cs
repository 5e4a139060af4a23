namespace Open311.Core.Routing;

/// <summary>"Requests of this category inside this area go to this department", overriding the category's default.</summary>
public class RoutingRule
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public long ServiceId { get; set; }
    public long AreaId { get; set; }
    public long DepartmentId { get; set; }
}

namespace Open311.Core.Routing;

/// <summary>
/// A department's service area. Its polygon lives only in PostGIS (column <c>area</c>), written
/// from GeoJSON and read back as GeoJSON by AreaGeometry.
/// </summary>
public class DepartmentArea
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public long DepartmentId { get; set; }
    public required string Name { get; set; }
}

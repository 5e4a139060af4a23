using NetTopologySuite.Geometries;

namespace Open311.Core.Routing;

/// <summary>A department's service area: a polygon in WGS84 degrees that <see cref="AreaGeometry"/> has accepted.</summary>
public class DepartmentArea
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public long DepartmentId { get; set; }
    public required string Name { get; set; }
    public required MultiPolygon Area { get; set; }
}

using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Open311.Core.Routing;

/// <summary>
/// What a department area may be: a Polygon or MultiPolygon in WGS84 degrees, 2-D, valid, and
/// smaller than a hemisphere. PostGIS keeps areas as geography, whose edges are great-circle arcs:
/// an edge between antipodal points has no single such arc, and a ring 180° or more across is
/// no longer the region it looks like in degrees, so PostGIS fails on them (a 500 before).
/// Both are refused here with a reason, as request boxes are checked in degrees.
/// </summary>
public static class AreaGeometry
{
    private static readonly Envelope World = new(-180, 180, -90, 90);

    /// <summary>Why this geometry cannot be an area, or null when it can.</summary>
    public static string? Problem(Geometry geometry)
    {
        var extent = geometry.EnvelopeInternal;
        return geometry switch
        {
            not (Polygon or MultiPolygon) => $"the area must be a GeoJSON Polygon or MultiPolygon, not {geometry.GeometryType}",
            _ when geometry.Coordinates.Any(c => !double.IsNaN(c.Z)) => "the area must be 2-D: each position is longitude and latitude only",
            _ when !World.Contains(extent) => "the area must be in WGS84 longitude/latitude",
            _ when extent.Width >= 180 || extent.Height >= 180 =>
                "the area must be smaller than a hemisphere (less than 180° across in longitude and in latitude), with no antipodal edge",
            _ when new IsValidOp(geometry).ValidationError is { } error => $"the area is not a valid polygon: {error.Message}",
            _ => null,
        };
    }

    /// <summary>An accepted geometry as the column stores it: always a MultiPolygon.</summary>
    public static MultiPolygon ToArea(Geometry accepted) =>
        accepted as MultiPolygon ?? Wgs84.Factory.CreateMultiPolygon([(Polygon)accepted]);
}

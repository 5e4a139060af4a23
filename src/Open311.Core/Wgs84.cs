using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Open311.Core;

/// <summary>Geometries in longitude/latitude degrees (SRID 4326), as every PostGIS column here stores them.</summary>
public static class Wgs84
{
    public const int Srid = 4326;

    public static readonly GeometryFactory Factory = NtsGeometryServices.Instance.CreateGeometryFactory(Srid);

    public static Point PointAt(double lat, double lon) => Factory.CreatePoint(new Coordinate(lon, lat));
}

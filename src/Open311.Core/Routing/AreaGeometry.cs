using Microsoft.EntityFrameworkCore;
using Npgsql;
using Open311.Core.Data;

namespace Open311.Core.Routing;

/// <summary>
/// Department areas' polygons, kept in PostGIS: GeoJSON in (checked by PostGIS, Polygon or
/// MultiPolygon, WGS84), GeoJSON out. EF does not map the column; this is its only reader and writer.
/// </summary>
public static class AreaGeometry
{
    /// <summary>Why PostGIS will not take this GeoJSON as an area, or null when it will.</summary>
    public static async Task<string?> CheckAsync(Open311Db db, string geoJson, CancellationToken cancellationToken)
    {
        try
        {
            var verdict = await db.Database.SqlQuery<string>($"""
                SELECT CASE
                    WHEN GeometryType(g) NOT IN ('POLYGON', 'MULTIPOLYGON') THEN 'the area must be a GeoJSON Polygon or MultiPolygon, not ' || GeometryType(g)
                    WHEN NOT ST_IsValid(g) THEN 'the area is not a valid polygon: ' || ST_IsValidReason(g)
                    WHEN NOT ST_Within(g, ST_MakeEnvelope(-180, -90, 180, 90, 4326)) THEN 'the area must be in WGS84 longitude/latitude'
                    ELSE '' END AS "Value"
                FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON({geoJson}), 4326) AS g) AS parsed
                """).SingleAsync(cancellationToken);
            return verdict.Length == 0 ? null : verdict;
        }
        catch (PostgresException exception) when (exception.SqlState.StartsWith("XX", StringComparison.Ordinal) || exception.SqlState.StartsWith("22", StringComparison.Ordinal))
        {
            return $"the area is not valid GeoJSON: {exception.MessageText}";
        }
    }

    /// <summary>Stores a new area with its (checked) polygon and returns its id.</summary>
    public static async Task<long> InsertAsync(Open311Db db, DepartmentArea area, string geoJson, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<long>($"""
            INSERT INTO department_areas (jurisdiction_id, department_id, name, area)
            VALUES ({area.JurisdictionId}, {area.DepartmentId}, {area.Name}, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON({geoJson}), 4326))::geography)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken))[0];

    /// <summary>Replaces the (checked) polygon of an existing area.</summary>
    public static Task SetAsync(Open311Db db, long areaId, string geoJson, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE department_areas SET area = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON({geoJson}), 4326))::geography WHERE id = {areaId}
            """, cancellationToken);

    public static async Task<Dictionary<long, string>> ReadAsync(Open311Db db, IReadOnlyCollection<long> areaIds, CancellationToken cancellationToken)
    {
        var ids = areaIds.ToArray();
        var rows = await db.Database.SqlQuery<AreaJson>($"""
            SELECT id AS "Id", ST_AsGeoJSON(area, 7) AS "GeoJson" FROM department_areas WHERE id = ANY({ids})
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.GeoJson);
    }

    private sealed record AreaJson(long Id, string GeoJson);
}

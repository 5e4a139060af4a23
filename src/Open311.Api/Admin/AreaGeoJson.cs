using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Open311.Core;
using Open311.Core.Routing;

namespace Open311.Api.Admin;

/// <summary>
/// GeoJSON in and out of the area endpoints through NetTopologySuite. The endpoints keep the
/// geometry as a plain JSON object, so the OpenAPI document describes GeoJSON, not NTS's types.
/// </summary>
public static class AreaGeoJson
{
    // Rings leave as they came, as PostGIS's ST_AsGeoJSON returned them before.
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new GeoJsonConverterFactory(Wgs84.Factory, false, GeoJsonConverterFactory.DefaultIdPropertyName, RingOrientationOption.DoNotModify) },
    };

    /// <summary>Reads an area; returns why it cannot be one (not GeoJSON, or refused by <see cref="AreaGeometry"/>), or null when it can.</summary>
    public static string? ReadArea(JsonElement json, out MultiPolygon? area)
    {
        area = null;
        Geometry? geometry;
        try
        {
            geometry = json.Deserialize<Geometry>(Options);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            return $"the area is not valid GeoJSON: {exception.Message}";
        }

        if (geometry is null)
        {
            return "the area is not valid GeoJSON: no geometry";
        }

        if (AreaGeometry.Problem(geometry) is { } problem)
        {
            return problem;
        }

        area = AreaGeometry.ToArea(geometry);
        return null;
    }

    public static JsonElement Write(Geometry geometry) => JsonSerializer.SerializeToElement(geometry, Options);
}

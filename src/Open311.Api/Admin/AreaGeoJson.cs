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

    /// <summary>Reads a GeoJSON geometry; returns why it is not one, or null. Whether it may be an area is Core's call (<see cref="AreaGeometry"/>).</summary>
    public static string? Read(JsonElement json, out Geometry? geometry)
    {
        geometry = null;
        if (json.ValueKind != JsonValueKind.Object)
        {
            return "a GeoJSON Polygon or MultiPolygon object is required";
        }

        try
        {
            geometry = json.Deserialize<Geometry>(Options);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            return $"the area is not valid GeoJSON: {exception.Message}";
        }

        return geometry is null ? "the area is not valid GeoJSON: no geometry" : null;
    }

    public static JsonElement Write(Geometry geometry) => JsonSerializer.SerializeToElement(geometry, Options);
}

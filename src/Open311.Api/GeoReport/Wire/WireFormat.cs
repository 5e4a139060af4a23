namespace Open311.Api.GeoReport.Wire;

/// <summary>The two formats of every GeoReport endpoint, chosen by the path suffix.</summary>
public enum WireFormat
{
    Xml,
    Json,
}

public static class WireFormats
{
    public static WireFormat? Parse(string? suffix) => suffix?.ToLowerInvariant() switch
    {
        "xml" => WireFormat.Xml,
        "json" => WireFormat.Json,
        _ => null,
    };

    public static string ContentType(this WireFormat format) =>
        format == WireFormat.Xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";
}

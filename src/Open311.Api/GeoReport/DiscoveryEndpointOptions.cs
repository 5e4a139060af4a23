namespace Open311.Api.GeoReport;

/// <summary>Another endpoint of the same municipality, as discovery lists it.</summary>
public sealed class DiscoveryEndpointOptions
{
    public string Url { get; set; } = "";

    /// <summary><c>production</c> or <c>test</c>.</summary>
    public string Type { get; set; } = "production";
}

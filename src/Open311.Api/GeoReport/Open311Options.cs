namespace Open311.Api.GeoReport;

/// <summary>The service's settings, section <c>Open311</c> of the configuration.</summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>Used when a call names no <c>jurisdiction_id</c>. Unset: required unless the server holds only one.</summary>
    public string? DefaultJurisdiction { get; set; }

    /// <summary>The public address of the API base, e.g. <c>https://open311.heraklion.gr/open311/v2</c>. Unset: taken from each call's Host, which <c>AllowedHosts</c> must then restrict; required in Production.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Discovery's <c>type</c> for this endpoint: <c>production</c> or <c>test</c>.</summary>
    public string EndpointType { get; set; } = "production";

    /// <summary>The municipality's other Open311 endpoints (e.g. production beside this test server), listed in discovery.</summary>
    public List<DiscoveryEndpointOptions> OtherEndpoints { get; set; } = [];

    /// <summary>The largest photo accepted, in bytes.</summary>
    public int MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>GET requests: the page size when none is asked for, and the most that may be asked.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>GET requests: the default and longest date window.</summary>
    public int MaxWindowDays { get; set; } = 90;

    /// <summary>GET requests: the largest radius a spatial search may use.</summary>
    public double MaxRadiusMetres { get; set; } = 50_000;

    /// <summary>
    /// GET requests: how long after the newest change a list answers without an ETag. Longer than any change's
    /// transaction and the instances' clock differences, so that a change stamped earlier but committed later cannot hide behind a tag.
    /// </summary>
    public TimeSpan ListTagSettle { get; set; } = TimeSpan.FromSeconds(5);
}

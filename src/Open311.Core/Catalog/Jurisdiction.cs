namespace Open311.Core.Catalog;

/// <summary>A municipality served by this deployment, named by its web domain (e.g. <c>heraklion.gr</c>).</summary>
public class Jurisdiction
{
    public required string Id { get; set; }
    public required LocalizedText Name { get; set; }
    /// <summary>The language used when a client asks for none it serves, and for texts missing in the one asked for; one of <see cref="Languages"/>.</summary>
    public string DefaultLocale { get; set; } = "el";
    /// <summary>The languages its texts are kept and served in (ISO 639 codes, e.g. <c>el</c>, <c>en</c>, <c>de</c>).</summary>
    public List<string> Languages { get; set; } = ["el", "en"];
    /// <summary>IANA zone in which datetimes are shown, e.g. <c>Europe/Athens</c>.</summary>
    public string TimeZone { get; set; } = "Europe/Athens";
    public string? ContactInfo { get; set; }
    /// <summary>Where client developers ask for an API key (Open311 discovery <c>key_service</c>).</summary>
    public string? KeyService { get; set; }
    /// <summary>Months a closed request keeps its requester's contact data before the retention job anonymises it.</summary>
    public int ContactRetentionMonths { get; set; } = DefaultContactRetentionMonths;
    /// <summary>What happens when a request's last work order is done: offered to close (the default), or closed.</summary>
    public WorkOrders.WorkOrderCompletion WorkOrderCompletion { get; set; } = WorkOrders.WorkOrderCompletion.Offer;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The box intake accepts points in (degrees, WGS 84): generous around the municipality, so a
    /// point far away (lat=0 long=0) is refused while one at the edge is not. All null: no check.
    /// </summary>
    public double? AreaSouth { get; set; }
    public double? AreaWest { get; set; }
    public double? AreaNorth { get; set; }
    public double? AreaEast { get; set; }

    public bool Covers(double lat, double @long) =>
        AreaSouth is not { } south || AreaWest is not { } west || AreaNorth is not { } north || AreaEast is not { } east
        || (lat >= south && lat <= north && @long >= west && @long <= east);

    public const int DefaultContactRetentionMonths = 12;
    public const int MaxContactRetentionMonths = 120;
}

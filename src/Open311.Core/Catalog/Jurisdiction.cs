namespace Open311.Core.Catalog;

/// <summary>A municipality served by this deployment, named by its web domain (e.g. <c>heraklion.gr</c>).</summary>
public class Jurisdiction
{
    public required string Id { get; set; }
    public required LocalizedText Name { get; set; }
    /// <summary>The language used when a client asks for none: <c>el</c> or <c>en</c>.</summary>
    public string DefaultLocale { get; set; } = "el";
    /// <summary>IANA zone in which datetimes are shown, e.g. <c>Europe/Athens</c>.</summary>
    public string TimeZone { get; set; } = "Europe/Athens";
    public string? ContactInfo { get; set; }
    /// <summary>Where client developers ask for an API key (Open311 discovery <c>key_service</c>).</summary>
    public string? KeyService { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

namespace Open311.Api.GeoReport;

/// <summary>What every GeoReport call may say, read by <see cref="GeoReportCallMiddleware"/> before the handler runs.</summary>
public sealed record CallParameters
{
    [Wire("jurisdiction_id", "The municipality, by web domain (e.g. heraklion.gr). Required when the server holds several; 404 when unknown.")]
    public string? JurisdictionId { get; init; }

    [Wire("locale", "Language of names and descriptions, one the jurisdiction enables (el or en in the demo; GET /admin/languages). Otherwise Accept-Language, then the jurisdiction's default.")]
    public string? Locale { get; init; }
}

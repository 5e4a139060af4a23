using System.Reflection;

namespace Open311.Api.GeoReport;

/// <summary>The filters of GET requests, as sent; <see cref="RequestListQuery"/> checks them.</summary>
public sealed record RequestSearchParameters : IBindableFromHttpContext<RequestSearchParameters>
{
    [Wire("service_request_id", "Comma-separated ids, at most {MaxIds}. When given, every other filter is ignored.")]
    public string? ServiceRequestId { get; init; }

    [Wire("protocol_number", "Extension: the protocol number a caller was given (e.g. 2026/004217). Like service_request_id, it overrides the other filters.")]
    public string? ProtocolNumber { get; init; }

    [Wire("service_code", "Comma-separated service codes.")]
    public string? ServiceCode { get; init; }

    [Wire("start_date", "Earliest requested_datetime (ISO 8601 with offset). With end_date, at most {MaxWindowDays} days apart.", Type = WireType.DateTime)]
    public string? StartDate { get; init; }

    [Wire("end_date", "Latest requested_datetime (ISO 8601 with offset).", Type = WireType.DateTime)]
    public string? EndDate { get; init; }

    [Wire("status", "open, closed, or open,closed.")]
    public string? Status { get; init; }

    [Wire("page", "Extension: 1-based page number, at most {MaxPage}. Link headers point to the next and previous pages.", Type = WireType.Integer)]
    public string? Page { get; init; }

    [Wire("page_size", "Extension: results per page, 1 to {MaxPageSize} (default {MaxPageSize}).", Type = WireType.Integer)]
    public string? PageSize { get; init; }

    [Wire("lat", "Extension: with long, requests within radius of this point.", Type = WireType.Number)]
    public string? Lat { get; init; }

    [Wire("long", "Extension: with lat.", Type = WireType.Number)]
    public string? Long { get; init; }

    [Wire("radius", "Extension: metres around lat/long (default {DefaultRadiusMetres}, at most {MaxRadiusMetres}).", Type = WireType.Number)]
    public string? Radius { get; init; }

    [Wire("bbox", "Extension: left,bottom,right,top in WGS84 degrees. Not with lat/long.")]
    public string? Bbox { get; init; }

    [Wire("q", "Extension: search the description, address, public notes and protocol number; accents, case and inflection ignored, parts of words and small typos found, Greeklish (lampa) read as Greek. Best matches first.")]
    public string? Q { get; init; }

    [Wire("updated_after", "Extension: only requests changed after this time (ISO 8601 with offset). Without start_date/end_date, no {MaxWindowDays}-day window applies.", Type = WireType.DateTime)]
    public string? UpdatedAfter { get; init; }

    [Wire("updated_before", "Extension: only requests changed before this time.", Type = WireType.DateTime)]
    public string? UpdatedBefore { get; init; }

    public static ValueTask<RequestSearchParameters?> BindAsync(HttpContext context, ParameterInfo parameter) => WireBinding.BindAsync<RequestSearchParameters>(context);
}

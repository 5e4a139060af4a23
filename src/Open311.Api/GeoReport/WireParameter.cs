namespace Open311.Api.GeoReport;

/// <summary>A parameter a GeoReport handler reads by hand, declared on its endpoint so the OpenAPI document lists it.</summary>
public sealed record WireParameter(string Name, string Description, string Type = "string", bool Required = false, bool InForm = false);

/// <summary>The kinds of document a GeoReport endpoint answers with.</summary>
public enum WireResponse
{
    Discovery,
    Services,
    ServiceDefinition,
    Receipt,
    Token,
    /// <summary>GET requests: a page, with paging headers.</summary>
    Requests,
    /// <summary>GET requests/{id}: the same document, one request, no paging.</summary>
    OneRequest,
}

/// <summary>An endpoint's parameters and document kind, as endpoint metadata; it also marks the endpoint as a GeoReport call.</summary>
public sealed record WireParameters(WireResponse Response, IReadOnlyList<WireParameter> All);

public static class WireParameterExtensions
{
    /// <summary>Every GeoReport call takes these two.</summary>
    public static readonly WireParameter[] Common =
    [
        new("jurisdiction_id", "The municipality, by web domain (e.g. heraklion.gr). Required when the server holds several; 404 when unknown."),
        new("locale", "Language of names and descriptions, one the jurisdiction enables (el or en in the demo; GET /admin/languages). Otherwise Accept-Language, then the jurisdiction's default."),
    ];

    public static RouteHandlerBuilder WithWireParameters(this RouteHandlerBuilder endpoint, WireResponse response, params WireParameter[] parameters) =>
        endpoint.WithMetadata(new WireParameters(response, [.. Common, .. parameters]));
}

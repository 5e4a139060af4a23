namespace Open311.Api.GeoReport;

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
    /// <summary>GET servicerequestupdates: a page of public history events, with paging headers.</summary>
    Updates,
    /// <summary>POST servicerequestupdates: the update's id.</summary>
    UpdateReceipt,
    /// <summary>POST requests/{id}/followers: "me too", the request followed.</summary>
    Following,
}

/// <summary>Marks an endpoint as a GeoReport call, answering in the format of its suffix with this kind of document.</summary>
public sealed record GeoReportEndpoint(WireResponse Response);

public static class GeoReportEndpointExtensions
{
    public static RouteHandlerBuilder ProducesWire(this RouteHandlerBuilder endpoint, WireResponse response) =>
        endpoint.WithMetadata(new GeoReportEndpoint(response));
}

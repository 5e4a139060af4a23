using Microsoft.Extensions.Options;
using Open311.Api.GeoReport.Wire;
using Open311.Core;

namespace Open311.Api.GeoReport;

/// <summary>GeoReport v2 service discovery: where the API lives and what it speaks.</summary>
public static class DiscoveryEndpoint
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>mySociety's request updates extension (servicerequestupdates), which this endpoint also speaks.</summary>
    public const string UpdatesSpecification = "http://wiki.open311.org/GeoReport_v2/Servicerequestupdates";

    // Endpoints change only with a deployment, so the process start is an honest changeset.
    private static readonly DateTimeOffset Changeset = new(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime());

    public static RouteHandlerBuilder MapDiscovery(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/discovery.{format}", GetDiscovery)
            .WithSummary("Service discovery")
            .WithDescription("Where the GeoReport v2 endpoint lives, its formats, and whom to ask for an API key; the endpoint is listed a second time under the servicerequestupdates specification.")
            .ProducesWire(WireResponse.Discovery);

    public static WireResult GetDiscovery(GeoReportCall call, HttpRequest request, PublicUrls urls, IOptions<Open311Options> options)
    {
        var jurisdiction = call.Jurisdiction.Jurisdiction;
        var changeset = Iso8601.Format(Changeset, call.Zone);
        return new WireResult(call.Format, writer =>
        {
            writer.StartObject("discovery");
            writer.String("changeset", changeset);
            writer.String("contact", jurisdiction.ContactInfo);
            writer.String("key_service", jurisdiction.KeyService);
            writer.StartNestedList("endpoints");
            WriteEndpoint(writer, Specification, urls.ApiBase(request), options.Value.EndpointType, changeset);
            // The same base once more under the updates extension's specification, so a client looking for it finds it here.
            WriteEndpoint(writer, UpdatesSpecification, urls.ApiBase(request), options.Value.EndpointType, changeset);
            foreach (var other in options.Value.OtherEndpoints)
            {
                WriteEndpoint(writer, Specification, other.Url.TrimEnd('/'), other.Type, changeset);
            }

            writer.EndNestedList();
            writer.EndDocument();
        });
    }

    private static void WriteEndpoint(IWireWriter writer, string specification, string url, string type, string changeset)
    {
        writer.StartItem("endpoint");
        writer.String("specification", specification);
        writer.String("url", url);
        writer.String("changeset", changeset);
        writer.String("type", type);
        writer.StartNestedList("formats");
        writer.ListValue("format", WireFormat.Xml.ContentType().Split(';')[0]);
        writer.ListValue("format", WireFormat.Json.ContentType().Split(';')[0]);
        writer.EndNestedList();
        writer.EndItem();
    }
}

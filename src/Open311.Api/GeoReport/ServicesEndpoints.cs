using System.ComponentModel;
using Open311.Api.GeoReport.Wire;
using Open311.Core;
using Open311.Core.Catalog;

namespace Open311.Api.GeoReport;

/// <summary>GET services and GET services/{code}: the catalogue and each service's definition, rendered once per catalogue snapshot (<see cref="ConditionalGetCatalog"/>).</summary>
public static class ServicesEndpoints
{
    public static void MapServices(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/services.{format}", GetServices)
            .WithName("GetServices")
            .WithSummary("Service list")
            .WithDescription("The request types citizens can submit, in the jurisdiction's or the asked language.")
            .ProducesWire(WireResponse.Services);
        routes.MapGet("/services/{service_code}.{format}", GetServiceDefinition)
            .WithName("GetServiceDefinition")
            .WithSummary("Service definition")
            .WithDescription("The extra questions (attributes) of a service whose metadata is true.")
            .ProducesWire(WireResponse.ServiceDefinition);
    }

    public static async Task<IResult> GetServices(GeoReportCall call, CatalogCache catalog, ConditionalGetCatalog rendered, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var snapshot = await catalog.ForAsync(call.JurisdictionId, cancellationToken);
        return rendered.For(snapshot, new(null, call.Format, call.Language), WriteServices).To(request);
    }

    public static async Task<IResult> GetServiceDefinition(
        GeoReportCall call, [Description("The service, from GET services.")] string service_code, CatalogCache catalog, ConditionalGetCatalog rendered,
        HttpRequest request, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.ForAsync(call.JurisdictionId, cancellationToken);
        if (snapshot.Find(service_code, includePrivate: false) is not { } service)
        {
            return Open311Errors.NotFound(call.Format, $"service_code {service_code} not found");
        }

        return rendered.For(snapshot, new(service.Code, call.Format, call.Language), WriteDefinition).To(request);
    }

    private static void WriteServices(IWireWriter writer, CatalogSnapshot snapshot, ConditionalGetCatalog.Key key)
    {
        var language = key.Language;
        writer.StartList("services");
        foreach (var service in snapshot.PublicServices)
        {
            writer.StartItem("service");
            writer.String("service_code", service.Code);
            writer.String("service_name", service.Name.In(language));
            writer.String("description", service.Description.In(language));
            writer.Boolean("metadata", service.Attributes.Count > 0);
            writer.String("type", service.Type.ToOpen311());
            writer.String("keywords", service.Keywords);
            writer.String("group", service.Group.In(language));
            writer.EndItem();
        }

        writer.EndDocument();
    }

    private static void WriteDefinition(IWireWriter writer, CatalogSnapshot snapshot, ConditionalGetCatalog.Key key)
    {
        var (service, language) = (snapshot.Find(key.ServiceCode!, includePrivate: false)!, key.Language);
        writer.StartObject("service_definition");
        writer.String("service_code", service.Code);
        writer.StartNestedList("attributes");
        foreach (var attribute in service.Attributes)
        {
            writer.StartItem("attribute");
            writer.Boolean("variable", attribute.Variable);
            writer.String("code", attribute.Code);
            writer.String("datatype", attribute.Datatype.ToOpen311());
            writer.Boolean("required", attribute.Required);
            writer.String("datatype_description", attribute.DatatypeDescription.In(language));
            writer.Integer("order", attribute.Order);
            writer.String("description", attribute.Description.In(language));
            writer.StartNestedList("values");
            foreach (var value in attribute.Values)
            {
                writer.StartItem("value");
                writer.String("key", value.Key);
                writer.String("name", value.Name.In(language));
                writer.EndItem();
            }

            writer.EndNestedList();
            writer.EndItem();
        }

        writer.EndNestedList();
        writer.EndDocument();
    }
}

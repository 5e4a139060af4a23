using System.ComponentModel;
using Open311.Api.GeoReport.Wire;
using Open311.Core;
using Open311.Core.Catalog;

namespace Open311.Api.GeoReport;

/// <summary>GET services and GET services/{code}: the catalogue and each service's definition.</summary>
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

    public static async Task<WireResult> GetServices(GeoReportCall call, CatalogCache catalog, CancellationToken cancellationToken)
    {
        var services = (await catalog.ForAsync(call.JurisdictionId, cancellationToken)).PublicServices;
        return new WireResult(call.Format, writer =>
        {
            writer.StartList("services");
            foreach (var service in services)
            {
                writer.StartItem("service");
                writer.String("service_code", service.Code);
                writer.String("service_name", service.Name.In(call.Language));
                writer.String("description", service.Description.In(call.Language));
                writer.Boolean("metadata", service.Attributes.Count > 0);
                writer.String("type", service.Type.ToOpen311());
                writer.String("keywords", service.Keywords);
                writer.String("group", service.Group.In(call.Language));
                writer.EndItem();
            }

            writer.EndDocument();
        });
    }

    public static async Task<WireResult> GetServiceDefinition(
        GeoReportCall call, [Description("The service, from GET services.")] string service_code, CatalogCache catalog, CancellationToken cancellationToken)
    {
        var service = (await catalog.ForAsync(call.JurisdictionId, cancellationToken)).Find(service_code, includePrivate: false);
        if (service is null)
        {
            return Open311Errors.NotFound(call.Format, $"service_code {service_code} not found");
        }

        return new WireResult(call.Format, writer =>
        {
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
                writer.String("datatype_description", attribute.DatatypeDescription.In(call.Language));
                writer.Integer("order", attribute.Order);
                writer.String("description", attribute.Description.In(call.Language));
                writer.StartNestedList("values");
                foreach (var value in attribute.Values)
                {
                    writer.StartItem("value");
                    writer.String("key", value.Key);
                    writer.String("name", value.Name.In(call.Language));
                    writer.EndItem();
                }

                writer.EndNestedList();
                writer.EndItem();
            }

            writer.EndNestedList();
            writer.EndDocument();
        });
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Open311.Api.GeoReport;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Open311.Api.Hosting;

/// <summary>Says for each operation what it needs: a client app's API key (Open311 POST), a staff bearer token (admin), or nothing.</summary>
public sealed class SecurityRequirementsFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var scheme = context.ApiDescription.HttpMethod == "POST" && metadata.OfType<GeoReportEndpoint>().Any() ? ApiDocumentation.ApiKeyScheme
            : metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any() ? ApiDocumentation.BearerScheme
            : null;
        operation.Security = scheme is null
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
    }
}

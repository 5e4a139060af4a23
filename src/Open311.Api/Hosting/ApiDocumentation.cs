using Microsoft.OpenApi;

using Open311.Api.GeoReport;

using Open311.Api.Admin;

namespace Open311.Api.Hosting;

/// <summary>Swagger UI and the generated OpenAPI document; <c>openapi.yaml</c> at the repository root is its committed copy.</summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";
    private const string PathPrefix = "/swagger";
    public const string ApiKeyScheme = "apiKey";
    public const string BearerScheme = "bearer";

    public static void AddApiDocumentation(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Open311 municipal request service",
                Version = "1.0",
                Description = "Open311 GeoReport v2 (XML and JSON) for civic apps, with the extensions described in spec/; " +
                    "and the admin API (JSON, ProblemDetails, bearer tokens) for the municipality's staff.",
                // The European Union's licence for public-sector software, compatible with the GPL family.
                License = new OpenApiLicense { Name = "EUPL-1.2", Url = new Uri("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12") },
            });
            swagger.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = GeoReport.ClientPost.ApiKeyHeader,
                Description = "A client app's key, issued by the municipality. The api_key form field works too.",
            });
            swagger.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A staff token from POST /admin/auth/token or the municipality's identity provider.",
            });
            swagger.OperationFilter<SecurityRequirementsFilter>();
            swagger.AddServer(new OpenApiServer { Url = "/", Description = "This server" });
            swagger.DocumentFilter<TagDescriptions>();
            // A string the code never leaves null is documented as never null, so generated clients need no null checks for it.
            swagger.SupportNonNullableReferenceTypes();
            // Input records are nested in their endpoint class, and two areas may both have a TransitionInput.
            swagger.CustomSchemaIds(type => type.DeclaringType is { } area ? area.Name.Replace("Endpoints", "", StringComparison.Ordinal) + type.Name : type.Name);
            swagger.OperationFilter<Open311ParametersFilter>();
            swagger.OperationFilter<AdminErrorResponsesFilter>();
            swagger.OperationFilter<IdempotencyKeyFilter>();
            swagger.ParameterFilter<ParameterDescriptionsFilter>();
        });
    }

    public static void UseApiDocumentation(this WebApplication app)
    {
        var options = app.Configuration.GetSection(ApiDocumentationOptions.Section).Get<ApiDocumentationOptions>() ?? new();
        if (!options.Served(app.Environment))
        {
            return;
        }

        // Only under /swagger: elsewhere the two middlewares would match every call's path for nothing.
        app.UseWhen(http => http.Request.Path.StartsWithSegments(PathPrefix), swagger =>
        {
            swagger.UseSwagger();
            swagger.UseSwaggerUI(ui => ui.SwaggerEndpoint($"{PathPrefix}/{DocumentName}/swagger.json", "Open311"));
        });
    }
}

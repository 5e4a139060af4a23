using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Open311.Api.GeoReport;
using Open311.Api.GeoReport.Wire;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Open311.Api.Hosting;

/// <summary>
/// Documents what the GeoReport handlers read by hand (query and form fields, including
/// <c>attribute[CODE]</c>) and what they answer: XML or JSON by suffix, and Open311 error arrays.
/// </summary>
public sealed class Open311ParametersFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var declared = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<WireParameters>().FirstOrDefault();
        if (declared is null)
        {
            return;
        }

        operation.Parameters ??= [];
        // Handlers never bind {format} (the middleware reads it), so the generator cannot see it.
        if (context.ApiDescription.RelativePath?.Contains("{format}", StringComparison.Ordinal) == true)
        {
            operation.Parameters.Insert(0, new OpenApiParameter
            {
                Name = "format",
                In = ParameterLocation.Path,
                Required = true,
                Description = "xml or json: the format of the answer, errors included.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("xml"), JsonValue.Create("json")] },
            });
        }

        foreach (var parameter in declared.All.Where(p => !p.InForm))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Description = parameter.Description,
                Required = parameter.Required,
                Schema = Schema(parameter.Type),
            });
        }

        var form = declared.All.Where(p => p.InForm).ToList();
        if (form.Count > 0)
        {
            operation.RequestBody = FormBody(form);
        }

        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "The document, in the format of the suffix (XML or JSON, the same fields).",
            Content = WireContent(Open311Schemas.For(declared.Response, context.SchemaRepository)),
            Headers = declared.Response == WireResponse.Requests ? PagingHeaders : null,
        };
        var errors = Open311Schemas.Errors(context.SchemaRepository);
        var failures = new List<(string Code, string Meaning)> { ("400", "Bad input"), ("404", "Unknown service, request, token, jurisdiction or format") };
        if (form.Count > 0)
        {
            failures.Add(("403", "Missing or wrong api_key, or a key of another jurisdiction"));
            failures.Add(("429", "More submissions a minute than the client app's rate limit (see Retry-After)"));
        }

        foreach (var (code, meaning) in failures)
        {
            operation.Responses[code] = new OpenApiResponse { Description = $"{meaning}: an Open311 error array.", Content = WireContent(errors) };
        }
    }

    private static readonly Dictionary<string, IOpenApiHeader> PagingHeaders = new()
    {
        [Paging.ResultCountHeader] = new OpenApiHeader { Description = "How many requests this page holds.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
        [Paging.PageHeader] = new OpenApiHeader { Description = "This page's number.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
        ["Link"] = new OpenApiHeader { Description = "RFC 8288 links to the next and previous pages (rel=\"next\", rel=\"prev\").", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
    };

    private static Dictionary<string, IOpenApiMediaType> WireContent(IOpenApiSchema schema) => new()
    {
        [WireFormat.Xml.ContentType().Split(';')[0]] = new OpenApiMediaType { Schema = schema },
        [WireFormat.Json.ContentType().Split(';')[0]] = new OpenApiMediaType { Schema = schema },
    };

    private static OpenApiRequestBody FormBody(List<WireParameter> fields)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)Describe(Schema(f.Type), f.Description)),
            Required = fields.Where(f => f.Required).Select(f => f.Name).ToHashSet(),
        };
        return new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/x-www-form-urlencoded"] = new OpenApiMediaType { Schema = schema },
                ["multipart/form-data"] = new OpenApiMediaType { Schema = schema },
            },
        };
    }

    private static OpenApiSchema Schema(string type) => type switch
    {
        "number" => new OpenApiSchema { Type = JsonSchemaType.Number },
        "integer" => new OpenApiSchema { Type = JsonSchemaType.Integer },
        "datetime" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        "binary" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
        _ => new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiSchema Describe(OpenApiSchema schema, string description)
    {
        schema.Description = description;
        return schema;
    }
}

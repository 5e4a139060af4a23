using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Open311.Api.Hosting;
using Open311.Api.GeoReport.Wire;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Open311.Api.GeoReport;

/// <summary>
/// Documents GeoReport calls from their parameters records (<see cref="WireAttribute"/>): the
/// parameters every call takes, then the handler's own, as query parameters or, for POST, form
/// fields; and what they answer: XML or JSON by suffix, and Open311 error arrays.
/// </summary>
public sealed class Open311ParametersFilter(IOptions<Open311Options> options) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var endpoint = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<GeoReportEndpoint>().FirstOrDefault();
        if (endpoint is null)
        {
            return;
        }

        operation.Description = DocumentedLimits.Fill(operation.Description, options.Value);
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

        var own = context.MethodInfo.GetParameters().Select(p => p.ParameterType).Where(WireBinding.IsParameters).SelectMany(WireBinding.Declared).ToList();
        var inForm = HttpMethods.IsPost(context.ApiDescription.HttpMethod ?? "");
        foreach (var parameter in WireBinding.Declared(typeof(CallParameters)).Concat(inForm ? [] : own))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Description = DocumentedLimits.Fill(parameter.Description, options.Value),
                Required = parameter.Required,
                Schema = Schema(parameter.Type),
            });
        }

        if (inForm)
        {
            operation.RequestBody = FormBody(own);
        }

        var conditional = ConditionalGet.Answers(endpoint.Response);
        if (conditional)
        {
            operation.Parameters.Add(Header(HeaderNames.IfNoneMatch, "The ETag of the copy the client holds (or several, comma-separated): 304 when it is still current."));
            operation.Parameters.Add(Header(HeaderNames.IfModifiedSince,
                "An HTTP date: 304 when nothing changed since (ignored when If-None-Match is given; lists have no Last-Modified)."));
        }

        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "The document, in the format of the suffix (XML or JSON, the same fields).",
            Content = WireContent(Open311Schemas.For(endpoint.Response, context.SchemaRepository)),
            Headers = HeadersOf(endpoint.Response),
        };
        if (conditional)
        {
            operation.Responses["304"] = new OpenApiResponse
            {
                Description = "Not modified: the client's copy (If-None-Match, else If-Modified-Since) is current. No body; the validators the 200 would carry.",
                Headers = ValidatorHeaders(endpoint.Response),
            };
        }
        var errors = Open311Schemas.Errors(context.SchemaRepository);
        var failures = new List<(string Code, string Meaning)> { ("400", "Bad input"), ("404", "Unknown service, request, token, jurisdiction or format") };
        if (inForm)
        {
            failures.Add(("403", "Missing or wrong api_key, or a key of another jurisdiction"));
            failures.Add(("429", "More submissions a minute than the client app's rate limit (see Retry-After)"));
        }

        foreach (var (code, meaning) in failures)
        {
            operation.Responses[code] = new OpenApiResponse { Description = $"{meaning}: an Open311 error array.", Content = WireContent(errors) };
        }
    }

    private static Dictionary<string, IOpenApiHeader>? HeadersOf(WireResponse response)
    {
        var paged = response is WireResponse.Requests or WireResponse.Updates;
        if (!ConditionalGet.Answers(response))
        {
            return paged ? PagingHeaders : null;
        }

        var headers = ValidatorHeaders(response);
        foreach (var (name, header) in paged ? PagingHeaders : [])
        {
            headers[name] = header;
        }

        return headers;
    }

    private static Dictionary<string, IOpenApiHeader> ValidatorHeaders(WireResponse response)
    {
        var headers = new Dictionary<string, IOpenApiHeader>
        {
            [HeaderNames.ETag] = StringHeader(response is WireResponse.Services or WireResponse.ServiceDefinition
                ? "Strong: a hash of the answer's bytes."
                : "Weak and opaque: changes whenever anything the answer shows may have changed. Lists answer without one for a few seconds after any change."),
            [HeaderNames.CacheControl] = StringHeader($"{ConditionalGet.PublicCacheControl}: any cache may keep it, revalidating before each use."),
            [HeaderNames.Vary] = StringHeader("Accept-Language."),
        };
        if (response is not WireResponse.Requests)
        {
            headers[HeaderNames.LastModified] = StringHeader(response is WireResponse.OneRequest
                ? "The later of the request's last public change and the catalogue's last change."
                : "The catalogue's last change.");
        }

        return headers;
    }

    private static OpenApiHeader StringHeader(string description) => new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    private static OpenApiParameter Header(string name, string description) =>
        new() { Name = name, In = ParameterLocation.Header, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    private static readonly Dictionary<string, IOpenApiHeader> PagingHeaders = new()
    {
        [Paging.ResultCountHeader] = new OpenApiHeader { Description = "How many requests (or updates) this page holds.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
        [Paging.PageHeader] = new OpenApiHeader { Description = "This page's number.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
        ["Link"] = new OpenApiHeader { Description = "RFC 8288 links to the next and previous pages (rel=\"next\", rel=\"prev\").", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
    };

    private static Dictionary<string, IOpenApiMediaType> WireContent(IOpenApiSchema schema) => new()
    {
        [WireFormat.Xml.ContentType().Split(';')[0]] = new OpenApiMediaType { Schema = schema },
        [WireFormat.Json.ContentType().Split(';')[0]] = new OpenApiMediaType { Schema = schema },
    };

    private OpenApiRequestBody FormBody(List<WireAttribute> fields)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)Describe(Schema(f.Type), DocumentedLimits.Fill(f.Description, options.Value)!)),
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

    private static OpenApiSchema Schema(WireType type) => type switch
    {
        WireType.Number => new OpenApiSchema { Type = JsonSchemaType.Number },
        WireType.Integer => new OpenApiSchema { Type = JsonSchemaType.Integer },
        WireType.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        WireType.DateTime => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        WireType.Binary => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
        _ => new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiSchema Describe(OpenApiSchema schema, string description)
    {
        schema.Description = description;
        return schema;
    }
}

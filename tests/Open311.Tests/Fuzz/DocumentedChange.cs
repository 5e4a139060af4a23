using System.Text.Json.Nodes;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Fuzz;

/// <summary>A body member as openapi.yaml types it: string, integer, number, boolean, array or object.</summary>
public sealed record BodyField(string Name, string Type);

/// <summary>
/// One change (POST, PUT, PATCH or DELETE) of the admin API or the SMS callback, the two that answer in ProblemDetails,
/// as openapi.yaml documents it: its path template, the typed members
/// of its JSON body (none when it takes no JSON) and whether it accepts an <c>Idempotency-Key</c>.
/// </summary>
public sealed record DocumentedChange(string Method, string Template, bool TakesJson, IReadOnlyList<BodyField> Fields, bool TakesIdempotencyKey)
{
    public bool HasRouteValues => Template.Contains('{', StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Template}";

    /// <summary>Every such change the committed openapi.yaml documents, so a new endpoint is fuzzed without a word here.</summary>
    public static IReadOnlyList<DocumentedChange> Documented()
    {
        var document = YamlJson.Parse(File.ReadAllText(Path.Combine(PostgresServer.RepositoryRoot(), "openapi.yaml")))!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        return
        [
            .. from path in document["paths"]!.AsObject()
               where path.Key.StartsWith("/admin/", StringComparison.Ordinal) || path.Key.StartsWith("/sms/", StringComparison.Ordinal)
               from operation in path.Value!.AsObject()
               where operation.Key is "post" or "put" or "patch" or "delete"
               let json = operation.Value!["requestBody"]?["content"]?["application/json"]?["schema"]
               let parameters = operation.Value!["parameters"]?.AsArray() ?? []
               select new DocumentedChange(operation.Key.ToUpperInvariant(), path.Key, json is not null,
                   json is null ? [] : FieldsOf(Resolve(json, schemas), schemas),
                   parameters.Any(p => p!["in"]?.GetValue<string>() == "header" && p["name"]?.GetValue<string>() == "Idempotency-Key")),
        ];
    }

    /// <summary>The members whose JSON kind is fixed; a member that takes any JSON (<c>{}</c>) cannot be given a wrong one.</summary>
    private static List<BodyField> FieldsOf(JsonNode schema, JsonObject schemas) =>
    [
        .. from property in schema["properties"]?.AsObject() ?? []
           let type = Resolve(property.Value!, schemas)["type"]?.GetValue<string>()
           where type is not null
           select new BodyField(property.Key, type),
    ];

    private static JsonNode Resolve(JsonNode schema, JsonObject schemas) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? schemas[reference.Split('/')[^1]]! : schema;
}

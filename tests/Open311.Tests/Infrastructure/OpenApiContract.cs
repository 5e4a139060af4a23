using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Open311.Tests.Infrastructure;

/// <summary>
/// The committed openapi.yaml as a checker of real answers: finds the operation a call went to,
/// takes the schema documented for its status and content type, and validates the body against it.
/// Remembers what it checked, so a test can show that every documented operation was tried.
/// </summary>
public sealed class OpenApiContract
{
    private const string ComponentsPrefix = "#/components/schemas/";
    private const string DefsPrefix = "#/$defs/";

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    private readonly JsonObject paths;
    private readonly JsonObject definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new();
    private readonly ConcurrentBag<(string Method, string Template, int Status)> checkedCalls = [];

    private OpenApiContract(JsonObject document)
    {
        paths = document["paths"]!.AsObject();
        definitions = new JsonObject(document["components"]!["schemas"]!.AsObject().Select(d => KeyValuePair.Create(d.Key, ToJsonSchema(d.Value))));
    }

    public static OpenApiContract Committed() =>
        new(YamlJson.Parse(File.ReadAllText(Path.Combine(PostgresServer.RepositoryRoot(), "openapi.yaml")))!.AsObject());

    /// <summary>Asserts that the answer is one openapi.yaml documents, and returns its JSON body (default when it has none).</summary>
    public async Task<JsonElement> CheckAsync(HttpResponseMessage response)
    {
        var method = response.RequestMessage!.Method.Method.ToLowerInvariant();
        var path = response.RequestMessage.RequestUri!.AbsolutePath;
        var template = TemplateOf(path, method);
        var status = (int)response.StatusCode;
        var call = $"{method.ToUpperInvariant()} {path} → {status}";
        var documented = paths[template]![method]!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Assert.True(documented is not null, $"{call}: openapi.yaml documents no {status} for {method.ToUpperInvariant()} {template}");
        checkedCalls.Add((method, template, status));

        var eventStream = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
        var text = eventStream ? await FirstEventDataAsync(response) : await response.Content.ReadAsStringAsync();
        var content = documented!["content"]?.AsObject();
        if (content is null)
        {
            Assert.True(text.Length == 0, $"{call}: openapi.yaml documents no body, the service sent {text}");
            return default;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "(none)";
        Assert.True(content.ContainsKey(mediaType), $"{call}: answered {mediaType}, openapi.yaml documents {string.Join(", ", content.Select(c => c.Key))}");
        if (!IsJson(response.Content.Headers.ContentType) && !eventStream)
        {
            return default;
        }

        var body = JsonDocument.Parse(text).RootElement.Clone();
        var schema = schemas.GetOrAdd($"{method} {template} {status} {mediaType}", key => Build(key, content[mediaType]!["schema"]!));
        var result = schema.Evaluate(body, Evaluation);
        if (!result.IsValid)
        {
            var first = Mismatches(result).OrderByDescending(m => m.InstanceLocation.ToString().Count(c => c == '/')).First();
            var why = first.Errors is { } errors ? string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")) : "invalid";
            Assert.Fail($"{call}: the body does not match openapi.yaml at {first.InstanceLocation} (schema {first.EvaluationPath}): {why}\n{text}");
        }

        return body;
    }

    /// <summary>
    /// The innermost failures under failed nodes only: a passing "or null" branch holds failures of
    /// the branch not taken, which say nothing. The deepest of them is the first real mismatch.
    /// </summary>
    private static IEnumerable<EvaluationResults> Mismatches(EvaluationResults node)
    {
        var deeper = (node.Details ?? []).Where(d => !d.IsValid).SelectMany(Mismatches).ToList();
        return deeper.Count > 0 ? deeper : [node];
    }

    /// <summary>Asserts that every operation under <paramref name="prefix"/> was seen succeeding, and at least one refusing.</summary>
    public void AssertEveryOperationChecked(string prefix)
    {
        var operations = paths.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => (Method: o.Key, Template: p.Key)))
            .ToList();
        var untried = operations.Where(o => !checkedCalls.Any(c => c.Method == o.Method && c.Template == o.Template && c.Status < 300)).ToList();
        Assert.True(untried.Count == 0, "no successful answer checked for: " + string.Join(", ", untried.Select(o => $"{o.Method.ToUpperInvariant()} {o.Template}")));
        Assert.Contains(checkedCalls, c => c.Template.StartsWith(prefix, StringComparison.Ordinal) && c.Status >= 400);
    }

    private string TemplateOf(string path, string method)
    {
        var matches = paths.Where(p => p.Value![method] is not null && Pattern(p.Key).IsMatch(path)).Select(p => p.Key).ToList();
        Assert.True(matches.Count > 0, $"{method.ToUpperInvariant()} {path}: no such operation in openapi.yaml");
        // /admin/requests/{id}/history rather than a template with more placeholders, should two match.
        return matches.OrderBy(t => t.Count(c => c == '{')).First();
    }

    private static Regex Pattern(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant);

    /// <summary>A Server-Sent Events stream never ends by itself: its first event's data is what is checked.</summary>
    private static async Task<string> FirstEventDataAsync(HttpResponseMessage response)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line[6..];
            }
        }

        throw new InvalidOperationException("the event stream ended before its first event");
    }

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is "application/json" || type?.MediaType?.EndsWith("+json", StringComparison.Ordinal) == true;

    private JsonSchema Build(string key, JsonNode openApiSchema)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = definitions.DeepClone(),
            ["allOf"] = new JsonArray(ToJsonSchema(openApiSchema)),
        };
        return JsonSchema.Build(JsonSerializer.SerializeToElement(root), baseUri: new Uri($"https://contract.open311.test/{Uri.EscapeDataString(key)}"));
    }

    /// <summary>
    /// OpenAPI 3.0 schemas into JSON Schema 2020-12: <c>nullable: true</c> becomes "or null", refs
    /// point into <c>$defs</c>, and only the formats JSON Schema defines (date-time) are kept.
    /// </summary>
    private static JsonNode? ToJsonSchema(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return node?.DeepClone();
        }

        var converted = new JsonObject();
        foreach (var (keyword, value) in schema)
        {
            switch (keyword)
            {
                case "nullable" or "example" or "xml":
                    break;
                case "format" when value?.GetValue<string>() is not "date-time":
                    break;
                case "$ref":
                    converted[keyword] = value!.GetValue<string>().Replace(ComponentsPrefix, DefsPrefix, StringComparison.Ordinal);
                    break;
                case "properties" or "$defs" when value is JsonObject map:
                    converted[keyword] = new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, ToJsonSchema(p.Value))));
                    break;
                case "allOf" or "anyOf" or "oneOf" when value is JsonArray list:
                    converted[keyword] = new JsonArray([.. list.Select(ToJsonSchema)]);
                    break;
                case "items" or "additionalProperties" or "not":
                    converted[keyword] = ToJsonSchema(value);
                    break;
                default:
                    converted[keyword] = value?.DeepClone();
                    break;
            }
        }

        return schema["nullable"]?.GetValue<bool>() == true
            ? new JsonObject { ["anyOf"] = new JsonArray(converted, new JsonObject { ["type"] = "null" }) }
            : converted;
    }
}

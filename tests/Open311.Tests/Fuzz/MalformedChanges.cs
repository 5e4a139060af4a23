using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Open311.Tests.Fuzz;

/// <summary>
/// Admin changes made malformed, each in a way no endpoint can take: a body of the wrong JSON kind where a member has a
/// fixed one, a version that is no version, truncated JSON, a NUL, invalid UTF-8, nesting past the reader's depth, a
/// huge string of the wrong kind, a media type or charset that is not UTF-8 JSON, a route value that names no row, an
/// <c>Idempotency-Key</c> that is no key. The rest of the call is real: the path names real rows, and the body mixes
/// the endpoint's own members with junk, so the refusal is the malformation's and not an unknown id's.
/// </summary>
public static class MalformedChanges
{
    private static readonly string[] JsonKeys =
    [
        "service_code", "lat", "long", "description", "name", "code", "username", "password", "role", "department_id", "email",
        "phone", "first_name", "channel", "attributes", "address_string", "display_name", "minutes", "state", "version",
    ];

    private static readonly string[] NotUtf8Json =
        ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "application/jsonx"];

    private static readonly string[] BadCharsets = ["bogus", "utf-7", "UTF-7", "unicode-1-1-utf-7", "x-bogus", "\"bogus\"", ""];

    /// <summary>A <c>uint</c> version that is none: negative, past 2³², a fraction, or not a number.</summary>
    private static readonly string[] BadVersions = ["-1", "4294967296", "1.5", "1e400", "\"abc\"", "\"\"", "{}", "[]", "true"];

    /// <summary>Keys the service refuses; an empty one is not among them, since the client leaves an empty header out.</summary>
    private static readonly string[] BadIdempotencyKeys = ["with space", "tab\tkey", new string('k', 256), "ключ", "\"quoted\" key"];

    /// <summary>A call of <paramref name="change"/> on <paramref name="path"/> (its real rows), malformed; and what was done to it.</summary>
    public static (HttpRequestMessage Request, string Malformation) Make(Random random, DocumentedChange change, string path, string template)
    {
        var kinds = new List<string>();
        if (change.TakesJson)
        {
            kinds.AddRange(["wrong kind", "version", "truncated", "wrong root", "NUL", "invalid UTF-8", "deep", "huge", "media type", "charset"]);
        }

        if (change.HasRouteValues)
        {
            kinds.Add("route");
        }

        if (change.TakesIdempotencyKey)
        {
            kinds.Add("idempotency key");
        }

        var kind = kinds[random.Next(kinds.Count)];
        var request = new HttpRequestMessage(new HttpMethod(change.Method), kind == "route" ? JunkRoute(random, template, path) : path);
        var fields = change.Fields;
        request.Content = kind switch
        {
            "wrong kind" when fields.Count > 0 => Json(Members(random, fields, WrongKind(random, fields[random.Next(fields.Count)], random.Next(3) == 0 ? 200 : 0))),
            "version" when fields.Any(f => f.Name == "version") => Json(Members(random, fields, $"\"version\":{random.Pick(BadVersions)}")),
            "NUL" => Json(Members(random, fields, $"{Key(random, fields)}:\"a\\u0000b\"")),
            "invalid UTF-8" => InvalidUtf8(random, fields),
            "deep" => Json(Members(random, fields, $"{Key(random, fields)}:{Deep(random)}")),
            "huge" when fields.Count > 0 => Json(Members(random, fields, WrongKind(random, fields[random.Next(fields.Count)], random.Next(3) == 0 ? random.Next(100_000, 1_200_000) : random.Next(5_000, 100_000)))),
            "wrong root" => Json(random.Pick(["", "[]", "[{}]", "\"x\"", "5", "true", "null"])),
            "media type" => Labelled(Members(random, fields, null), random.Next(7) == 0 ? null : random.Pick(NotUtf8Json)),
            "charset" => Labelled(Members(random, fields, null), $"application/json; charset={random.Pick(BadCharsets)}"),
            "route" or "idempotency key" => change.TakesJson ? Json(Members(random, fields, null)) : Noise(random),
            _ => Json(Truncated(random, Members(random, fields, null))),
        };

        if (kind == "idempotency key")
        {
            var key = random.Pick(BadIdempotencyKeys);
            request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(4) == 0 ? [key, Guid.NewGuid().ToString()] : [key]);
        }
        else if (random.Next(4) == 0)
        {
            // A well-formed key on a refused call: what is refused must not keep the key either.
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        }

        if (random.Next(3) == 0)
        {
            // The service reads no If-Match; a junk one must change nothing either.
            request.Headers.TryAddWithoutValidation("If-Match", random.Pick(["*", "\"\"", "W/\"-1\"", "\"abc\", *", "1", "\u00e9", new string('"', 300)]));
        }

        return (request, kind);
    }

    private static string JunkRoute(Random random, string template, string path)
    {
        var names = template.Split('{').Skip(1).Select(p => p[..p.IndexOf('}', StringComparison.Ordinal)]).ToArray();
        var templateParts = template.Split('/');
        var pathParts = path.Split('/');
        var spoiled = "{" + random.Pick(names) + "}";
        return string.Join('/', pathParts.Select((part, i) => templateParts[i] == spoiled ? random.Pick(FuzzValues.RouteJunk) : part));
    }

    /// <summary>An object of the endpoint's own members and junk ones, valued with junk of every JSON kind; <paramref name="malformed"/> among them.</summary>
    private static string Members(Random random, IReadOnlyList<BodyField> fields, string? malformed)
    {
        var members = Enumerable.Range(0, random.Next(0, 5)).Select(_ => $"{Key(random, fields)}:{JsonValue(random, 0)}").ToList();
        if (malformed is not null)
        {
            members.Insert(random.Next(members.Count + 1), malformed);
        }

        return "{" + string.Join(',', members) + "}";
    }

    private static string Key(Random random, IReadOnlyList<BodyField> fields) =>
        JsonSerializer.Serialize(fields.Count > 0 && random.Next(3) > 0 ? fields[random.Next(fields.Count)].Name : random.Pick(JsonKeys));

    /// <summary>
    /// A value of a kind the member cannot take. Never null (an optional member takes it) nor a numeric string
    /// (the web defaults read numbers from strings); <paramref name="huge"/> characters make it a huge string of the wrong kind.
    /// </summary>
    private static string WrongKind(Random random, BodyField field, int huge)
    {
        var text = JsonSerializer.Serialize(huge > 0 ? new string('x', huge) : random.Pick(["abc", "", "1,5", "0x10", "Ηράκλειο", "true"]));
        var value = huge > 0 ? (field.Type == "string" ? $"[{text}]" : text) : field.Type switch
        {
            "string" => random.Pick(["{}", "[]", "[\"a\"]", "{\"a\":1}"]),
            "integer" => random.Pick([text, "1.5", "1e400", "99999999999999999999", "{}", "[]", "true"]),
            "number" => random.Pick([text, "{}", "[]", "true", "[1]"]),
            "boolean" => random.Pick([text, "0", "1", "{}", "[]"]),
            "array" => random.Pick([text, "{}", "5", "true"]),
            _ => random.Pick([text, "[]", "5", "true"]),
        };
        return $"{JsonSerializer.Serialize(field.Name)}:{value}";
    }

    private static string JsonValue(Random random, int depth) => random.Next(depth > 1 ? 3 : 5) switch
    {
        0 => JsonSerializer.Serialize(random.Pick(FuzzValues.Junk)),
        1 => random.Pick(["0", "-1", "1e308", "-0.0", "99999999999999999999", "1.5", "true", "false", "null"]),
        2 => JsonSerializer.Serialize(random.Pick(FuzzValues.Junk).Length),
        3 => "[" + JsonValue(random, depth + 1) + "]",
        _ => "{" + $"{JsonSerializer.Serialize(random.Pick(JsonKeys))}:{JsonValue(random, depth + 1)}" + "}",
    };

    /// <summary>Nesting past System.Text.Json's default depth of 64, in arrays or objects.</summary>
    private static string Deep(Random random)
    {
        var depth = random.Next(65, 5000);
        return random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
    }

    /// <summary>Any proper prefix of an object is not JSON.</summary>
    private static string Truncated(Random random, string json) => json[..random.Next(1, json.Length)];

    /// <summary>Bytes that are not UTF-8, in a member's string (bound first, so read first) or between tokens; the object is left open besides.</summary>
    private static ByteArrayContent InvalidUtf8(Random random, IReadOnlyList<BodyField> fields)
    {
        byte[][] invalid = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]];
        var rest = Members(random, fields, null);
        var body = random.Next(2) == 0
            ? [.. Encoding.UTF8.GetBytes($"{{{Key(random, fields)}:\"a"), .. invalid[random.Next(invalid.Length)], .. Encoding.UTF8.GetBytes("b\"," + rest[1..^1])]
            : (byte[])[.. Encoding.UTF8.GetBytes($"{{{Key(random, fields)}:"), .. invalid[random.Next(invalid.Length)], .. Encoding.UTF8.GetBytes("," + rest[1..^1])];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static ByteArrayContent Json(string body) => Labelled(body, "application/json; charset=utf-8");

    private static ByteArrayContent Labelled(string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    /// <summary>A body for a change that takes none: ignored, but it must not make the call a server error.</summary>
    private static ByteArrayContent? Noise(Random random) => random.Next(3) switch
    {
        0 => null,
        1 => Json(Members(random, [], null)),
        _ => Labelled(random.Pick(FuzzValues.Junk), random.Pick(NotUtf8Json)),
    };
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Open311.Tests.Fuzz;

/// <summary>
/// Seeded, reproducible malformed input across public and admin endpoints: never a 5xx, errors in the
/// endpoint's own format (Open311 errors in XML/JSON, ProblemDetails for admin), no request stored.
/// Every run sends <see cref="DefaultCases"/> cases (about 20 s); <c>FUZZ_CASES=n</c> sends more or fewer
/// (<c>FUZZ_CASES=100000 build/test.sh --no-build --filter FullyQualifiedName~Fuzz</c>) and <c>FUZZ_SEED=n</c>
/// tries another sequence; a failure names its seed and case, so it replays exactly.
/// </summary>
public class MalformedInputFuzzTests(Open311App app, ITestOutputHelper output) : IClassFixture<Open311App>
{
    private const int DefaultCases = 10_000;
    private const int DefaultSeed = 20261202;

    // NUL characters and unknown charsets are harden-a's bullets ("NUL characters reach PostgreSQL",
    // "An unknown charset gives 500"): this pool holds neither, so the two suites do not overlap.
    private static readonly string[] Junk =
    [
        "", " ", "'", "\"", "%", "%zz", "%ff", "-1", "0", "-0", "1e309", "-1e309", "NaN", "Infinity", "99999999999999999999",
        "1.5", "9223372036854775808", "2026-13-45", "2026-02-30T25:61:00Z", "0001-01-01", "9999-12-31T23:59:59+14:00",
        "null", "true", "[]", "{}", "<x/>", "<!ENTITY x SYSTEM 'file:///etc/passwd'>", "../../etc/passwd", "Ηράκλειο",
        "\U0001F4A9", "\u202e", "\uFEFF", "a,b,,c", ",,,", "open,closed,bogus", "' OR 1=1 --", "${jndi:ldap://x}",
        new string('9', 400), new string('x', 5000), "001", "002,001", "\t\r\n", "+30 2810 000000", "@", "a@", "35.3,25.1",
    ];

    private static readonly string[] PublicQueryKeys =
    [
        "jurisdiction_id", "service_code", "service_request_id", "start_date", "end_date", "status", "page", "page_size",
        "lat", "long", "radius", "updated_after", "updated_before", "extensions", "bbox", "sort", "q", "protocol_number",
    ];

    private static readonly string[] PublicGets =
        ["discovery", "services", "services/001", "services/{junk}", "requests", "requests/{junk}", "tokens/{junk}", "servicerequestupdates"];

    private static readonly string[] AdminGets =
    [
        "/admin/requests", "/admin/requests/export.csv", "/admin/requests/export.geojson", "/admin/statistics", "/admin/statistics/series",
        "/admin/statistics/export.csv", "/admin/audit", "/admin/deliveries", "/admin/staff", "/admin/calendar/holidays",
    ];

    private static readonly string[] AdminQueryKeys =
    [
        "status", "department_id", "service_code", "from", "to", "group_by", "interval", "page", "page_size", "q", "assignee_id",
        "overdue", "channel", "year", "entity", "state", "sort", "after",
    ];

    private static readonly string[] AdminPosts =
        ["/admin/requests", "/admin/departments", "/admin/categories", "/admin/staff", "/admin/escalation-rules", "/admin/auth/token"];

    private static readonly string[] JsonKeys =
    [
        "service_code", "lat", "long", "description", "name", "code", "username", "password", "role", "department_id", "email",
        "phone", "first_name", "channel", "attributes", "address_string", "display_name", "minutes", "state",
    ];

    [Fact]
    public async Task MalformedInput_NeverGives5xx_AndAnswersInTheEndpointsFormat()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var c) ? c : DefaultCases;
        var random = new Random(seed);
        var publicClient = app.CreateClient();
        var admin = (await AdminClient.SignInAsync(app, "admin")).Http;
        var requestsBefore = await CountRequestsAsync();
        var failures = new List<string>();

        for (var i = 0; i < cases; i++)
        {
            using var request = (i % 4) switch
            {
                0 => PublicGet(random),
                1 => PublicPost(random),
                2 => AdminGet(random),
                _ => AdminPost(random),
            };
            var path = request.RequestUri!.OriginalString.Split('?')[0];
            var described = $"seed {seed} case {i}: {request.Method} {request.RequestUri}";
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
            var response = await (i % 4 < 2 ? publicClient : admin).SendAsync(request);
            if (await ProblemWith(path, response) is { } problem)
            {
                failures.Add($"{described} {Shorten(body)} -> {(int)response.StatusCode}: {problem}");
            }
        }

        output.WriteLine($"{cases} cases, seed {seed}, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Equal(requestsBefore, await CountRequestsAsync());
    }

    private async Task<int> CountRequestsAsync()
    {
        await using var db = app.Db();
        return await db.Requests.CountAsync();
    }

    private static string Pick(Random random, string[] pool) => pool[random.Next(pool.Length)];

    private static string Query(Random random, string[] keys)
    {
        var parts = Enumerable.Range(0, random.Next(1, 5))
            .Select(_ => $"{Pick(random, keys)}={Uri.EscapeDataString(Pick(random, Junk))}");
        return string.Join('&', parts);
    }

    private static HttpRequestMessage PublicGet(Random random)
    {
        var path = Pick(random, PublicGets).Replace("{junk}", Uri.EscapeDataString(Pick(random, Junk)), StringComparison.Ordinal);
        var format = random.Next(2) == 0 ? "json" : "xml";
        return new(HttpMethod.Get, $"{GeoReportClient.Base}/{path}.{format}?{Query(random, PublicQueryKeys)}");
    }

    private static HttpRequestMessage PublicPost(Random random)
    {
        var format = random.Next(2) == 0 ? "json" : "xml";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("api_key", random.Next(3) == 0 ? Pick(random, Junk) : DemoData.ApiKey),
            new("service_code", random.Next(2) == 0 ? "001" : Pick(random, Junk)),
            // Never a valid number: no case may store a request.
            new("lat", Pick(random, Junk.Where(j => !double.TryParse(j, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).ToArray())),
            new("long", Pick(random, Junk)),
        };
        fields.AddRange(Enumerable.Range(0, random.Next(4)).Select(_ =>
            new KeyValuePair<string, string>(random.Next(2) == 0 ? Pick(random, PublicQueryKeys) : $"attribute[{Pick(random, Junk)}]", Pick(random, Junk))));
        var path = random.Next(4) == 0 ? "servicerequestupdates" : "requests";
        return new(HttpMethod.Post, $"{GeoReportClient.Base}/{path}.{format}") { Content = new FormUrlEncodedContent(fields) };
    }

    private static HttpRequestMessage AdminGet(Random random) =>
        new(HttpMethod.Get, $"{Pick(random, AdminGets)}?{Query(random, AdminQueryKeys)}");

    private static HttpRequestMessage AdminPost(Random random)
    {
        var path = Pick(random, AdminPosts);
        var body = random.Next(5) == 0 ? Pick(random, ["{", "[]", "null", "\"x\"", "{\"a\":", "[1,2", "{}"]) : JsonObject(random);
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new(HttpMethod.Post, path) { Content = content };
    }

    /// <summary>An object with the endpoints' own keys and values of every JSON kind, mostly of the wrong one.</summary>
    private static string JsonObject(Random random)
    {
        var members = Enumerable.Range(0, random.Next(1, 6)).Select(_ => $"{JsonSerializer.Serialize(Pick(random, JsonKeys))}:{JsonValue(random, 0)}");
        return "{" + string.Join(',', members) + "}";
    }

    private static string JsonValue(Random random, int depth) => random.Next(depth > 1 ? 3 : 5) switch
    {
        0 => JsonSerializer.Serialize(Pick(random, Junk)),
        1 => Pick(random, ["0", "-1", "1e308", "-0.0", "99999999999999999999", "1.5", "true", "false", "null"]),
        2 => JsonSerializer.Serialize(Pick(random, Junk).Length),
        3 => "[" + JsonValue(random, depth + 1) + "]",
        _ => "{" + $"{JsonSerializer.Serialize(Pick(random, JsonKeys))}:{JsonValue(random, depth + 1)}" + "}",
    };

    /// <summary>What is wrong with the answer, or null.</summary>
    private static async Task<string?> ProblemWith(string path, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "a server error";
        }

        if (status < 400 || status == 401 || status == 403 || status == 429)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.ContentType?.MediaType;
        if (path.StartsWith(GeoReportClient.Base, StringComparison.Ordinal))
        {
            return path.EndsWith(".xml", StringComparison.Ordinal) ? Open311XmlError(text) : Open311JsonError(text);
        }

        return type == "application/problem+json" || (status == 404 && text.Length == 0) ? null : $"not ProblemDetails ({type}): {Shorten(text)}";
    }

    private static string? Open311JsonError(string text)
    {
        try
        {
            var root = JsonDocument.Parse(text).RootElement;
            return root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 && root[0].TryGetProperty("description", out _)
                ? null
                : $"not an Open311 JSON error: {Shorten(text)}";
        }
        catch (JsonException)
        {
            return $"not JSON: {Shorten(text)}";
        }
    }

    private static string? Open311XmlError(string text)
    {
        try
        {
            return XDocument.Parse(text).Root?.Name.LocalName == "errors" ? null : $"not an Open311 XML error: {Shorten(text)}";
        }
        catch (System.Xml.XmlException)
        {
            return $"not XML: {Shorten(text)}";
        }
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

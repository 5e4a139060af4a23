using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Open311.Tests.Fuzz;

/// <summary>
/// Seeded, reproducible malformed input across public and admin endpoints: public and admin reads, public submissions,
/// and every change of the admin API (request actions included) and the SMS callback that openapi.yaml documents, on real rows. Never a 5xx, errors in the
/// endpoint's own format (Open311 errors in XML/JSON, ProblemDetails for admin), and nothing stored changes: every
/// table is compared, row by row, before and after. Every run sends <see cref="DefaultCases"/> cases (about 30 s);
/// <c>FUZZ_CASES=n</c> sends more or fewer (<c>FUZZ_CASES=100000 build/test.sh --no-build --filter FullyQualifiedName~Fuzz</c>)
/// and <c>FUZZ_SEED=n</c> tries another sequence; a failure names its seed and case, so it replays exactly.
/// </summary>
public class MalformedInputFuzzTests(FuzzApp app, ITestOutputHelper output) : IClassFixture<FuzzApp>
{
    private const int DefaultCases = 12_000;
    private const int DefaultSeed = 20261202;

    private static readonly IReadOnlyList<DocumentedChange> Changes = DocumentedChange.Documented();

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

    [Fact]
    public async Task MalformedInput_NeverGives5xx_AnswersInTheEndpointsFormat_AndChangesNothingStored()
    {
        var (seed, cases) = FuzzValues.Run(DefaultSeed, DefaultCases);
        var random = new Random(seed);
        var real = await app.RealRowsAsync();
        var publicClient = app.CreateClient();
        var admin = (await AdminClient.SignInAsync(app, "admin")).Http;
        var before = await StoredState.TakeAsync(app.ConnectionString);
        var failures = new List<string>();

        for (var i = 0; i < cases; i++)
        {
            // An eighth each of public reads and submissions, a quarter admin reads, three eighths admin changes.
            var (request, malformation) = (i % 8) switch
            {
                0 => (PublicGet(random), "query"),
                1 => (PublicPost(random), "form"),
                2 or 3 => (AdminGet(random), "query"),
                _ => ChangeCall(random, real),
            };
            using (request)
            {
                var path = request.RequestUri!.OriginalString.Split('?')[0];
                // As bytes: a body in a charset nobody can decode is still shown.
                var body = request.Content is null ? "" : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync());
                var response = await (i % 8 < 2 ? publicClient : admin).SendAsync(request);
                var accepted = i % 8 > 3 && response.IsSuccessStatusCode ? "a malformed change was accepted" : null;
                if ((accepted ?? await FuzzAnswers.ProblemWith(path, response)) is { } problem)
                {
                    // A server error's cause is in the service's log: its last error, cut to the exception's first lines.
                    var cause = (int)response.StatusCode >= 500 ? app.Logs.Lines.LastOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal)) ?? "" : "";
                    failures.Add($"seed {seed} case {i} ({malformation}): {request.Method} {FuzzValues.Shorten(request.RequestUri.OriginalString)} "
                        + $"{FuzzValues.Shorten(body)} -> {(int)response.StatusCode}: {problem} {string.Join(' ', cause.Split('\n').Take(4))}");
                }
            }
        }

        output.WriteLine($"{cases} cases, seed {seed}, {Changes.Count} documented changes, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        var changed = StoredState.Differences(before, await StoredState.TakeAsync(app.ConnectionString));
        Assert.True(changed.Length == 0, $"seed {seed}: malformed input changed what is stored: {changed}");
    }

    /// <summary>A body the service cannot decode, on every admin (and SMS callback) change that takes JSON: a 415 ProblemDetails, never a 5xx.</summary>
    [Theory]
    [InlineData("bogus")]
    [InlineData("utf-7")]
    public async Task EveryJsonChange_RefusesAnUnknownCharset_WithProblemDetails(string charset)
    {
        var real = await app.RealRowsAsync();
        var admin = (await AdminClient.SignInAsync(app, "admin")).Http;
        var random = new Random(DefaultSeed);
        var wrong = new List<string>();
        foreach (var change in Changes.Where(c => c.TakesJson))
        {
            var content = new StringContent("{}", Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/json; charset={charset}");
            using var request = new HttpRequestMessage(new HttpMethod(change.Method), FuzzApp.Fill(change.Template, real, random)) { Content = content };
            var response = await admin.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.UnsupportedMediaType || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"{change}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            }
        }

        Assert.True(Changes.Count(c => c.TakesJson) > 30, "openapi.yaml read: the JSON changes are all there");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static (HttpRequestMessage, string) ChangeCall(Random random, Dictionary<string, List<Dictionary<string, string>>> real)
    {
        var change = Changes[random.Next(Changes.Count)];
        return MalformedChanges.Make(random, change, FuzzApp.Fill(change.Template, real, random), change.Template);
    }

    private static string Query(Random random, string[] keys)
    {
        var parts = Enumerable.Range(0, random.Next(1, 5))
            .Select(_ => $"{random.Pick(keys)}={Uri.EscapeDataString(random.Pick(FuzzValues.Junk))}");
        return string.Join('&', parts);
    }

    private static HttpRequestMessage PublicGet(Random random)
    {
        var path = random.Pick(PublicGets).Replace("{junk}", Uri.EscapeDataString(random.Pick(FuzzValues.Junk)), StringComparison.Ordinal);
        var format = random.Next(2) == 0 ? "json" : "xml";
        return new(HttpMethod.Get, $"{GeoReportClient.Base}/{path}.{format}?{Query(random, PublicQueryKeys)}");
    }

    private static HttpRequestMessage PublicPost(Random random)
    {
        var format = random.Next(2) == 0 ? "json" : "xml";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("api_key", random.Next(3) == 0 ? random.Pick(FuzzValues.Junk) : DemoData.ApiKey),
            new("service_code", random.Next(2) == 0 ? "001" : random.Pick(FuzzValues.Junk)),
            // Never a valid number: no case may store a request.
            new("lat", random.Pick(FuzzValues.Junk.Where(j => !double.TryParse(j, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).ToArray())),
            new("long", random.Pick(FuzzValues.Junk)),
        };
        fields.AddRange(Enumerable.Range(0, random.Next(4)).Select(_ =>
            new KeyValuePair<string, string>(random.Next(2) == 0 ? random.Pick(PublicQueryKeys) : $"attribute[{random.Pick(FuzzValues.Junk)}]", random.Pick(FuzzValues.Junk))));
        var path = random.Next(4) == 0 ? "servicerequestupdates" : "requests";
        return new(HttpMethod.Post, $"{GeoReportClient.Base}/{path}.{format}") { Content = new FormUrlEncodedContent(fields) };
    }

    private static HttpRequestMessage AdminGet(Random random) =>
        new(HttpMethod.Get, $"{random.Pick(AdminGets)}?{Query(random, AdminQueryKeys)}");
}

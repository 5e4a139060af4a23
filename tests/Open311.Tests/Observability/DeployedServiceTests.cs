using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Open311.Core.Data;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Observability;

/// <summary>
/// What an operator of the deployed service sees after a citizen's submission: JSON log lines carrying the request's
/// ids and none of the citizen's contact data, and the submission and its database time in <c>/metrics</c>.
/// </summary>
public partial class DeployedServiceTests(Open311App app) : IClassFixture<Open311App>
{
    private const string Email = "log.subject@example.gr";
    private const string Phone = "6944123987";
    private const string LastName = "Βλαχάκη";

    private static readonly string[] Submissions = ["http_request_method=\"POST\"", "http_route=\"/open311/v2/requests.{format}\"", "http_response_status_code=\"200\""];

    [Fact]
    public async Task EveryLogLineIsJson_ARequestsLinesCarryItsIds_AndNoContactData()
    {
        List<string> lines;
        await using (var service = await ServiceProcess.StartAsync(app))
        {
            await SubmitAsync(service);
            await Eventually.TrueAsync(() => service.Lines.Any(l => l.Contains("Request finished HTTP/1.1 POST", StringComparison.Ordinal)));
            lines = [.. service.Lines];
        }

        // The start-up announcement (where to find the service, for whoever started it) is the one plain text.
        var logs = lines.Where(l => !l.StartsWith("Open311 API:", StringComparison.Ordinal) && !Announced().IsMatch(l))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var finished = Assert.Single(logs, l => l.GetProperty("Message").GetString()!.StartsWith("Request finished HTTP/1.1 POST", StringComparison.Ordinal));
        Assert.Equal("Microsoft.AspNetCore.Hosting.Diagnostics", finished.GetProperty("Category").GetString());
        Assert.True(DateTimeOffset.TryParse(finished.GetProperty("Timestamp").GetString(), CultureInfo.InvariantCulture, out _), finished.ToString());
        var scopes = finished.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, s => s.TryGetProperty("TraceId", out var trace) && TraceId().IsMatch(trace.GetString()!));
        Assert.Contains(scopes, s => s.TryGetProperty("RequestId", out var request) && request.GetString()!.Length > 0);
        var all = string.Join('\n', lines);
        Assert.DoesNotContain(Email, all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Phone, all, StringComparison.Ordinal);
        Assert.DoesNotContain(LastName, all, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonEncodedText.Encode(LastName).ToString(), all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScrape_CountsTheSubmission_ItsDatabaseTime_AndTheRuntime_WithoutConnectionStrings()
    {
        await using var service = await ServiceProcess.StartAsync(app);
        var before = await Scrape.TakeAsync(service.Http);

        await SubmitAsync(service);

        Scrape after = before;
        await Eventually.TrueAsync(async () =>
            (after = await Scrape.TakeAsync(service.Http)).Sum("http_server_request_duration_seconds_count", Submissions) == 1);
        Assert.True(after.Sum("http_server_request_duration_seconds_sum", Submissions) > 0, after.Text);
        var database = $"db_client_connection_pool_name=\"{Open311Database.PrimaryName}\"";
        Assert.True(after.Sum("db_client_operation_duration_seconds_count", database) > before.Sum("db_client_operation_duration_seconds_count", database), after.Text);
        Assert.True(after.Sum("db_client_operation_duration_seconds_sum", database) > 0, after.Text);
        Assert.True(after.Has("dotnet_gc_heap_total_allocated_bytes_total"), after.Text);
        Assert.False(after.Has("open311_outbox_backlog"), "an instance that does not deliver has no backlog to tell");
        Assert.DoesNotContain("Host=", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, after.Text, StringComparison.Ordinal);
    }

    private static Task SubmitAsync(ServiceProcess service) =>
        new GeoReportClient(service.Http).SubmitAsync(("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"), ("attribute[fault]", "off"),
            ("description", "Σβηστή λάμπα"), ("first_name", "Ελένη"), ("last_name", LastName), ("email", Email), ("email_alerts_requested", "true"),
            ("phone", Phone), ("sms_alerts_requested", "true"));

    /// <summary>The announcement's other lines: where the documentation, dashboard and report page are.</summary>
    [GeneratedRegex(@"^(Swagger UI|Dashboard|Report page|Demo API key):\s")]
    private static partial Regex Announced();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceId();
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Duplicates;

/// <summary>Potholes and lamps at chosen points, through Open311 and phone intake, for the duplicate tests.</summary>
public static class DuplicateRequests
{
    /// <summary>About 1 m of latitude in degrees: points are placed in metres north of a test's own spot.</summary>
    public const double Metre = 1 / 111_195.0;

    public static Task<long> PotholeAsync(Open311App app, double lat, double lon, params (string, string)[] more) =>
        DemoRequests.SubmitAsync(app, [("service_code", "005"), ("lat", Text(lat)), ("long", Text(lon)), ("attribute[size]", "large"), .. more]);

    public static Task<long> LampAsync(Open311App app, double lat, double lon) =>
        DemoRequests.SubmitAsync(app, ("service_code", "006"), ("lat", Text(lat)), ("long", Text(lon)), ("attribute[fault]", "off"));

    /// <summary>A pothole taken by phone; the whole staff detail the intake answers with.</summary>
    public static async Task<JsonElement> PhonePotholeAsync(Open311App app, double lat, double lon, string? receivedAt = null, object? caller = null)
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (response, body) = await dispatcher.PostAsync("/admin/requests", new
        {
            service_code = "005",
            channel = "phone",
            lat,
            @long = lon,
            received_at = receivedAt,
            caller,
            attributes = new Dictionary<string, object> { ["size"] = "large" },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    public static List<long> PossibleDuplicateIds(JsonElement detail) =>
        [.. detail.GetProperty("possible_duplicates").EnumerateArray().Select(d => d.GetProperty("id").GetInt64())];

    /// <summary>Moves the request through to resolved as the dispatcher.</summary>
    public static async Task CloseAsync(Open311App app, long id)
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        foreach (var to in new[] { "in_progress", "resolved" })
        {
            var (response, body) = await dispatcher.PostAsync($"/admin/requests/{id}/transitions",
                new { to, version = await dispatcher.VersionAsync(id), public_note = "Έγινε." });
            Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

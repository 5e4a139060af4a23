using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Faults;

/// <summary>
/// PostgreSQL stopped under a running service (a fast shutdown, then refused connections) and started again:
/// every endpoint family answers 503 with Retry-After in its own format, readiness fails while liveness holds,
/// nothing is half-stored, and the service, its workers included, carries on alone once the database is back.
/// </summary>
public sealed class DatabaseOutageTests(OutageApp app) : IClassFixture<OutageApp>
{
    private static readonly (string, string)[] Pothole =
        [("api_key", DemoData.ApiKey), ("service_code", "005"), ("lat", "35.3301"), ("long", "25.1401"), ("attribute[size]", "large"), ("description", "Λακκούβα")];

    [Fact]
    public async Task Every_endpoint_answers_503_in_its_format_while_the_database_is_away_and_the_service_recovers_alone()
    {
        var staff = await AdminClient.SignInAsync(app, "admin");
        var geo = app.GeoReport();
        var http = app.CreateClient();
        // The first probe may outlast its timeout on a cold machine; ready is what matters here.
        await Eventually.TrueAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK);
        var before = await CountRequestsAsync();

        app.Postgres.Stop();
        try
        {
            await AssertUnavailableAsync(geo.Http.GetAsync("/open311/v2/requests.json?service_code=005"), Open311Json);
            await AssertUnavailableAsync(geo.Http.GetAsync("/open311/v2/requests.xml?service_code=005"), Open311Xml);
            await AssertUnavailableAsync(geo.PostAsync("json", Pothole), Open311Json);
            await AssertUnavailableAsync(geo.PostAsync("xml", Pothole), Open311Xml);
            await AssertUnavailableAsync(staff.Http.GetAsync("/admin/requests"), Problem);
            await AssertUnavailableAsync(staff.Http.PostAsJsonAsync("/admin/departments", new { name_el = "Νέο τμήμα", name_en = "New section" }), Problem);
            await AssertUnavailableAsync(http.PostAsJsonAsync("/admin/auth/token", new { username = "admin", password = DemoStaff.Password }), Problem);
            await AssertUnavailableAsync(http.GetAsync("/follow/2026/000001?code=K7M2P9QX4T&lang=en"), async response =>
            {
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("Temporarily unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            });

            var ready = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("7", ready.Headers.GetValues("Retry-After").Single());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            app.Postgres.Restart();
        }

        await Eventually.TrueAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK);
        var id = await geo.SubmitAsync(Pothole[1..]);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin/requests")).Response.StatusCode);
        // The relay worker lived through the outage and delivers the new request's submission by itself.
        await Eventually.TrueAsync(() => app.Receiver.Calls.Any(c => c.Body.Contains($"\"requestId\":{id}", StringComparison.Ordinal)));
        // The two POSTs refused during the outage left nothing; only the one after it is stored.
        Assert.Equal(before + 1, await CountRequestsAsync());
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<int> CountRequestsAsync()
    {
        await using var db = app.Db();
        return await db.Requests.CountAsync();
    }

    private static async Task AssertUnavailableAsync(Task<HttpResponseMessage> call, Func<HttpResponseMessage, Task> inItsFormat)
    {
        var response = await call;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("7", response.Headers.GetValues("Retry-After").Single());
        await inItsFormat(response);
    }

    private static Task Open311Json(HttpResponseMessage response) => GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.ServiceUnavailable);

    private static Task Open311Xml(HttpResponseMessage response) => GeoReportClient.AssertXmlErrorAsync(response, HttpStatusCode.ServiceUnavailable);

    private static async Task Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetInt32());
    }
}

using System.Net;
using System.Net.Http.Json;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

public class AccountsAndAuditTests(Open311App app) : IClassFixture<Open311App>
{
    [Fact]
    public async Task ClientApp_KeyShownOnce_Works_IsRateLimited_AndCanBeRevoked()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");

        var (created, issued) = await admin.PostAsync("/admin/clients", new { name = "Βελτιώνω την πόλη", contact_email = "dev@example.gr", rate_limit_per_minute = 2 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = issued.GetProperty("api_key").GetString()!;
        var clientId = issued.GetProperty("client").GetProperty("id").GetInt64();
        var (_, list) = await admin.GetAsync("/admin/clients");
        Assert.DoesNotContain(key, list.ToString());

        (string, string)[] request = [("api_key", key), ("service_code", "001"), ("address_string", "Έβανς 1")];
        Assert.Equal(HttpStatusCode.OK, (await app.GeoReport().PostAsync("json", request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GeoReport().PostAsync("json", request)).StatusCode);
        var limited = await app.GeoReport().PostAsync("xml", request);
        Assert.Contains("submissions a minute", await GeoReportClient.AssertXmlErrorAsync(limited, HttpStatusCode.TooManyRequests));
        Assert.InRange(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/admin/clients/{clientId}/revoke", null)).Response.StatusCode);
        await GeoReportClient.AssertJsonErrorAsync(await app.GeoReport().PostAsync("json", request), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task StaffAccount_CreatedCanSignIn_DeactivatedCannot()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var roads = await DemoRequests.DepartmentIdAsync(app, "Roads Section");
        object Account(bool active) => new
        {
            username = "k.petrakis", display_name = "Κώστας Πετράκης", email = "k.petrakis@heraklion.gr", role = "staff",
            department_id = roads, password = "πολύ-μυστικό-2026", active,
        };

        var (created, account) = await admin.PostAsync("/admin/staff", Account(true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(account.TryGetProperty("password_hash", out _));
        var signedIn = await AdminClient.SignInAsync(app, "k.petrakis", "πολύ-μυστικό-2026");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/admin/requests")).Response.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/admin/staff/{account.GetProperty("id").GetInt64()}", Account(false))).Response.StatusCode);
        var refused = await app.CreateClient().PostAsJsonAsync("/admin/auth/token", new { username = "k.petrakis", password = "πολύ-μυστικό-2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var (_, invalid) = await admin.PostAsync("/admin/staff", new { username = "x", display_name = "x", role = "staff", password = "short" });
        Assert.True(invalid.GetProperty("errors").TryGetProperty("department_id", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("password", out _));
        AdminClient.AssertProblem(await admin.PostAsync("/admin/staff", Account(true)), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401ProblemDetails()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/admin/auth/token", new { username = "admin", password = "guess" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Changes_AndLooksAtContactData_AreAudited()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (_, department) = await admin.PostAsync("/admin/departments", new { name_el = "Τμήμα Νεκροταφείων", name_en = "Cemeteries Section" });
        var departmentId = department.GetProperty("id").GetInt64();
        await admin.PutAsync($"/admin/departments/{departmentId}", new { name_el = "Τμήμα Κοιμητηρίων", name_en = "Cemeteries Section", email = "cem@heraklion.gr" });
        var requestId = await DemoRequests.LightingAsync(app);
        await dispatcher.RequestAsync(requestId);

        var (_, changes) = await admin.GetAsync($"/admin/audit?entity=department&entity_id={departmentId}");
        var (_, looks) = await admin.GetAsync($"/admin/audit?entity=request&entity_id={requestId}");

        var update = changes.EnumerateArray().First();
        Assert.Equal("updated", update.GetProperty("action").GetString());
        Assert.Equal("Τμήμα Νεκροταφείων", update.GetProperty("before").GetProperty("name_el").GetString());
        Assert.Equal("Τμήμα Κοιμητηρίων", update.GetProperty("after").GetProperty("name_el").GetString());
        Assert.StartsWith("staff:", update.GetProperty("actor").GetString());
        Assert.Equal("created", changes.EnumerateArray().Last().GetProperty("action").GetString());
        Assert.Contains(looks.EnumerateArray(), e => e.GetProperty("action").GetString() == "viewed_contact");
    }

    [Fact]
    public async Task Statistics_CountRequestsByDepartmentAndRefuseUnknownGroupings()
    {
        var viewer = await AdminClient.SignInAsync(app, "viewer");

        var (response, body) = await viewer.GetAsync("/admin/statistics?group_by=department&from=2020-01-01T00:00:00Z");
        var (_, byChannel) = await viewer.GetAsync("/admin/statistics?group_by=channel&from=2020-01-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(DemoData.RequestCount, rows.Sum(r => r.GetProperty("received").GetInt64()) - await NewerThanDemoAsync());
        Assert.Equal(rows.Sum(r => r.GetProperty("received").GetInt64()), body.GetProperty("totals").GetProperty("received").GetInt64());
        Assert.Contains(rows, r => r.GetProperty("resolution").GetProperty("median_hours").ValueKind == System.Text.Json.JsonValueKind.Number);
        Assert.Contains(byChannel.GetProperty("rows").EnumerateArray(), r => r.GetProperty("key").GetString() == "phone");
        AdminClient.AssertProblem(await viewer.GetAsync("/admin/statistics?group_by=colour"), HttpStatusCode.BadRequest);
    }

    private async Task<long> NewerThanDemoAsync()
    {
        await using var db = app.Db();
        return db.Requests.LongCount() - DemoData.RequestCount;
    }
}

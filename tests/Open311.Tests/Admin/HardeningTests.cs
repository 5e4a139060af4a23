using System.Net;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

/// <summary>Input and sequences that once ended in a 500 or in a wrong state, now refused cleanly.</summary>
public class HardeningTests(Open311App app) : IClassFixture<Open311App>
{
    [Theory]
    [InlineData("/admin/workflows", "{\"name_el\":\"x\",\"name_en\":\"x\",\"states\":[null],\"transitions\":[]}")]
    [InlineData("/admin/workflows", "{\"name_el\":\"x\",\"name_en\":\"x\",\"states\":[{\"code\":\"a\",\"label_el\":\"a\",\"label_en\":\"a\",\"status\":\"open\",\"initial\":true}]}")]
    [InlineData("/admin/services", "{\"code\":\"H1\",\"name_el\":\"x\",\"name_en\":\"x\",\"description_el\":null,\"description_en\":\"\",\"group_el\":\"x\",\"group_en\":\"x\"}")]
    [InlineData("/admin/services", "{\"code\":\"H2\",\"name_el\":\"x\",\"name_en\":\"x\",\"description_el\":\"\",\"description_en\":\"\",\"group_el\":\"x\",\"group_en\":\"x\",\"attributes\":[null]}")]
    [InlineData("/admin/departments", "{\"name_el\":null,\"name_en\":\"x\"}")]
    public async Task NullOrMissingFields_Return400(string path, string json)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");

        var response = await admin.Http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HugePage_Returns400()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        AdminClient.AssertProblem(await admin.GetAsync("/admin/requests?page=2147483647"), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await admin.GetAsync("/admin/audit?page=30000000"), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await admin.GetAsync("/admin/statistics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DuplicateState_IsReachedOnlyThroughDuplicateOf_AndNotesAreChecked()
    {
        var id = await DemoRequests.LightingAsync(app);
        var staff = await AdminClient.SignInAsync(app, "lighting");

        var detail = await staff.RequestAsync(id);
        Assert.DoesNotContain(detail.GetProperty("allowed_transitions").EnumerateArray(), t => t.GetProperty("to").GetString() == "duplicate");
        AdminClient.AssertProblem(await staff.PostAsync($"/admin/requests/{id}/transitions", new { to = "duplicate", version = await staff.VersionAsync(id) }),
            HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await staff.PostAsync($"/admin/requests/{id}/transitions",
            new { to = "acknowledged", version = await staff.VersionAsync(id), public_note = "κακό\u0001" }), HttpStatusCode.BadRequest);
        Assert.Equal("received", (await staff.RequestAsync(id)).GetProperty("request").GetProperty("state").GetString());
    }

    [Fact]
    public async Task MovingTheInitialState_Works()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        object Workflow(string initial) => new
        {
            name_el = "Δοκιμή", name_en = "Trial",
            states = new[]
            {
                new { code = "a", label_el = "Α", label_en = "A", status = "open", initial = initial == "a" },
                new { code = "b", label_el = "Β", label_en = "B", status = "open", initial = initial == "b" },
            },
            transitions = new[] { new { from = "a", to = "b", roles = new[] { "admin" }, requires_public_note = false } },
        };

        var (_, created) = await admin.PostAsync("/admin/workflows", Workflow("a"));
        var id = created.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/admin/workflows/{id}", Workflow("b"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/admin/workflows/{id}", Workflow("a"))).Response.StatusCode);
    }

    [Fact]
    public async Task TokensOfADeactivatedOrChangedAccount_StopWorkingAtOnce()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var roads = await DemoRequests.DepartmentIdAsync(app, "Roads Section");
        var lighting = await DemoRequests.DepartmentIdAsync(app, "Street Lighting Section");
        object Account(long department, bool active = true) => new
        {
            username = "m.moved", display_name = "Μετακινούμενη", role = "staff", department_id = department, password = "πολύ-μυστικό-2026", active,
        };
        var (_, account) = await admin.PostAsync("/admin/staff", Account(roads));
        var accountId = account.GetProperty("id").GetInt64();
        var signedIn = await AdminClient.SignInAsync(app, "m.moved", "πολύ-μυστικό-2026");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/admin/requests")).Response.StatusCode);

        await admin.PutAsync($"/admin/staff/{accountId}", Account(lighting));
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("/admin/requests")).Response.StatusCode);

        var again = await AdminClient.SignInAsync(app, "m.moved", "πολύ-μυστικό-2026");
        await admin.PutAsync($"/admin/staff/{accountId}", Account(lighting, active: false));
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/admin/requests")).Response.StatusCode);
    }
}

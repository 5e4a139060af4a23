using System.Net;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

/// <summary>
/// Every admin endpoint × every role × a request of the staff member's own department and of
/// another. "Hidden" (404) is what a member of staff gets for another department's request:
/// the classic broken-object-level-authorization hole, closed.
/// </summary>
public class AuthorizationMatrixTests(Open311App app) : IClassFixture<Open311App>
{
    private enum Expect
    {
        /// <summary>Let through: any answer but 401/403/404 (a deliberately invalid body gets 400, in-use deletes 409).</summary>
        Allowed,
        Forbidden,
        Hidden,
    }

    private static readonly string[] Roles = ["admin", "dispatcher", "lighting", "viewer"];

    /// <summary>The request the call is about: one of Street Lighting's (the lighting account's own) or of Roads (another's).</summary>
    private enum Target
    {
        None,
        OwnDepartment,
        OtherDepartment,
    }

    private sealed record Case(string Name, HttpMethod Method, string Path, Target Target, Func<uint, object?>? Body, Expect Admin, Expect Dispatcher, Expect Staff, Expect Viewer);

    private static readonly object Invalid = new { };

    private static IEnumerable<Case> Cases()
    {
        const Expect A = Expect.Allowed, F = Expect.Forbidden, H = Expect.Hidden;
        foreach (var path in new[] { "/admin/departments", "/admin/services", "/admin/workflows", "/admin/areas", "/admin/routing-rules", "/admin/statistics", "/admin/requests",
            "/admin/work-orders", "/admin/work-orders/settings" })
        {
            yield return new($"GET {path}", HttpMethod.Get, path, Target.None, null, A, A, A, A);
        }

        foreach (var path in new[] { "/admin/staff", "/admin/clients", "/admin/audit" })
        {
            yield return new($"GET {path}", HttpMethod.Get, path, Target.None, null, A, F, F, F);
        }

        foreach (var path in new[] { "/admin/staff", "/admin/clients", "/admin/departments", "/admin/services", "/admin/workflows", "/admin/areas", "/admin/routing-rules" })
        {
            yield return new($"POST {path}", HttpMethod.Post, path, Target.None, _ => Invalid, A, F, F, F);
        }

        yield return new("PUT work-order settings", HttpMethod.Put, "/admin/work-orders/settings", Target.None, _ => Invalid, A, F, F, F);
        yield return new("PUT department", HttpMethod.Put, "/admin/departments/1", Target.None, _ => Invalid, A, F, F, F);
        yield return new("DELETE department in use", HttpMethod.Delete, "/admin/departments/1", Target.None, null, A, F, F, F);
        yield return new("PUT category", HttpMethod.Put, "/admin/services/1", Target.None, _ => Invalid, A, F, F, F);
        yield return new("DELETE category in use", HttpMethod.Delete, "/admin/services/1", Target.None, null, A, F, F, F);
        yield return new("POST revoke client", HttpMethod.Post, "/admin/clients/999999/revoke", Target.None, null, H, F, F, F);
        yield return new("POST intake", HttpMethod.Post, "/admin/requests", Target.None, _ => new { service_code = "001", channel = "phone" }, A, A, F, F);

        foreach (var (target, staff) in new[] { (Target.OwnDepartment, A), (Target.OtherDepartment, H) })
        {
            var which = target == Target.OwnDepartment ? "own" : "other";
            yield return new($"GET request ({which})", HttpMethod.Get, "/admin/requests/{id}", target, null, A, A, staff, A);
            yield return new($"GET history ({which})", HttpMethod.Get, "/admin/requests/{id}/history", target, null, A, A, staff, A);
            yield return new($"POST note ({which})", HttpMethod.Post, "/admin/requests/{id}/notes", target,
                v => new { text = "έλεγχος", @public = false, version = v }, A, A, staff, F);
            yield return new($"POST transition ({which})", HttpMethod.Post, "/admin/requests/{id}/transitions", target,
                v => new { to = "no_such_state", version = v }, A, A, staff, F);
            yield return new($"PUT assignee ({which})", HttpMethod.Put, "/admin/requests/{id}/assignee", target,
                v => new { assignee_id = (long?)null, version = v }, A, A, staff, F);
            yield return new($"PUT expected ({which})", HttpMethod.Put, "/admin/requests/{id}/expected", target,
                v => new { expected_datetime = "2031-01-01T12:00:00+02:00", version = v }, A, A, staff, F);
            yield return new($"GET work orders ({which})", HttpMethod.Get, "/admin/requests/{id}/work-orders", target, null, A, A, staff, A);
            yield return new($"POST work order ({which})", HttpMethod.Post, "/admin/requests/{id}/work-orders", target,
                _ => new { department_id = 999999 }, A, A, staff, F);
            yield return new($"PUT department ({which})", HttpMethod.Put, "/admin/requests/{id}/department", target,
                v => new { department_id = 999999, version = v }, A, A, F, F);
            yield return new($"POST duplicate-of ({which})", HttpMethod.Post, "/admin/requests/{id}/duplicate-of", target,
                v => new { original_id = 999999, version = v }, A, A, staff, F);
        }
    }

    [Fact]
    public async Task EveryRoleOnEveryEndpoint_GetsWhatItsRoleAndDepartmentAllow()
    {
        var clients = new Dictionary<string, AdminClient>();
        foreach (var role in Roles)
        {
            clients[role] = await AdminClient.SignInAsync(app, role);
        }

        var own = await DemoRequests.LightingAsync(app);
        var other = await DemoRequests.RoadsAsync(app);
        var failures = new List<string>();
        var checkedCalls = 0;

        foreach (var @case in Cases())
        {
            var id = @case.Target == Target.OwnDepartment ? own : other;
            foreach (var (role, expect) in new[] { ("admin", @case.Admin), ("dispatcher", @case.Dispatcher), ("lighting", @case.Staff), ("viewer", @case.Viewer) })
            {
                var version = @case.Target == Target.None ? 0 : await clients["admin"].VersionAsync(id);
                var (response, body) = await clients[role].SendAsync(@case.Method, @case.Path.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    @case.Body?.Invoke(version));
                checkedCalls++;
                var status = response.StatusCode;
                var ok = expect switch
                {
                    Expect.Forbidden => status == HttpStatusCode.Forbidden,
                    Expect.Hidden => status == HttpStatusCode.NotFound,
                    _ => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.InternalServerError),
                };
                if (!ok)
                {
                    failures.Add($"{@case.Name} as {role}: expected {expect}, got {(int)status} {body}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(checkedCalls > 150);
    }

    [Fact]
    public async Task StaffList_ShowsOnlyTheirDepartmentsRequests()
    {
        var own = await DemoRequests.LightingAsync(app);
        var other = await DemoRequests.RoadsAsync(app);
        var lighting = await AdminClient.SignInAsync(app, "lighting");
        var lightingDepartment = await DemoRequests.DepartmentIdAsync(app, "Street Lighting Section");

        var (_, page) = await lighting.GetAsync("/admin/requests?page_size=200");
        var (_, asked) = await lighting.GetAsync($"/admin/requests?department_id={await DemoRequests.DepartmentIdAsync(app, "Roads Section")}");
        var (_, searched) = await lighting.GetAsync("/admin/requests?q=Λακκούβα");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, r => r.GetProperty("id").GetInt64() == own);
        Assert.DoesNotContain(items, r => r.GetProperty("id").GetInt64() == other);
        Assert.All(items, r => Assert.Equal(lightingDepartment, r.GetProperty("department_id").GetInt64()));
        Assert.Equal(0, asked.GetProperty("items").GetArrayLength());
        Assert.Equal(0, searched.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer a.b.c.d.e")]
    public async Task AdminEndpoint_WithoutAValidToken_Returns401(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/requests");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }
}

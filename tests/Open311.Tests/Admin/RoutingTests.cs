using System.Net;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

public class RoutingTests(Open311App app) : IClassFixture<Open311App>
{
    // A square of about 1 km around the Venetian harbour of Heraklion.
    private static readonly object Harbour = new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { 25.130, 35.340 }, new[] { 25.142, 35.340 }, new[] { 25.142, 35.348 }, new[] { 25.130, 35.348 }, new[] { 25.130, 35.340 } } },
    };

    [Fact]
    public async Task RuleForCategoryInArea_RoutesIntakeThereAndOnlyThere()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var police = await DemoRequests.DepartmentIdAsync(app, "Municipal Police");
        var cleaning = await DemoRequests.DepartmentIdAsync(app, "Cleaning and Recycling Directorate");
        await using var db = app.Db();
        var bins = db.Services.Single(s => s.Code == "012").Id;

        var (created, area) = await admin.PostAsync("/admin/areas", new { name = "Ενετικό λιμάνι", department_id = police, geometry = Harbour });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("MultiPolygon", area.GetProperty("geometry").GetProperty("type").GetString());
        var (rule, _) = await admin.PostAsync("/admin/routing-rules", new { service_id = bins, area_id = area.GetProperty("id").GetInt64(), department_id = police });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);

        (string, string)[] bin = [("service_code", "012"), ("attribute[bin_type]", "general"), ("attribute[problems]", "full")];
        var inside = await DemoRequests.SubmitAsync(app, [.. bin, ("lat", "35.344"), ("long", "25.136")]);
        var outside = await DemoRequests.SubmitAsync(app, [.. bin, ("lat", "35.330"), ("long", "25.150")]);
        var lamp = await DemoRequests.SubmitAsync(app, ("service_code", "006"), ("lat", "35.344"), ("long", "25.136"), ("attribute[fault]", "off"));

        Assert.Equal(police, (await admin.RequestAsync(inside)).GetProperty("request").GetProperty("department_id").GetInt64());
        Assert.Equal(cleaning, (await admin.RequestAsync(outside)).GetProperty("request").GetProperty("department_id").GetInt64());
        Assert.Equal(await DemoRequests.DepartmentIdAsync(app, "Street Lighting Section"),
            (await admin.RequestAsync(lamp)).GetProperty("request").GetProperty("department_id").GetInt64());

        var (_, inArea) = await admin.GetAsync($"/admin/requests?area_id={area.GetProperty("id").GetInt64()}&page_size=200");
        Assert.Contains(inArea.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == inside);
        Assert.DoesNotContain(inArea.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == outside);
        AdminClient.AssertProblem(await admin.DeleteAsync($"/admin/areas/{area.GetProperty("id").GetInt64()}"), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{\"type\":\"Point\",\"coordinates\":[25.13,35.34]}", "Polygon or MultiPolygon")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[25.13,35.34],[25.14,35.35],[25.14,35.34],[25.13,35.35],[25.13,35.34]]]}", "not a valid polygon")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[1,2],[3]]]}", "not valid GeoJSON")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[2513000,3534000],[2514000,3534000],[2514000,3535000],[2513000,3534000]]]}", "WGS84")]
    [InlineData("\"nowhere\"", "GeoJSON Polygon or MultiPolygon object is required")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[25.13,35.34,10],[25.14,35.34,10],[25.14,35.35,10],[25.13,35.34,10]]]}", "2-D")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[180,0],[180,10],[0,10],[0,0]]]}", "antipodal")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[-100,0],[100,0],[100,10],[-100,10],[-100,0]]]}", "smaller than a hemisphere")]
    public async Task InvalidArea_Returns400WithTheReason(string geometry, string expected)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var police = await DemoRequests.DepartmentIdAsync(app, "Municipal Police");
        var json = $"{{\"name\":\"x\",\"department_id\":{police},\"geometry\":{geometry}}}";

        var response = await admin.Http.PostAsync("/admin/areas", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DispatcherReroute_IsRecordedWithBeforeAndAfter()
    {
        var id = await DemoRequests.LightingAsync(app);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var lighting = await DemoRequests.DepartmentIdAsync(app, "Street Lighting Section");
        var traffic = await DemoRequests.DepartmentIdAsync(app, "Traffic and Signage Section");

        var (response, body) = await dispatcher.PutAsync($"/admin/requests/{id}/department",
            new { department_id = traffic, version = await dispatcher.VersionAsync(id), reason = "Είναι φανάρι, όχι λάμπα" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(traffic, body.GetProperty("request").GetProperty("department_id").GetInt64());
        var (_, history) = await dispatcher.GetAsync($"/admin/requests/{id}/history");
        var reroute = history.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "rerouted");
        Assert.Equal(lighting, reroute.GetProperty("changes").GetProperty("department_id").GetProperty("before").GetInt64());
        Assert.Equal(traffic, reroute.GetProperty("changes").GetProperty("department_id").GetProperty("after").GetInt64());
        Assert.Equal("Είναι φανάρι, όχι λάμπα", reroute.GetProperty("note").GetString());
        var (hidden, _) = await (await AdminClient.SignInAsync(app, "lighting")).GetAsync($"/admin/requests/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}

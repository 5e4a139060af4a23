using System.Net;
using System.Text.Json;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

public class CatalogueTests(Open311App app) : IClassFixture<Open311App>
{
    private static object Category(string code, string nameEn, bool active = true, bool isPublic = true, long? departmentId = null) => new
    {
        code,
        name_el = "Γκράφιτι",
        name_en = nameEn,
        description_el = "Συνθήματα σε δημόσια κτίρια",
        description_en = "Graffiti on public buildings",
        group_el = "Καθαριότητα",
        group_en = "Cleanliness",
        type = "realtime",
        keywords = "γκράφιτι,graffiti",
        default_department_id = departmentId,
        active,
        is_public = isPublic,
        attributes = new object[]
        {
            new
            {
                code = "surface", datatype = "singlevaluelist", required = true, order = 1, description_el = "Επιφάνεια", description_en = "Surface",
                values = new[] { new { key = "wall", name_el = "Τοίχος", name_en = "Wall" }, new { key = "monument", name_el = "Μνημείο", name_en = "Monument" } },
            },
            new { code = "size_m2", datatype = "number", required = false, order = 2, description_el = "Εμβαδόν (τ.μ.)", description_en = "Area (m²)" },
        },
    };

    [Fact]
    public async Task CategoryChanges_ShowInOpen311AtOnce()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var open311 = app.GeoReport();

        var (created, body) = await admin.PostAsync("/admin/services", Category("G1", "Graffiti"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = body.GetProperty("id").GetInt64();
        var (_, definition) = await open311.GetJsonAsync("/services/G1.json?locale=en");
        Assert.Equal(["surface", "size_m2"], definition.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        var requestId = await open311.SubmitAsync(("service_code", "G1"), ("address_string", "Δημαρχείο"), ("attribute[surface]", "monument"));

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/admin/services/{id}", Category("G1", "Graffiti removal"))).Response.StatusCode);
        Assert.Equal("Graffiti removal", await NameInOpen311Async("G1"));
        // A request's answer names its category from the catalogue in memory: the new name at once, in lists too.
        Assert.Equal("Graffiti removal", (await open311.GetRequestJsonAsync(requestId, "?locale=en")).GetProperty("service_name").GetString());
        Assert.Equal("Graffiti removal", (await open311.GetJsonAsync("/requests.json?service_code=G1&locale=en")).Body[0].GetProperty("service_name").GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/admin/services/{id}", Category("G1", "Graffiti removal", isPublic: false))).Response.StatusCode);
        Assert.Null(await NameInOpen311Async("G1"));
        // Private now: its requests leave Open311 at once, by id and in every list.
        Assert.Equal(HttpStatusCode.NotFound, (await open311.GetJsonAsync($"/requests/{requestId}.json")).Response.StatusCode);
        Assert.Equal(0, (await open311.GetJsonAsync($"/requests.json?service_request_id={requestId}")).Body.GetArrayLength());
        Assert.Equal(0, (await open311.GetJsonAsync("/requests.json?service_code=G1")).Body.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/admin/services/{id}", Category("G1", "Graffiti removal", active: false))).Response.StatusCode);
        Assert.Null(await NameInOpen311Async("G1"));
        // Retired but public again: the category takes no new requests, and its requests show as before.
        Assert.Equal("G1", (await open311.GetRequestJsonAsync(requestId)).GetProperty("service_code").GetString());
        Assert.Equal(requestId, (await open311.GetJsonAsync("/requests.json?service_code=G1")).Body[0].GetProperty("service_request_id").GetString());
        var refused = await open311.PostAsync("json", ("api_key", Api.Hosting.DemoData.ApiKey), ("service_code", "G1"), ("address_string", "x"));
        await GeoReportClient.AssertJsonErrorAsync(refused, HttpStatusCode.NotFound);

        var inUse = AdminClient.AssertProblem(await admin.DeleteAsync($"/admin/services/{id}"), HttpStatusCode.Conflict);
        Assert.Contains("deactivate", inUse.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CatalogueChangedBehindTheServicesBack_ReachesOpen311ThroughPostgresNotifications()
    {
        Assert.Equal("Street lighting fault", await NameInOpen311Async("006")); // now cached
        await using (var connection = new Npgsql.NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var rename = new Npgsql.NpgsqlCommand("UPDATE service_categories SET name = name || '{\"en\": \"Street light out\"}' WHERE code = '006'", connection);
            await rename.ExecuteNonQueryAsync();
        }

        var seen = "";
        for (var attempt = 0; attempt < 50 && seen != "Street light out"; attempt++)
        {
            await Task.Delay(100);
            seen = await NameInOpen311Async("006") ?? "";
        }

        Assert.Equal("Street light out", seen);
    }

    [Fact]
    public async Task UnusedCategory_CanBeDeleted_AndCodesAreUnique()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (_, body) = await admin.PostAsync("/admin/services", Category("G2", "Temporary"));

        AdminClient.AssertProblem(await admin.PostAsync("/admin/services", Category("G2", "Again")), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/admin/services/{body.GetProperty("id").GetInt64()}")).Response.StatusCode);
        Assert.Null(await NameInOpen311Async("G2"));
    }

    [Theory]
    [InlineData("code", "bad code!")]
    [InlineData("attributes", "list without values")]
    [InlineData("default_department_id", "unknown department")]
    public async Task InvalidCategory_Returns400WithTheField(string field, string why)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        object body = why switch
        {
            "bad code!" => Category("bad code!", "x"),
            "unknown department" => Category("G3", "x", departmentId: 999999),
            _ => new
            {
                code = "G4", name_el = "x", name_en = "x", description_el = "", description_en = "", group_el = "x", group_en = "x",
                attributes = new[] { new { code = "a", datatype = "singlevaluelist", required = true, order = 1, description_el = "x", description_en = "x" } },
            },
        };

        var problem = AdminClient.AssertProblem(await admin.PostAsync("/admin/services", body), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Departments_ChartRulesAndInUseDeletion()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var technical = await DemoRequests.DepartmentIdAsync(app, "Technical Services Directorate");

        var (created, section) = await admin.PostAsync("/admin/departments",
            new { name_el = "Τμήμα Αποχέτευσης", name_en = "Drainage Section", email = "drains@heraklion.gr", parent_id = technical });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = section.GetProperty("id").GetInt64();

        var cycle = AdminClient.AssertProblem(await admin.PutAsync($"/admin/departments/{technical}",
            new { name_el = "Διεύθυνση Τεχνικών Υπηρεσιών", name_en = "Technical Services Directorate", parent_id = id }), HttpStatusCode.BadRequest);
        Assert.True(cycle.GetProperty("errors").TryGetProperty("parent_id", out _));
        AdminClient.AssertProblem(await admin.DeleteAsync($"/admin/departments/{technical}"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/admin/departments/{id}")).Response.StatusCode);
        var (_, all) = await admin.GetAsync("/admin/departments");
        Assert.DoesNotContain(all.EnumerateArray(), d => d.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Workflows_CustomWorkflowDrivesItsCategory_AndStatesInUseAreKept()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        object Workflow(bool withChecked) => new
        {
            name_el = "Σύντομη ροή", name_en = "Short workflow",
            states = new List<object>
            {
                new { code = "new", label_el = "Νέο", label_en = "New", status = "open", initial = true },
                new { code = "done", label_el = "Έγινε", label_en = "Done", status = "closed" },
            }.Concat(withChecked ? [new { code = "checked", label_el = "Ελέγχθηκε", label_en = "Checked", status = "open", initial = false }] : []).ToList(),
            transitions = new List<object> { new { from = "new", to = "done", roles = new[] { "admin", "dispatcher" }, requires_public_note = false } },
        };

        var (created, workflow) = await admin.PostAsync("/admin/workflows", Workflow(withChecked: true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var workflowId = workflow.GetProperty("id").GetInt64();
        var category = JsonSerializer.SerializeToNode(Category("W1", "Short"))!.AsObject();
        category["workflow_id"] = workflowId;
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/admin/services", category)).Response.StatusCode);

        var id = await DemoRequests.SubmitAsync(app, ("service_code", "W1"), ("address_string", "x"), ("attribute[surface]", "wall"));
        var detail = await admin.RequestAsync(id);
        Assert.Equal("new", detail.GetProperty("request").GetProperty("state").GetString());
        Assert.Equal(["done"], detail.GetProperty("allowed_transitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/admin/workflows/{workflowId}", Workflow(withChecked: false))).Response.StatusCode);
        var edited = JsonSerializer.SerializeToNode(Workflow(false))!.AsObject();
        edited["states"]!.AsArray().RemoveAt(0);
        edited["states"]!.AsArray()[0]!["initial"] = true;
        edited["transitions"] = new System.Text.Json.Nodes.JsonArray();
        AdminClient.AssertProblem(await admin.PutAsync($"/admin/workflows/{workflowId}", edited), HttpStatusCode.Conflict);
        AdminClient.AssertProblem(await admin.DeleteAsync($"/admin/workflows/{workflowId}"), HttpStatusCode.Conflict);
        var (_, invalid) = await admin.PostAsync("/admin/workflows", new { name_el = "x", name_en = "x", states = Array.Empty<object>(), transitions = Array.Empty<object>() });
        Assert.True(invalid.GetProperty("errors").TryGetProperty("states", out _));
    }

    private async Task<string?> NameInOpen311Async(string code)
    {
        var (_, services) = await app.GeoReport().GetJsonAsync("/services.json?locale=en");
        return services.EnumerateArray().FirstOrDefault(s => s.GetProperty("service_code").GetString() == code) is { ValueKind: JsonValueKind.Object } found
            ? found.GetProperty("service_name").GetString()
            : null;
    }
}

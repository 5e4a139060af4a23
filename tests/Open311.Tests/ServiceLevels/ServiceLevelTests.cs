using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.ServiceLevels;

/// <summary>
/// Service levels as staff and integrators meet them: which target applies, the admin API, the
/// staff list and detail, Open311's expected_datetime, and changes of category and priority. On a
/// clock the test sets, in November 2026 (Athens, UTC+2), on the demo's 08:00–14:30 calendar.
/// </summary>
public class ServiceLevelTests(FixedTimeApp app) : IClassFixture<FixedTimeApp>
{
    private static readonly TimeSpan Athens = TimeSpan.FromHours(2);

    // Two overlapping squares around a point near the harbour: Alpha (the lighting section's, made first) and Beta (the police's).
    private const double Lat = 35.344, Long = 25.136;

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Athens);

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static object Square(double size) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { Long - size, Lat - size }, new[] { Long + size, Lat - size }, new[] { Long + size, Lat + size }, new[] { Long - size, Lat + size }, new[] { Long - size, Lat - size } } },
    };

    [Fact]
    public async Task MostSpecificTargetWins_AndRerouteRepicksItByTheNewDepartmentsArea()
    {
        app.Clock.Set(At(11, 2, 8, 0)); // a Monday
        var admin = await AdminClient.SignInAsync(app, "admin");
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (lighting, police) = (await DemoRequests.DepartmentIdAsync(app, "Street Lighting Section"), await DemoRequests.DepartmentIdAsync(app, "Municipal Police"));
        var alpha = await AreaAsync(admin, "Alpha", lighting, 0.004);
        var beta = await AreaAsync(admin, "Beta", police, 0.002);
        var lamps = await ServiceIdAsync("006");
        // The demo has 006 at 390/1170 and, urgent, 120/390.
        await LevelAsync(admin, new { service_id = lamps, area_id = alpha, response_minutes = 100, resolution_minutes = 200 });
        await LevelAsync(admin, new { service_id = lamps, area_id = alpha, priority = "urgent", response_minutes = 50, resolution_minutes = 100 });
        await LevelAsync(admin, new { service_id = lamps, area_id = beta, response_minutes = 30, resolution_minutes = 60 });

        async Task<JsonElement> RecordAsync(double lat, string? priority) =>
            (await Created(dispatcher.PostAsync("/admin/requests", new
            {
                service_code = "006", channel = "phone", lat, @long = Long, priority, attributes = new Dictionary<string, string> { ["fault"] = "off" },
            }))).GetProperty("request");

        var outside = await RecordAsync(35.30, null);
        var outsideUrgent = await RecordAsync(35.30, "urgent");
        var inside = await RecordAsync(Lat, null);
        var insideUrgent = await RecordAsync(Lat, "urgent");

        Assert.Equal((390, 1170), Targets(outside));
        Assert.Equal((120, 390), Targets(outsideUrgent));
        Assert.Equal((100, 200), Targets(inside));
        Assert.Equal((50, 100), Targets(insideUrgent));
        Assert.Equal("urgent", insideUrgent.GetProperty("priority").GetString());
        await using (var db = app.Db())
        {
            Assert.Equal(alpha, (await db.Requests.SingleAsync(r => r.Id == inside.GetProperty("id").GetInt64())).AreaId);
        }

        // Two working hours later the police take it: their area's target applies, the two hours used kept.
        app.Clock.Set(At(11, 2, 10, 0));
        var id = inside.GetProperty("id").GetInt64();
        var (rerouted, detail) = await dispatcher.PutAsync($"/admin/requests/{id}/department", new { department_id = police, version = await dispatcher.VersionAsync(id) });
        Assert.Equal(HttpStatusCode.OK, rerouted.StatusCode);
        var clocks = detail.GetProperty("request").GetProperty("service_level");
        Assert.Equal((30, 60), Targets(detail.GetProperty("request")));
        Assert.Equal(At(11, 2, 9, 0), clocks.GetProperty("resolution_due_at").GetDateTimeOffset()); // 60 minutes from 08:00: already past
        Assert.True(clocks.GetProperty("resolution_breached").GetBoolean());
        Assert.Equal(-60, clocks.GetProperty("resolution_minutes_left").GetInt32());
        Assert.True(clocks.GetProperty("response_breached").GetBoolean());
        await using (var db = app.Db())
        {
            Assert.Equal(beta, (await db.Requests.SingleAsync(r => r.Id == id)).AreaId);
        }
    }

    [Fact]
    public async Task Admin_ChecksServiceLevels_AuditsChanges_AndStaffReadThem()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var bins = await ServiceIdAsync("012");

        var noTarget = AdminClient.AssertProblem(await admin.PostAsync("/admin/service-levels", new { service_id = bins, priority = "high" }), HttpStatusCode.BadRequest);
        Assert.True(noTarget.GetProperty("errors").TryGetProperty("resolution_minutes", out _), noTarget.ToString());
        var bad = AdminClient.AssertProblem(await admin.PostAsync("/admin/service-levels", new { service_id = 999999, area_id = 999999, response_minutes = 0 }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["area_id", "response_minutes", "service_id"], bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        AdminClient.AssertProblem(await admin.PostAsync("/admin/service-levels", new { service_id = bins, priority = "sometime", response_minutes = 5 }),
            HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await admin.PostAsync("/admin/service-levels", new { service_id = bins, resolution_minutes = 5 }), HttpStatusCode.Conflict); // the demo's own

        var created = await Created(admin.PostAsync("/admin/service-levels", new { service_id = bins, priority = "high", response_minutes = 60, resolution_minutes = 390 }));
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("high", created.GetProperty("priority").GetString());
        AdminClient.AssertProblem(await (await AdminClient.SignInAsync(app, "dispatcher")).PutAsync($"/admin/service-levels/{id}",
            new { service_id = bins, response_minutes = 1 }), HttpStatusCode.Forbidden);
        var (_, listed) = await (await AdminClient.SignInAsync(app, "viewer")).GetAsync("/admin/service-levels");
        Assert.Contains(listed.EnumerateArray(), l => l.GetProperty("id").GetInt64() == id && l.GetProperty("resolution_minutes").GetInt32() == 390);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/admin/service-levels/{id}")).Response.StatusCode);
        AdminClient.AssertProblem(await admin.DeleteAsync($"/admin/service-levels/{id}"), HttpStatusCode.NotFound);
        var (_, audit) = await admin.GetAsync($"/admin/audit?entity=service_level&entity_id={id}");
        Assert.Equal(["created", "deleted"], audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).Order());
    }

    [Fact]
    public async Task StaffList_ShowsFiltersAndSortsByTheClocks_AndOpen311TellsTheDueTime()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var start = At(11, 9, 8, 0); // a Monday
        app.Clock.Set(start);
        var lamp = await DemoRequests.LightingAsync(app);   // 1170 minutes: due Wednesday 14:30
        var pothole = await DemoRequests.RoadsAsync(app);   // 1950 minutes: due Friday 14:30
        var waiting = await DemoRequests.RoadsAsync(app);
        await MoveAsync(dispatcher, waiting, "in_progress");
        await MoveAsync(dispatcher, waiting, DemoServiceLevels.WaitingCode);
        await SetPriorityAsync(dispatcher, pothole, "high");
        // A public note answers the citizen; a priority change does not.
        var (noted, _) = await dispatcher.PostAsync($"/admin/requests/{pothole}/notes", new { text = "Θα έρθει συνεργείο.", @public = true, version = await dispatcher.VersionAsync(pothole) });
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);

        app.Clock.Set(At(11, 12, 9, 0)); // Thursday: the lamp is late, the pothole is not
        var mine = $"from={Uri.EscapeDataString(Iso(start))}&to={Uri.EscapeDataString(Iso(start))}&page_size=50"; // only this test's
        var sorted = await IdsAsync(dispatcher, $"{mine}&sort=resolution_due");
        Assert.Equal([lamp, pothole, waiting], sorted); // soonest due first; waiting (no due time) last
        Assert.Equal([lamp], await IdsAsync(dispatcher, $"{mine}&breached=true"));
        Assert.Equal([waiting, pothole], await IdsAsync(dispatcher, $"{mine}&breached=false"));
        Assert.Equal([lamp], await IdsAsync(dispatcher, $"{mine}&due_before={Uri.EscapeDataString(Iso(At(11, 12, 0, 0)))}"));
        Assert.Equal([pothole], await IdsAsync(dispatcher, $"{mine}&priority=high"));
        Assert.Equal([lamp], await IdsAsync(dispatcher, $"{mine}&overdue=true"));
        Assert.Equal(1, await OverdueCountedAsync(dispatcher, start)); // the statistics' SQL twin agrees

        var (_, page) = await dispatcher.GetAsync($"/admin/requests?{mine}&sort=resolution_due");
        var rows = page.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt64(), r => r.GetProperty("service_level"));
        Assert.Equal(At(11, 11, 14, 30), rows[lamp].GetProperty("resolution_due_at").GetDateTimeOffset());
        Assert.Equal(-60, rows[lamp].GetProperty("resolution_minutes_left").GetInt32());
        Assert.True(rows[lamp].GetProperty("resolution_breached").GetBoolean());
        Assert.True(rows[lamp].GetProperty("response_breached").GetBoolean()); // nobody answered within the day
        Assert.Equal(390 + 330, rows[pothole].GetProperty("resolution_minutes_left").GetInt32()); // the rest of Thursday and Friday
        Assert.False(rows[pothole].GetProperty("resolution_breached").GetBoolean());
        Assert.Equal((start, false), (rows[pothole].GetProperty("first_response_at").GetDateTimeOffset(), rows[pothole].GetProperty("response_breached").GetBoolean()));
        Assert.True(rows[waiting].GetProperty("paused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rows[waiting].GetProperty("resolution_due_at").ValueKind);
        Assert.Equal(1950, rows[waiting].GetProperty("resolution_minutes_left").GetInt32());
        Assert.False(rows[waiting].GetProperty("response_breached").GetBoolean());
        Assert.Equal("high", (await dispatcher.RequestAsync(pothole)).GetProperty("request").GetProperty("priority").GetString());

        // Open311: the service level's due time unless staff set one; nothing while waiting.
        var open311 = app.GeoReport();
        Assert.Equal(Iso(At(11, 13, 14, 30)), (await open311.GetRequestJsonAsync(pothole.ToString(CultureInfo.InvariantCulture))).GetProperty("expected_datetime").GetString()!);
        Assert.Equal(JsonValueKind.Null, (await open311.GetRequestJsonAsync(waiting.ToString(CultureInfo.InvariantCulture))).GetProperty("expected_datetime").ValueKind);
        var promised = At(11, 20, 12, 0);
        var (set, _) = await dispatcher.PutAsync($"/admin/requests/{lamp}/expected", new { expected_datetime = Iso(promised), version = await dispatcher.VersionAsync(lamp) });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(Iso(promised), (await open311.GetRequestJsonAsync(lamp.ToString(CultureInfo.InvariantCulture))).GetProperty("expected_datetime").GetString()!);
        var xml = XDocument.Parse(await app.CreateClient().GetStringAsync($"{GeoReportClient.Base}/requests/{pothole}.xml"));
        Assert.Equal(At(11, 13, 14, 30), DateTimeOffset.Parse(xml.Descendants("expected_datetime").Single().Value, CultureInfo.InvariantCulture));
        // Staff's promise now rules "overdue" for the lamp; its service level still says breached.
        Assert.Empty(await IdsAsync(dispatcher, $"{mine}&overdue=true"));
        Assert.Equal(0, await OverdueCountedAsync(dispatcher, start));
        Assert.Equal([lamp], await IdsAsync(dispatcher, $"{mine}&breached=true"));

        AdminClient.AssertProblem(await dispatcher.GetAsync("/admin/requests?breached=maybe&sort=oldest&priority=soon&due_before=friday"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CategoryChange_RepicksTheTarget_RefusesAWorkflowWithoutTheState_AndIsRecordedPrivately()
    {
        app.Clock.Set(At(11, 16, 8, 0)); // a Monday
        var admin = await AdminClient.SignInAsync(app, "admin");
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var other = await OtherWorkflowCategoryAsync(admin);
        var id = await DemoRequests.LightingAsync(app);

        app.Clock.Set(At(11, 16, 9, 0));
        var refused = AdminClient.AssertProblem(await dispatcher.PutAsync($"/admin/requests/{id}/category",
            new { service_code = other, version = await dispatcher.VersionAsync(id) }), HttpStatusCode.BadRequest);
        Assert.Contains("'received'", refused.GetProperty("detail").GetString());
        AdminClient.AssertProblem(await (await AdminClient.SignInAsync(app, "lighting")).PutAsync($"/admin/requests/{id}/category",
            new { service_code = "005", version = await dispatcher.VersionAsync(id) }), HttpStatusCode.Forbidden);

        var (changed, detail) = await dispatcher.PutAsync($"/admin/requests/{id}/category",
            new { service_code = "005", version = await dispatcher.VersionAsync(id), reason = "Λακκούβα, όχι λάμπα" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var request = detail.GetProperty("request");
        Assert.Equal(("005", "received"), (request.GetProperty("service_code").GetString(), request.GetProperty("state").GetString()));
        Assert.Equal((390, 1950), Targets(request));
        // From Monday 08:00 the whole week: 1950 = 5 × 390.
        Assert.Equal(At(11, 20, 14, 30), request.GetProperty("service_level").GetProperty("resolution_due_at").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var (_, history) = await dispatcher.GetAsync($"/admin/requests/{id}/history");
        var change = history.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "categorychanged");
        Assert.False(change.GetProperty("is_public").GetBoolean());
        Assert.Equal("006", change.GetProperty("changes").GetProperty("service_code").GetProperty("before").GetString());
        Assert.Equal("005", (await app.GeoReport().GetRequestJsonAsync(id.ToString(CultureInfo.InvariantCulture))).GetProperty("service_code").GetString());
        Assert.DoesNotContain("Λακκούβα, όχι λάμπα", (await app.GeoReport().GetRequestJsonAsync(id.ToString(CultureInfo.InvariantCulture))).ToString());
    }

    [Fact]
    public async Task PriorityChange_TightensTheTarget_KeepingTheTimeUsed()
    {
        app.Clock.Set(At(11, 23, 8, 0)); // a Monday
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var id = await DemoRequests.RoadsAsync(app);

        app.Clock.Set(At(11, 23, 10, 0));
        var detail = await SetPriorityAsync(dispatcher, id, "urgent");
        var request = detail.GetProperty("request");
        Assert.Equal("urgent", request.GetProperty("priority").GetString());
        Assert.Equal((60, 390), Targets(request));
        // Urgent roads: one working day from Monday 08:00, so 14:30 today; 120 minutes are gone.
        Assert.Equal(At(11, 23, 14, 30), request.GetProperty("service_level").GetProperty("resolution_due_at").GetDateTimeOffset());
        Assert.Equal(270, request.GetProperty("service_level").GetProperty("resolution_minutes_left").GetInt32());

        AdminClient.AssertProblem(await dispatcher.PutAsync($"/admin/requests/{id}/priority", new { priority = "urgent", version = await dispatcher.VersionAsync(id) }),
            HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await dispatcher.PutAsync($"/admin/requests/{id}/priority", new { priority = "soonish", version = await dispatcher.VersionAsync(id) }),
            HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await (await AdminClient.SignInAsync(app, "viewer")).PutAsync($"/admin/requests/{id}/priority",
            new { priority = "low", version = await dispatcher.VersionAsync(id) }), HttpStatusCode.Forbidden);
        var (_, history) = await dispatcher.GetAsync($"/admin/requests/{id}/history");
        var change = history.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "prioritychanged");
        Assert.Equal("normal", change.GetProperty("changes").GetProperty("priority").GetProperty("before").GetString());
        Assert.False(change.GetProperty("is_public").GetBoolean());
    }

    /// <summary>A category on a workflow of its own, whose states are not the default workflow's, with a waiting state set through the workflow API.</summary>
    private static async Task<string> OtherWorkflowCategoryAsync(AdminClient admin)
    {
        var workflow = await Created(admin.PostAsync("/admin/workflows", new
        {
            name_el = "Σύντομη", name_en = "Short",
            states = new object[]
            {
                new { code = "new", status = "open", label_el = "Νέο", label_en = "New", initial = true },
                new { code = "waiting_citizen", status = "open", label_el = "Αναμονή πολίτη", label_en = "Waiting for the citizen", pauses_clock = true },
                new { code = "done", status = "closed", label_el = "Έγινε", label_en = "Done" },
            },
            transitions = new[] { new { from = "new", to = "done", roles = new[] { "dispatcher" } } },
        }));
        Assert.True(workflow.GetProperty("states")[1].GetProperty("pauses_clock").GetBoolean());
        AdminClient.AssertProblem(await admin.PutAsync($"/admin/workflows/{workflow.GetProperty("id").GetInt64()}", new
        {
            name_el = "Σύντομη", name_en = "Short",
            states = new object[]
            {
                new { code = "new", status = "open", label_el = "Νέο", label_en = "New", initial = true },
                new { code = "done", status = "closed", label_el = "Έγινε", label_en = "Done", pauses_clock = true },
            },
            transitions = Array.Empty<object>(),
        }), HttpStatusCode.BadRequest);
        await Created(admin.PostAsync("/admin/services", new
        {
            code = "SLW", name_el = "Άλλη ροή", name_en = "Other workflow", description_el = "", description_en = "", group_el = "Άλλα", group_en = "Other",
            type = "realtime", workflow_id = workflow.GetProperty("id").GetInt64(),
        }));
        return "SLW";
    }

    private static (int, int) Targets(JsonElement request)
    {
        var clocks = request.GetProperty("service_level");
        return (clocks.GetProperty("response_target_minutes").GetInt32(), clocks.GetProperty("resolution_target_minutes").GetInt32());
    }

    private static async Task<JsonElement> Created(Task<(HttpResponseMessage Response, JsonElement Body)> call)
    {
        var (response, body) = await call;
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    private static async Task<long> AreaAsync(AdminClient admin, string name, long department, double size) =>
        (await Created(admin.PostAsync("/admin/areas", new { name, department_id = department, geometry = Square(size) }))).GetProperty("id").GetInt64();

    private static Task LevelAsync(AdminClient admin, object level) => Created(admin.PostAsync("/admin/service-levels", level));

    private async Task<long> ServiceIdAsync(string code)
    {
        await using var db = app.Db();
        return (await db.Services.SingleAsync(s => s.Code == code && s.JurisdictionId == DemoCatalog.JurisdictionId)).Id;
    }

    private static async Task<List<long>> IdsAsync(AdminClient staff, string query)
    {
        var (response, page) = await staff.GetAsync($"/admin/requests?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, page.ToString());
        return [.. page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];
    }

    /// <summary>What the statistics count as overdue among requests made at <paramref name="at"/> (their window is [from, to)).</summary>
    private static async Task<long> OverdueCountedAsync(AdminClient staff, DateTimeOffset at)
    {
        var (response, statistics) = await staff.GetAsync(
            $"/admin/statistics?group_by=channel&from={Uri.EscapeDataString(Iso(at))}&to={Uri.EscapeDataString(Iso(at.AddMinutes(1)))}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, statistics.ToString());
        return statistics.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("overdue").GetInt64());
    }

    private static async Task MoveAsync(AdminClient staff, long id, string to)
    {
        var (response, body) = await staff.PostAsync($"/admin/requests/{id}/transitions", new { to, version = await staff.VersionAsync(id) });
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
    }

    private static async Task<JsonElement> SetPriorityAsync(AdminClient staff, long id, string priority)
    {
        var (response, body) = await staff.PutAsync($"/admin/requests/{id}/priority", new { priority, version = await staff.VersionAsync(id) });
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.WorkOrders;

/// <summary>
/// A fallen tree: Parks cuts it, Roads clears the street, Lighting mends the pole. Work orders over HTTP on the real database:
/// who sees and moves which, progress, closing when the last is done, what Open311 shows, statistics and concurrency. On a clock
/// the test sets (the demo calendar: Monday to Friday 08:00–14:30, Athens).
/// </summary>
public class WorkOrderTests(FixedTimeApp app) : IClassFixture<FixedTimeApp>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(2));

    private const string StaffPassword = "a fallen tree on the pavement";

    /// <summary>A fresh lighting request split into Parks, Roads and Lighting work orders by the dispatcher; their ids by department.</summary>
    private async Task<(long Request, Dictionary<string, JsonElement> WorkOrders)> FallenTreeAsync(AdminClient dispatcher)
    {
        var request = await DemoRequests.LightingAsync(app);
        foreach (var department in new[] { Parks, Roads, Lighting })
        {
            var created = await dispatcher.PostAsync($"/admin/requests/{request}/work-orders",
                new { department_id = await DepartmentAsync(department), notes = $"internal: {department} crew, bring the big saw" });
            Assert.True(created.Response.StatusCode == HttpStatusCode.Created, created.Body.ToString());
        }

        return (request, await WorkOrdersAsync(dispatcher, request));
    }

    private const string Parks = "Parks and Green Spaces Directorate", Roads = "Roads Section", Lighting = "Street Lighting Section";

    private async Task<Dictionary<string, JsonElement>> WorkOrdersAsync(AdminClient client, long request)
    {
        var (response, body) = await client.GetAsync($"/admin/requests/{request}/work-orders");
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        var names = new Dictionary<long, string>();
        foreach (var department in new[] { Parks, Roads, Lighting })
        {
            names[await DepartmentAsync(department)] = department;
        }

        return body.GetProperty("items").EnumerateArray().ToDictionary(w => names[w.GetProperty("department_id").GetInt64()], w => w);
    }

    private Task<long> DepartmentAsync(string name) => DemoRequests.DepartmentIdAsync(app, name);

    /// <summary>A staff account of the department (made once per class), signed in.</summary>
    private async Task<AdminClient> StaffOfAsync(string username, string department)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var made = await admin.PostAsync("/admin/staff", new
        {
            username, display_name = username, role = "staff", department_id = await DepartmentAsync(department), password = StaffPassword,
        });
        Assert.True(made.Response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, made.Body.ToString());
        return await AdminClient.SignInAsync(app, username, StaffPassword);
    }

    private static Task<(HttpResponseMessage Response, JsonElement Body)> MoveAsync(AdminClient client, JsonElement workOrder, string state,
        string? publicNote = null, string? notes = null) =>
        client.PutAsync($"/admin/work-orders/{workOrder.GetProperty("id").GetInt64()}", new
        {
            version = workOrder.GetProperty("version").GetUInt32(), state, notes, public_note = publicNote,
            assignee_id = workOrder.GetProperty("assignee_id").ValueKind == JsonValueKind.Null ? (long?)null : workOrder.GetProperty("assignee_id").GetInt64(),
        });

    private static JsonElement Done((HttpResponseMessage Response, JsonElement Body) answer)
    {
        Assert.True(answer.Response.StatusCode == HttpStatusCode.OK, answer.Body.ToString());
        return answer.Body;
    }

    private async Task SetCompletionAsync(string completion)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        Assert.Equal(completion, Done(await admin.PutAsync("/admin/work-orders/settings", new { completion })).GetProperty("completion").GetString());
    }

    [Fact]
    public async Task ADepartmentWithOnlyAWorkOrder_DoesNotAttachCallersToTheRequest()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (request, _) = await FallenTreeAsync(dispatcher);
        var parks = await StaffOfAsync("parks", Parks);

        AdminClient.AssertProblem(await parks.PostAsync($"/admin/requests/{request}/followers", new { phone = "6944555111", notify_sms = true }),
            HttpStatusCode.NotFound);
        var (attached, body) = await dispatcher.PostAsync($"/admin/requests/{request}/followers", new { phone = "6944555111", notify_sms = true });
        Assert.True(attached.StatusCode == HttpStatusCode.Created, body.ToString());
    }

    [Fact]
    public async Task EachDepartmentSeesAndMovesOnlyItsOwn_AndADepartmentWithoutOneSeesNothing()
    {
        app.Clock.Set(Monday);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var roads = await AdminClient.SignInAsync(app, "roads");
        var parks = await StaffOfAsync("parks", Parks);
        var traffic = await StaffOfAsync("traffic", "Traffic and Signage Section");
        var (request, orders) = await FallenTreeAsync(dispatcher);

        // Roads sees the lighting request through its work order: in its list, its detail and its work-order list.
        Assert.Equal(request, (await roads.RequestAsync(request)).GetProperty("request").GetProperty("id").GetInt64());
        var roadsList = Done(await roads.GetAsync("/admin/work-orders?page_size=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(roadsList, w => w.GetProperty("id").GetInt64() == orders[Roads].GetProperty("id").GetInt64());
        Assert.All(roadsList, w => Assert.Equal(orders[Roads].GetProperty("department_id").GetInt64(), w.GetProperty("department_id").GetInt64()));
        Assert.Contains(Done(await roads.GetAsync("/admin/requests?page_size=200")).GetProperty("items").EnumerateArray(),
            r => r.GetProperty("id").GetInt64() == request);

        // Each moves its own; not another department's work order, nor the request itself.
        Done(await MoveAsync(roads, orders[Roads], "started"));
        Done(await MoveAsync(parks, orders[Parks], "started"));
        AdminClient.AssertProblem(await MoveAsync(roads, orders[Parks], "done"), HttpStatusCode.Forbidden);
        AdminClient.AssertProblem(await MoveAsync(parks, orders[Lighting], "done"), HttpStatusCode.Forbidden);
        AdminClient.AssertProblem(await roads.PostAsync($"/admin/requests/{request}/notes",
            new { text = "not ours", @public = false, version = await roads.VersionAsync(request) }), HttpStatusCode.Forbidden);
        AdminClient.AssertProblem(await roads.PostAsync($"/admin/requests/{request}/work-orders", new { department_id = await DepartmentAsync("Municipal Police") }),
            HttpStatusCode.Forbidden);

        var now = await WorkOrdersAsync(dispatcher, request);
        Assert.Equal(("started", "started", "open"),
            (now[Roads].GetProperty("state").GetString(), now[Parks].GetProperty("state").GetString(), now[Lighting].GetProperty("state").GetString()));

        // A department without a work order on it sees nothing of it.
        AdminClient.AssertProblem(await traffic.GetAsync($"/admin/requests/{request}"), HttpStatusCode.NotFound);
        AdminClient.AssertProblem(await traffic.GetAsync($"/admin/requests/{request}/work-orders"), HttpStatusCode.NotFound);
        AdminClient.AssertProblem(await traffic.GetAsync($"/admin/requests/{request}/history"), HttpStatusCode.NotFound);
        AdminClient.AssertProblem(await MoveAsync(traffic, now[Roads], "done"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(Done(await traffic.GetAsync("/admin/work-orders")).GetProperty("items").EnumerateArray(),
            w => w.GetProperty("request_id").GetInt64() == request);
        Assert.DoesNotContain(Done(await traffic.GetAsync("/admin/requests?page_size=200")).GetProperty("items").EnumerateArray(),
            r => r.GetProperty("id").GetInt64() == request);

        // Every change is a staff-only history event of the request.
        var history = Done(await dispatcher.GetAsync($"/admin/requests/{request}/history")).EnumerateArray().ToList();
        Assert.Equal(3, history.Count(e => e.GetProperty("kind").GetString() == "workorderadded" && !e.GetProperty("is_public").GetBoolean()));
        Assert.Equal(2, history.Count(e => e.GetProperty("kind").GetString() == "workorderchanged" && !e.GetProperty("is_public").GetBoolean()));
    }

    [Fact]
    public async Task Progress_AndTheLastDoneOffersTheClose_ByDefault()
    {
        app.Clock.Set(Monday);
        await SetCompletionAsync("offer");
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (request, orders) = await FallenTreeAsync(dispatcher);

        var progress = (await dispatcher.RequestAsync(request)).GetProperty("work_orders");
        Assert.Equal((3, 0, false, false), (progress.GetProperty("total").GetInt32(), progress.GetProperty("done").GetInt32(),
            progress.GetProperty("complete").GetBoolean(), progress.GetProperty("close_offered").GetBoolean()));

        Done(await MoveAsync(dispatcher, orders[Parks], "done"));
        Done(await MoveAsync(dispatcher, orders[Roads], "done"));
        progress = (await dispatcher.RequestAsync(request)).GetProperty("work_orders");
        Assert.Equal((3, 2, false), (progress.GetProperty("total").GetInt32(), progress.GetProperty("done").GetInt32(), progress.GetProperty("close_offered").GetBoolean()));

        var answer = Done(await MoveAsync(dispatcher, orders[Lighting], "done"));
        Assert.True(answer.GetProperty("progress").GetProperty("close_offered").GetBoolean());
        var detail = await dispatcher.RequestAsync(request);
        Assert.Equal("open", detail.GetProperty("request").GetProperty("status").GetString());
        Assert.Equal((3, 3, true, true), (detail.GetProperty("work_orders").GetProperty("total").GetInt32(), detail.GetProperty("work_orders").GetProperty("done").GetInt32(),
            detail.GetProperty("work_orders").GetProperty("complete").GetBoolean(), detail.GetProperty("work_orders").GetProperty("close_offered").GetBoolean()));
    }

    [Fact]
    public async Task CancelledOnesAreLeftOut_AndWithCloseTheLastDoneClosesWithAPublicNote_WhichOpen311ShowsWithoutInternalData()
    {
        app.Clock.Set(Monday);
        await SetCompletionAsync("close");
        try
        {
            var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
            var (request, orders) = await FallenTreeAsync(dispatcher);
            Done(await MoveAsync(dispatcher, orders[Roads], "cancelled", notes: "internal: the street was already clear"));
            Done(await MoveAsync(dispatcher, orders[Parks], "done", publicNote: "Ο πεσμένος κορμός κόπηκε και απομακρύνθηκε."));
            var progress = (await dispatcher.RequestAsync(request)).GetProperty("work_orders");
            Assert.Equal((2, 1, 1), (progress.GetProperty("total").GetInt32(), progress.GetProperty("done").GetInt32(), progress.GetProperty("cancelled").GetInt32()));
            Assert.Equal("open", (await dispatcher.RequestAsync(request)).GetProperty("request").GetProperty("status").GetString());

            Done(await MoveAsync(dispatcher, orders[Lighting], "done", publicNote: "Ο στύλος φωτισμού επισκευάστηκε."));
            var detail = await dispatcher.RequestAsync(request);
            Assert.Equal("closed", detail.GetProperty("request").GetProperty("status").GetString());
            Assert.False(detail.GetProperty("work_orders").GetProperty("close_offered").GetBoolean());
            var closing = Done(await dispatcher.GetAsync($"/admin/requests/{request}/history")).EnumerateArray()
                .Last(e => e.GetProperty("kind").GetString() == "statuschanged");
            Assert.Equal("system", closing.GetProperty("actor").GetString());
            Assert.True(closing.GetProperty("is_public").GetBoolean());

            // Open311: one request, closed, whose public notes say what was done; no work orders, departments' notes or ids.
            var (response, list) = await app.GeoReport().GetJsonAsync($"/requests/{request}.json?extensions=true");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, list.GetArrayLength());
            var open311 = list[0];
            Assert.Equal("closed", open311.GetProperty("status").GetString());
            var summaries = open311.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("summary").GetString()).ToList();
            Assert.Contains("Ο πεσμένος κορμός κόπηκε και απομακρύνθηκε.", summaries);
            Assert.Contains("Ο στύλος φωτισμού επισκευάστηκε.", summaries);
            Assert.Contains("Ολοκληρώθηκαν όλες οι εργασίες για το αίτημά σας.", summaries);
            var text = open311.GetRawText();
            Assert.DoesNotContain("internal:", text);
            Assert.DoesNotContain("work_order", text);
            Assert.DoesNotContain("big saw", (await app.GeoReport().GetJsonAsync($"/servicerequestupdates.json?start_date=2026-11-01T00:00:00Z&end_date=2026-11-03T00:00:00Z")).Body.GetRawText());

            // A closed request's work orders stay as they are until it is reopened.
            AdminClient.AssertProblem(await MoveAsync(dispatcher, (await WorkOrdersAsync(dispatcher, request))[Roads], "open"), HttpStatusCode.Conflict);
            AdminClient.AssertProblem(await dispatcher.PostAsync($"/admin/requests/{request}/work-orders", new { department_id = await DepartmentAsync("Municipal Police") }),
                HttpStatusCode.Conflict);
        }
        finally
        {
            await SetCompletionAsync("offer");
        }
    }

    [Fact]
    public async Task StatisticsCountWorkOrdersPerDepartment_WithTheDepartmentsTargetAndOverdue()
    {
        app.Clock.Set(Monday);
        var admin = await AdminClient.SignInAsync(app, "admin");
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var parksId = await DepartmentAsync(Parks);
        var department = Done(await admin.GetAsync("/admin/departments")).EnumerateArray().Single(d => d.GetProperty("id").GetInt64() == parksId);
        Done(await admin.PutAsync($"/admin/departments/{parksId}", new
        {
            name_el = department.GetProperty("name_el").GetString(), name_en = department.GetProperty("name_en").GetString(),
            email = department.GetProperty("email").GetString(), work_order_target_minutes = 60,
        }));

        const string period = "group_by=department&from=2026-11-02T00:00:00%2B02:00&to=2026-11-03T00:00:00%2B02:00";
        var before = await WorkOrderFiguresAsync(dispatcher, period, parksId);
        var (first, orders) = await FallenTreeAsync(dispatcher);
        Assert.Equal(Monday.AddHours(1), orders[Parks].GetProperty("due_at").GetDateTimeOffset());
        Assert.Equal(60, orders[Parks].GetProperty("target_minutes").GetInt32());
        Assert.Equal(JsonValueKind.Null, orders[Roads].GetProperty("due_at").ValueKind);
        Done(await MoveAsync(dispatcher, orders[Parks], "done"));
        var (_, later) = await FallenTreeAsync(dispatcher);

        // Two hours on: the second tree's Parks work order is past its hour.
        app.Clock.Set(Monday.AddHours(2));
        Assert.True((await WorkOrdersAsync(dispatcher, later.First().Value.GetProperty("request_id").GetInt64()))[Parks].GetProperty("overdue").GetBoolean());
        Assert.False((await WorkOrdersAsync(dispatcher, first))[Parks].GetProperty("overdue").GetBoolean());
        var after = await WorkOrderFiguresAsync(dispatcher, period, parksId);
        Assert.Equal(before.Received + 2, after.Received);
        Assert.Equal(before.Done + 1, after.Done);
        Assert.Equal(before.Open + 1, after.Open);
        Assert.Equal(before.Overdue + 1, after.Overdue);

        // A department's staff get their own department's work orders; the totals add up all of them.
        var parks = await StaffOfAsync("parks", Parks);
        var theirs = Done(await parks.GetAsync($"/admin/statistics?{period}"));
        Assert.All(theirs.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("work_orders").GetProperty("received").GetInt64() > 0),
            r => Assert.Equal(parksId.ToString(CultureInfo.InvariantCulture), r.GetProperty("key").GetString()));
        var all = Done(await dispatcher.GetAsync($"/admin/statistics?{period}"));
        Assert.Equal(all.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("work_orders").GetProperty("received").GetInt64()),
            all.GetProperty("totals").GetProperty("work_orders").GetProperty("received").GetInt64());
        Assert.False(Done(await dispatcher.GetAsync("/admin/statistics?group_by=channel")).GetProperty("totals").TryGetProperty("work_orders", out _));
    }

    private static async Task<(long Received, long Done, long Open, long Overdue)> WorkOrderFiguresAsync(AdminClient client, string period, long department)
    {
        var row = Done(await client.GetAsync($"/admin/statistics?{period}")).GetProperty("rows").EnumerateArray()
            .FirstOrDefault(r => r.GetProperty("key").GetString() == department.ToString(CultureInfo.InvariantCulture));
        if (row.ValueKind == JsonValueKind.Undefined)
        {
            return (0, 0, 0, 0);
        }

        var figures = row.GetProperty("work_orders");
        return (figures.GetProperty("received").GetInt64(), figures.GetProperty("done").GetInt64(), figures.GetProperty("open").GetInt64(),
            figures.GetProperty("overdue").GetInt64());
    }

    [Fact]
    public async Task TwoStaffMovingOneWorkOrderAtOnce_OneWinsAndTheOtherGets409()
    {
        app.Clock.Set(Monday);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var roads = await AdminClient.SignInAsync(app, "roads");
        var roads2 = await StaffOfAsync("roads2", Roads);
        for (var round = 0; round < 5; round++)
        {
            var (request, orders) = await FallenTreeAsync(dispatcher);
            var answers = await Task.WhenAll(MoveAsync(roads, orders[Roads], "started"), MoveAsync(roads2, orders[Roads], "done"),
                MoveAsync(dispatcher, orders[Roads], "cancelled"));
            Assert.Equal(1, answers.Count(a => a.Response.StatusCode == HttpStatusCode.OK));
            Assert.All(answers.Where(a => a.Response.StatusCode != HttpStatusCode.OK), a => AdminClient.AssertProblem(a, HttpStatusCode.Conflict));
            var history = Done(await dispatcher.GetAsync($"/admin/requests/{request}/history")).EnumerateArray();
            Assert.Equal(1, history.Count(e => e.GetProperty("kind").GetString() == "workorderchanged"));

            // Different departments' work orders of one request at once: each its own, both kept.
            var both = await Task.WhenAll(MoveAsync(dispatcher, orders[Parks], "started"), MoveAsync(dispatcher, orders[Lighting], "started"));
            Assert.All(both, a => Assert.Equal(HttpStatusCode.OK, a.Response.StatusCode));
        }
    }

    [Fact]
    public async Task BadInput_GetsProblemDetails_AndChangesNothing()
    {
        app.Clock.Set(Monday);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var viewer = await AdminClient.SignInAsync(app, "viewer");
        var (request, orders) = await FallenTreeAsync(dispatcher);
        var roads = orders[Roads];
        var path = $"/admin/work-orders/{roads.GetProperty("id").GetInt64()}";
        var version = roads.GetProperty("version").GetUInt32();

        AdminClient.AssertProblem(await dispatcher.PutAsync(path, new { version, state = "finished" }), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await dispatcher.PutAsync(path, new { version }), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await dispatcher.PutAsync(path, new { version, state = "done", notes = new string('x', 4001) }), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await dispatcher.PutAsync(path, new { version, state = "done", public_note = "bell\u0007" }), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await dispatcher.PutAsync(path, new { version, state = "done", assignee_id = 1 }), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await dispatcher.PutAsync(path, new { version = version + 1000, state = "done" }), HttpStatusCode.Conflict);
        AdminClient.AssertProblem(await dispatcher.PutAsync("/admin/work-orders/999999", new { version, state = "done" }), HttpStatusCode.NotFound);
        AdminClient.AssertProblem(await viewer.PutAsync(path, new { version, state = "done" }), HttpStatusCode.Forbidden);
        AdminClient.AssertProblem(await dispatcher.SendAsync(HttpMethod.Put, path, "not an object"), HttpStatusCode.BadRequest);

        var create = $"/admin/requests/{request}/work-orders";
        AdminClient.AssertProblem(await dispatcher.PostAsync(create, new { department_id = await DepartmentAsync(Roads) }), HttpStatusCode.Conflict);
        AdminClient.AssertProblem(await dispatcher.PostAsync(create, new { department_id = 999999 }), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await dispatcher.PostAsync(create, new { department_id = "parks" }), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await dispatcher.PostAsync("/admin/requests/999999/work-orders", new { department_id = await DepartmentAsync(Roads) }),
            HttpStatusCode.NotFound);

        foreach (var query in new[] { "state=finished", "page=0", "page_size=201", "department_id=roads" })
        {
            AdminClient.AssertProblem(await dispatcher.GetAsync($"/admin/work-orders?{query}"), HttpStatusCode.BadRequest);
        }

        var admin = await AdminClient.SignInAsync(app, "admin");
        AdminClient.AssertProblem(await admin.PutAsync("/admin/work-orders/settings", new { completion = "maybe" }), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await dispatcher.PutAsync("/admin/work-orders/settings", new { completion = "close" }), HttpStatusCode.Forbidden);
        Assert.Equal("offer", Done(await dispatcher.GetAsync("/admin/work-orders/settings")).GetProperty("completion").GetString());

        var unchanged = (await WorkOrdersAsync(dispatcher, request))[Roads];
        Assert.Equal(("open", version), (unchanged.GetProperty("state").GetString(), unchanged.GetProperty("version").GetUInt32()));
        Assert.Equal(3, Done(await dispatcher.GetAsync(create)).GetProperty("items").GetArrayLength());
    }
}

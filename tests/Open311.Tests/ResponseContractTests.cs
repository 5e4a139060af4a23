using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;
using Open311.Tests.Outbox;

namespace Open311.Tests;

/// <summary>
/// The contract checked against what the service says: real answers of every public and admin
/// operation, successes and refusals, validated against the schemas openapi.yaml gives for them.
/// </summary>
public class ResponseContractTests(ResponseContractTests.UndeliveredApp app) : IClassFixture<ResponseContractTests.UndeliveredApp>
{
    /// <summary>An outbox consumer but no worker, so every change leaves a pending delivery to look at, retry and discard.</summary>
    public sealed class UndeliveredApp() : OutboxApp(delivers: false)
    {
        public const string SmsSecret = "contract-sms-secret";

        protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Sms:InboundSecret", SmsSecret)];
    }

    private readonly OpenApiContract contract = OpenApiContract.Committed();

    [Fact]
    public async Task EveryGeoReportOperation_AnswersAsOpenApiYamlSays()
    {
        var http = app.CreateClient();
        Task<JsonElement> Get(string path, HttpStatusCode? refusal = null) => Check(http.GetAsync(GeoReportClient.Base + path), refusal);
        Task<JsonElement> Post(HttpContent form, HttpStatusCode? refusal = null) => Check(http.PostAsync(GeoReportClient.Base + "/requests.json", form), refusal);

        await Get("/discovery.json");
        await Get("/services.json?locale=en");
        await Get("/services/012.json");
        await NotModifiedAsync(http, "/services.json?locale=en");
        await NotModifiedAsync(http, "/services/012.json");
        var realtime = await Post(Form(("api_key", DemoData.ApiKey), ("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"),
            ("attribute[fault]", "off"), ("description", "Σβηστή λάμπα"), ("account_id", "app-user-1")));
        var id = realtime[0].GetProperty("service_request_id").GetString();
        var batch = await Post(Form(("api_key", DemoData.ApiKey), ("service_code", "004"), ("address_string", "Κνωσού 112"),
            ("attribute[item_types]", "furniture"), ("attribute[item_count]", "1"), ("extensions", "true")));
        await Get($"/tokens/{batch[0].GetProperty("token").GetString()}.json");
        await Get("/requests.json?extensions=true&page_size=20");
        await Get("/requests.json?q=lampa&extensions=true");
        await Get($"/requests/{id}.json?extensions=true&locale=en");
        await NotModifiedAsync(http, $"/requests/{id}.json?extensions=true&locale=en");

        using var photo = new MultipartFormDataContent
        {
            { new StringContent(DemoData.ApiKey), "api_key" },
            { new StringContent("001"), "service_code" },
            { new StringContent("Έβανς 10"), "address_string" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Resources", "photo-with-gps.jpg"))), "media", "photo.jpg" },
        };
        var withPhoto = (await Post(photo))[0].GetProperty("service_request_id").GetString();
        var mediaUrl = new Uri((await Get($"/requests/{withPhoto}.json"))[0].GetProperty("media_url").GetString()!);
        await Check(http.GetAsync(mediaUrl.AbsolutePath));

        await Get("/services/099.json", HttpStatusCode.NotFound);
        await Get($"/tokens/{Guid.NewGuid()}.json", HttpStatusCode.NotFound);
        await Get("/requests/999999999.json", HttpStatusCode.NotFound);
        await Get("/requests.json?start_date=yesterday", HttpStatusCode.BadRequest);
        await Get($"/media/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await Post(Form(("api_key", "wrong-key"), ("service_code", "001"), ("address_string", "Έβανς 10")), HttpStatusCode.Forbidden);
        await Post(Form(("api_key", DemoData.ApiKey), ("service_code", "001"), ("lat", "north")), HttpStatusCode.BadRequest);
        var (_, slow) = await (await AdminClient.SignInAsync(app, "admin")).PostAsync("/admin/clients", new { name = "Slow app", rate_limit_per_minute = 1 });
        var slowKey = slow.GetProperty("api_key").GetString()!;
        await Post(Form(("api_key", slowKey), ("service_code", "001"), ("address_string", "Έβανς 10")));
        await Post(Form(("api_key", slowKey), ("service_code", "001"), ("address_string", "Έβανς 10")), HttpStatusCode.TooManyRequests);
        await RequestUpdatesAsync(http, id!);
        await Check(http.PostAsync($"{GeoReportClient.Base}/requests/{id}/followers.json", Form(("api_key", DemoData.ApiKey), ("email", "metoo@example.gr"))));
        await Check(http.PostAsync($"{GeoReportClient.Base}/requests/999999999/followers.json", Form(("api_key", DemoData.ApiKey), ("email", "metoo@example.gr"))),
            HttpStatusCode.NotFound);
        contract.AssertEveryOperationChecked(GeoReportClient.Base);
    }

    private async Task RequestUpdatesAsync(HttpClient http, string id)
    {
        Task<JsonElement> PostUpdate(HttpContent form, HttpStatusCode? refusal = null) =>
            Check(http.PostAsync(GeoReportClient.Base + "/servicerequestupdates.json", form), refusal);
        (string, string)[] update = [("service_request_id", id), ("update_id", "contract-1"), ("status", "OPEN"),
            ("updated_datetime", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:sszzz")), ("description", "Ακόμα σβηστή"), ("email", "citizen@example.gr")];
        await PostUpdate(Form([("api_key", DemoData.ApiKey), .. update]));
        await PostUpdate(Form([("api_key", "wrong-key"), .. update]), HttpStatusCode.Forbidden);
        await PostUpdate(Form([("api_key", DemoData.ApiKey), .. update.Where(f => f.Item1 != "status")]), HttpStatusCode.BadRequest);
        await PostUpdate(Form([("api_key", DemoData.ApiKey), .. update.Where(f => f.Item1 is not ("service_request_id" or "update_id")), ("service_request_id", "999999999"), ("update_id", "contract-2")]), HttpStatusCode.NotFound);
        await Check(http.GetAsync(GeoReportClient.Base + "/servicerequestupdates.json?page_size=5"));
        await Check(http.GetAsync(GeoReportClient.Base + "/servicerequestupdates.json?start_date=yesterday"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EveryAdminOperation_AnswersAsOpenApiYamlSays()
    {
        var anonymous = app.CreateClient();
        await Check(anonymous.PostAsJsonAsync("/admin/auth/token", new { username = "admin", password = DemoStaff.Password }));
        await Check(anonymous.PostAsJsonAsync("/admin/auth/token", new { username = "admin", password = "wrong" }), HttpStatusCode.Unauthorized);
        await Check(anonymous.PostAsync("/admin/auth/token", new StringContent("{", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await Check(anonymous.GetAsync("/admin/requests"), HttpStatusCode.Unauthorized);
        var admin = await AdminClient.SignInAsync(app, "admin");
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        await Check((await AdminClient.SignInAsync(app, "viewer")).GetAsync("/admin/staff"), HttpStatusCode.Forbidden);

        var languages = await Check(admin.GetAsync("/admin/languages"));
        await Check(admin.PutAsync("/admin/languages", languages));
        await Check(admin.PutAsync("/admin/languages", new { @default = "fr", enabled = new[] { "el" } }), HttpStatusCode.BadRequest);
        await CatalogueAsync(admin);
        await AccountsAsync(admin);
        await RoutingAsync(admin);
        await EscalationRulesAsync(admin);
        await RequestsAsync(admin, dispatcher);
        await DeliveriesAsync(admin);
        await CitizenMessagesAsync(admin, dispatcher);
        await CalendarAsync(admin);
        await PrivacyAsync(admin, dispatcher);
        await WorkOrdersAsync(admin, dispatcher);

        using (var events = new HttpRequestMessage(HttpMethod.Get, "/admin/events") { Headers = { { "Last-Event-ID", "0" } } })
        {
            await Check(admin.Http.SendAsync(events, HttpCompletionOption.ResponseHeadersRead)); // the first event replayed is checked
        }

        await Check(admin.GetAsync("/admin/audit"));
        await Check(admin.GetAsync("/admin/audit?page=0"), HttpStatusCode.BadRequest);
        await Check(admin.GetAsync("/admin/statistics?group_by=category"));
        await Check(admin.GetAsync("/admin/statistics?group_by=colour"), HttpStatusCode.BadRequest);
        await Check(admin.GetAsync("/admin/statistics/series?interval=week"));
        await Check(admin.GetAsync("/admin/statistics/series?interval=hour"), HttpStatusCode.BadRequest);
        await Check(admin.GetAsync("/admin/statistics/summary"));
        await Check(admin.Http.GetAsync("/admin/statistics/export.csv?group_by=channel"));
        await Check(admin.GetAsync("/admin/statistics/export.csv?group_by=colour"), HttpStatusCode.BadRequest);
        await Check(admin.Http.GetAsync("/admin/requests/export.csv?state=received"));
        await Check(admin.GetAsync("/admin/requests/export.csv?from=monday"), HttpStatusCode.BadRequest);
        await Check(admin.Http.GetAsync("/admin/requests/export.geojson?page_size=5"));
        await Check(admin.GetAsync("/admin/requests/export.geojson?overdue=maybe"), HttpStatusCode.BadRequest);
        contract.AssertEveryOperationChecked("/admin");
    }

    [Fact]
    public async Task EveryCitizenOperation_AnswersAsOpenApiYamlSays()
    {
        var http = app.CreateClient();
        var id = await DemoRequests.SubmitAsync(app, ("service_code", "001"), ("address_string", "Έβανς 10"),
            ("email", "contract@example.gr"), ("email_alerts_requested", "true"), ("phone", "6912399999"), ("sms_alerts_requested", "true"));
        await using var db = app.Db();
        var request = await db.Requests.FindAsync(id);

        await Check(http.GetAsync($"/follow/{request!.ProtocolNumber}?code={request.FollowCode}"));
        await Check(http.GetAsync($"/follow/{request.ProtocolNumber}?code=WRONGCODE0"), HttpStatusCode.NotFound);
        await Check(http.GetAsync($"/unsubscribe/{request.UnsubscribeToken:N}"));
        await Check(http.GetAsync($"/unsubscribe/{Guid.NewGuid():N}"), HttpStatusCode.NotFound);
        await Check(http.PostAsync($"/unsubscribe/{request.UnsubscribeToken:N}", Form(("List-Unsubscribe", "One-Click"))));
        await Check(http.PostAsync($"/unsubscribe/{Guid.NewGuid():N}", Form()), HttpStatusCode.NotFound);

        HttpRequestMessage Reply(string secret, params (string Key, string Value)[] fields) =>
            new(HttpMethod.Post, "/sms/inbound") { Content = Form(fields), Headers = { { "X-Inbound-Secret", secret } } };
        await Check(http.SendAsync(Reply(UndeliveredApp.SmsSecret, ("from", "6912399999"), ("text", "STOP"))));
        await Check(http.SendAsync(Reply("wrong", ("from", "6912399999"), ("text", "STOP"))), HttpStatusCode.Unauthorized);
        await Check(http.SendAsync(Reply(UndeliveredApp.SmsSecret, ("text", "STOP"))), HttpStatusCode.BadRequest);
        await Check(http.SendAsync(Reply(UndeliveredApp.SmsSecret, ("from", "6912399999"), ("text", "STOP"), ("jurisdiction_id", "nowhere.gr"))), HttpStatusCode.NotFound);
        foreach (var prefix in new[] { "/follow", "/unsubscribe", "/sms" })
        {
            contract.AssertEveryOperationChecked(prefix);
        }
    }

    /// <summary>Departments, categories and workflows: each created as a copy of what the list shows, changed, deleted.</summary>
    private async Task CatalogueAsync(AdminClient admin)
    {
        var department = await CopyAsync(admin, "/admin/departments", (await Check(admin.GetAsync("/admin/departments")))[0]);
        await Check(admin.PutAsync($"/admin/departments/{department}", Input(await FindAsync(admin, "/admin/departments", department))));
        await Check(admin.DeleteAsync($"/admin/departments/{department}"));

        var categories = await Check(admin.GetAsync("/admin/services"));
        var bins = categories.EnumerateArray().First(c => c.GetProperty("code").GetString() == "012").GetProperty("id").GetInt64();
        var copy = Input(await Check(admin.GetAsync($"/admin/services/{bins}")));
        copy["code"] = "contract-check";
        var category = (await Check(admin.PostAsync("/admin/services", copy))).GetProperty("id").GetInt64();
        await Check(admin.PutAsync($"/admin/services/{category}", copy));
        await Check(admin.PostAsync("/admin/services", copy), HttpStatusCode.Conflict);
        await Check(admin.DeleteAsync($"/admin/services/{category}"));
        await Check(admin.GetAsync("/admin/services/999999999"), HttpStatusCode.NotFound);

        var workflow = await CopyAsync(admin, "/admin/workflows", (await Check(admin.GetAsync("/admin/workflows")))[0]);
        await Check(admin.PutAsync($"/admin/workflows/{workflow}", Input(await FindAsync(admin, "/admin/workflows", workflow))));
        await Check(admin.DeleteAsync($"/admin/workflows/{workflow}"));
    }

    private async Task AccountsAsync(AdminClient admin)
    {
        var staff = Input((await Check(admin.GetAsync("/admin/staff"))).EnumerateArray().First(s => s.GetProperty("role").GetString() == "staff"));
        staff["username"] = "contract.check";
        staff["password"] = "contract-check-2026";
        var account = (await Check(admin.PostAsync("/admin/staff", staff))).GetProperty("id").GetInt64();
        await Check(admin.PutAsync($"/admin/staff/{account}", staff));
        await Check(admin.PostAsync("/admin/staff", staff), HttpStatusCode.Conflict);

        await Check(admin.GetAsync("/admin/clients"));
        var input = new { name = "Contract check", contact_email = "dev@example.gr", rate_limit_per_minute = 5 };
        var client = (await Check(admin.PostAsync("/admin/clients", input))).GetProperty("client").GetProperty("id").GetInt64();
        await Check(admin.PutAsync($"/admin/clients/{client}", input));
        var webhooks = await WebhooksAsync(admin, client);
        await Check(admin.PostAsync($"/admin/clients/{client}/revoke", null));
        await Check(admin.PostAsync(webhooks, new { url = "https://93.184.216.34/open311" }), HttpStatusCode.Conflict);
        await Check(admin.PostAsync("/admin/clients/999999999/revoke", null), HttpStatusCode.NotFound);
    }

    /// <summary>A client app's webhook made (its secret shown once), read, changed, given a new secret and deleted; the list's path.</summary>
    private async Task<string> WebhooksAsync(AdminClient admin, long client)
    {
        var webhooks = $"/admin/clients/{client}/webhooks";
        var input = new { url = "https://93.184.216.34/open311", event_kinds = new[] { "submitted", "statuschanged" }, description = "Contract check" };
        var webhook = (await Check(admin.PostAsync(webhooks, input))).GetProperty("webhook").GetProperty("id").GetInt64();
        await Check(admin.PostAsync(webhooks, new { url = "http://169.254.169.254/latest/meta-data" }), HttpStatusCode.BadRequest);
        await Check(admin.GetAsync(webhooks));
        await Check(admin.GetAsync("/admin/clients/999999999/webhooks"), HttpStatusCode.NotFound);
        await Check(admin.GetAsync($"{webhooks}/{webhook}"));
        await Check(admin.PutAsync($"{webhooks}/{webhook}", input));
        await Check(admin.PostAsync($"{webhooks}/{webhook}/secret", null));
        await Check(admin.GetAsync($"/admin/deliveries?consumer=webhooks&recipient={webhook}"));
        await Check(admin.GetAsync($"/admin/deliveries?recipient={webhook}"), HttpStatusCode.BadRequest); // a recipient key means something only within its consumer
        await Check(admin.DeleteAsync($"{webhooks}/{webhook}"));
        await Check(admin.GetAsync($"{webhooks}/{webhook}"), HttpStatusCode.NotFound);
        return webhooks;
    }

    private async Task RoutingAsync(AdminClient admin)
    {
        var department = (await Check(admin.GetAsync("/admin/departments")))[0].GetProperty("id").GetInt64();
        var service = (await Check(admin.GetAsync("/admin/services")))[0].GetProperty("id").GetInt64();
        var geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 25.13, 35.34 }, new[] { 25.14, 35.34 }, new[] { 25.14, 35.345 }, new[] { 25.13, 35.34 } } } };
        var input = new { name = "Contract check", department_id = department, geometry };
        var area = (await Check(admin.PostAsync("/admin/areas", input))).GetProperty("id").GetInt64();
        await Check(admin.PutAsync($"/admin/areas/{area}", input));
        await Check(admin.GetAsync("/admin/areas"));
        await Check(admin.PostAsync("/admin/areas", new { name = "Open ring", department_id = department, geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 25.13, 35.34 } } } } }), HttpStatusCode.BadRequest);

        var rule = (await Check(admin.PostAsync("/admin/routing-rules", new { service_id = service, area_id = area, department_id = department }))).GetProperty("id").GetInt64();
        await Check(admin.GetAsync("/admin/routing-rules"));
        await Check(admin.DeleteAsync($"/admin/routing-rules/{rule}"));
        await Check(admin.DeleteAsync($"/admin/routing-rules/{rule}"), HttpStatusCode.NotFound);
        await ServiceLevelsAsync(admin, service, area);
        await Check(admin.DeleteAsync($"/admin/areas/{area}"));
    }

    private async Task EscalationRulesAsync(AdminClient admin)
    {
        var input = new { clock = "resolution", at_percent = 75, alert_head = true, raise_priority_to = "high" };
        var rule = (await Check(admin.PostAsync("/admin/escalation-rules", input))).GetProperty("id").GetInt64();
        await Check(admin.PostAsync("/admin/escalation-rules", input), HttpStatusCode.Conflict);
        await Check(admin.PostAsync("/admin/escalation-rules", new { clock = "resolution", at_percent = 0 }), HttpStatusCode.BadRequest);
        await Check(admin.PutAsync($"/admin/escalation-rules/{rule}", input with { at_percent = 80 }));
        await Check(admin.GetAsync("/admin/escalation-rules"));
        await Check(admin.DeleteAsync($"/admin/escalation-rules/{rule}"));
        await Check(admin.DeleteAsync($"/admin/escalation-rules/{rule}"), HttpStatusCode.NotFound);
    }

    private async Task ServiceLevelsAsync(AdminClient admin, long service, long area)
    {
        var level = (await Check(admin.PostAsync("/admin/service-levels", new { service_id = service, area_id = area, priority = "urgent", response_minutes = 60 })))
            .GetProperty("id").GetInt64();
        await Check(admin.PutAsync($"/admin/service-levels/{level}", new { service_id = service, area_id = area, priority = "high", resolution_minutes = 390 }));
        await Check(admin.PutAsync($"/admin/service-levels/{level}", new { service_id = service, response_minutes = 0 }), HttpStatusCode.BadRequest);
        await Check(admin.GetAsync("/admin/service-levels"));
        await Check(admin.DeleteAsync($"/admin/service-levels/{level}"));
        await Check(admin.DeleteAsync($"/admin/service-levels/{level}"), HttpStatusCode.NotFound);
    }

    /// <summary>Intake, search, detail, history and every change, each answered with the request as it then is.</summary>
    private async Task RequestsAsync(AdminClient admin, AdminClient dispatcher)
    {
        var intake = new { service_code = "001", channel = "counter", address = "Γκισί 1", caller = new { first_name = "Στέλιος", phone = "6944111222" } };
        var original = (await Check(dispatcher.PostAsync("/admin/requests", intake))).GetProperty("request").GetProperty("id").GetInt64();
        var detail = await Check(dispatcher.PostAsync("/admin/requests", intake));
        var id = detail.GetProperty("request").GetProperty("id").GetInt64();
        await Check(dispatcher.PostAsync("/admin/requests", new { service_code = "999", channel = "phone", address = "x" }), HttpStatusCode.NotFound);

        await Check(dispatcher.GetAsync("/admin/requests?state=received&page_size=5"));
        await Check(dispatcher.GetAsync("/admin/requests?page_size=0"), HttpStatusCode.BadRequest);
        await Check(dispatcher.GetAsync($"/admin/requests/{id}"));
        await Check(dispatcher.GetAsync($"/admin/requests/{id}/history"));
        await Check(dispatcher.GetAsync("/admin/requests/999999999/history"), HttpStatusCode.NotFound);

        uint Version() => detail.GetProperty("version").GetUInt32();
        // The default workflow's first step; a closing one would leave nothing to mark as duplicate.
        const string next = "acknowledged";
        await Check(dispatcher.PostAsync($"/admin/requests/{id}/transitions", new { to = "no-such-state", version = Version() }), HttpStatusCode.BadRequest);
        await Check(dispatcher.PostAsync($"/admin/requests/{id}/transitions", new { to = next, version = Version() + 1 }), HttpStatusCode.Conflict);
        detail = await Check(dispatcher.PostAsync($"/admin/requests/{id}/transitions", new { to = next, version = Version(), public_note = "Το είδαμε." }));
        detail = await Check(dispatcher.PostAsync($"/admin/requests/{id}/notes", new { text = "Σημείωση", @public = false, version = Version() }));
        detail = await Check(dispatcher.PutAsync($"/admin/requests/{id}/assignee", new { assignee_id = (long?)null, version = Version() }));
        detail = await Check(dispatcher.PutAsync($"/admin/requests/{id}/expected", new { expected_datetime = "2026-12-31T10:00:00+02:00", version = Version() }));
        var other = (await Check(admin.GetAsync("/admin/departments"))).EnumerateArray()
            .First(d => d.GetProperty("id").GetInt64() != detail.GetProperty("request").GetProperty("department_id").GetInt64()).GetProperty("id").GetInt64();
        detail = await Check(dispatcher.PutAsync($"/admin/requests/{id}/department", new { department_id = other, version = Version(), reason = "Άλλο τμήμα" }));
        detail = await Check(dispatcher.PutAsync($"/admin/requests/{id}/priority", new { priority = "high", version = Version() }));
        await Check(dispatcher.PutAsync($"/admin/requests/{id}/priority", new { priority = "high", version = Version() }), HttpStatusCode.BadRequest);
        detail = await Check(dispatcher.PutAsync($"/admin/requests/{id}/category", new { service_code = "002", version = Version(), reason = "Πράσινο" }));
        await Check(dispatcher.PutAsync($"/admin/requests/{id}/category", new { service_code = "999", version = Version() }), HttpStatusCode.BadRequest);
        await Check(dispatcher.GetAsync("/admin/requests?sort=resolution_due&breached=false&priority=high,normal&page_size=5"));
        await Check(dispatcher.PostAsync($"/admin/requests/{id}/duplicate-of", new { original_id = original, version = Version() }));
        await DuplicatesAsync(admin, dispatcher, original);
    }

    /// <summary>Callers attached, suggestions found at intake rejected and confirmed, a category's duplicate check.</summary>
    private async Task DuplicatesAsync(AdminClient admin, AdminClient dispatcher, long original)
    {
        await Check(dispatcher.PostAsync($"/admin/requests/{original}/followers", new { phone = "6944333444", notify_sms = true }));
        await Check(dispatcher.PostAsync($"/admin/requests/{original}/followers", new { phone = "6944333444" }));
        await Check(dispatcher.PostAsync($"/admin/requests/{original}/followers", new { notify_email = true }), HttpStatusCode.BadRequest);
        var pothole = new { service_code = "005", channel = "phone", lat = 35.2901, @long = 25.0901, attributes = new { size = "small" } };
        await Check(dispatcher.PostAsync("/admin/requests", pothole));
        await Check(dispatcher.PostAsync("/admin/requests", pothole));
        var detail = await Check(dispatcher.PostAsync("/admin/requests", pothole));
        var id = detail.GetProperty("request").GetProperty("id").GetInt64();
        var suggestions = detail.GetProperty("possible_duplicates").EnumerateArray().Select(d => d.GetProperty("suggestion_id").GetInt64()).ToList();
        detail = await Check(dispatcher.PostAsync($"/admin/requests/{id}/duplicate-suggestions/{suggestions[0]}/reject",
            new { version = detail.GetProperty("version").GetUInt32(), reason = "άλλη" }));
        await Check(dispatcher.PostAsync($"/admin/requests/{id}/duplicate-suggestions/{suggestions[0]}/reject",
            new { version = detail.GetProperty("version").GetUInt32() }), HttpStatusCode.NotFound);
        await Check(dispatcher.PostAsync($"/admin/requests/{id}/duplicate-suggestions/{suggestions[1]}/confirm",
            new { version = detail.GetProperty("version").GetUInt32() }));
        var service = (await Check(admin.GetAsync("/admin/services"))).EnumerateArray().First(c => c.GetProperty("code").GetString() == "005").GetProperty("id").GetInt64();
        var check = await Check(admin.GetAsync($"/admin/services/{service}/duplicate-check"));
        await Check(admin.PutAsync($"/admin/services/{service}/duplicate-check",
            new { distance_metres = check.GetProperty("distance_metres").GetInt32(), age_days = check.GetProperty("age_days").GetInt32() }));
        await Check(admin.PutAsync($"/admin/services/{service}/duplicate-check", new { distance_metres = -1, age_days = 1 }), HttpStatusCode.BadRequest);
    }

    private async Task DeliveriesAsync(AdminClient admin)
    {
        var pending = (await Check(admin.GetAsync("/admin/deliveries?status=pending&page_size=5"))).GetProperty("items")[0].GetProperty("id").GetInt64();
        await Check(admin.GetAsync("/admin/deliveries?status=lost"), HttpStatusCode.BadRequest);
        await Check(admin.GetAsync($"/admin/deliveries/{pending}"));
        await Check(admin.PostAsync($"/admin/deliveries/{pending}/retry", null), HttpStatusCode.Conflict);
        await Check(admin.PostAsync($"/admin/deliveries/{pending}/discard", null));
        await Check(admin.PostAsync($"/admin/deliveries/{pending}/retry", null));
    }

    /// <summary>What a request's citizen was sent (pending here: no worker), and the templates it is written with.</summary>
    private async Task CitizenMessagesAsync(AdminClient admin, AdminClient dispatcher)
    {
        var intake = new { service_code = "001", channel = "phone", address = "Γκισί 1", caller = new { phone = "6944111222", email = "s@example.gr" },
            notify_sms = true, notify_email = true };
        var id = (await Check(dispatcher.PostAsync("/admin/requests", intake))).GetProperty("request").GetProperty("id").GetInt64();
        await Check(dispatcher.GetAsync($"/admin/requests/{id}/messages"));
        await Check(dispatcher.GetAsync("/admin/requests/999999999/messages"), HttpStatusCode.NotFound);

        // English: without a reply keyword (no Sms:InboundSecret, as here) a Greek SMS carrying both links needs three segments.
        var sms = (await Check(admin.GetAsync("/admin/message-templates"))).EnumerateArray()
            .First(t => t.GetProperty("channel").GetString() == "sms" && t.GetProperty("language").GetString() == "en");
        var path = $"/admin/message-templates/{sms.GetProperty("kind").GetString()}/sms/en";
        await Check(admin.PutAsync(path, new { body = sms.GetProperty("body").GetString() }));
        await Check(admin.PutAsync(path, new { body = "{follow_url}" }), HttpStatusCode.BadRequest);
        await Check(admin.PutAsync("/admin/message-templates/recorded/fax/el", new { body = "{follow_url} {stop}" }), HttpStatusCode.NotFound);
        await Check(admin.DeleteAsync(path));
        await Check(admin.DeleteAsync("/admin/message-templates/recorded/fax/el"), HttpStatusCode.NotFound);
    }

    /// <summary>The working calendar: weekly hours, own days and a year's closed days, with their refusals.</summary>
    private async Task PrivacyAsync(AdminClient admin, AdminClient dispatcher)
    {
        var retention = await Check(admin.GetAsync("/admin/privacy/retention"));
        await Check(admin.PutAsync("/admin/privacy/retention", retention));
        await Check(admin.PutAsync("/admin/privacy/retention", new { contact_retention_months = 0 }), HttpStatusCode.BadRequest);
        var area = await Check(admin.GetAsync("/admin/jurisdiction/area"));
        await Check(admin.PutAsync("/admin/jurisdiction/area", area));
        await Check(admin.PutAsync("/admin/jurisdiction/area", new { south = 36.1, west = 24.6, north = 34.8, east = 25.9 }), HttpStatusCode.BadRequest);
        var email = $"contract.{Guid.NewGuid():N}@example.gr";
        var id = await Privacy.PrivacyRequests.WithContactAsync(app, email, "6900000099");
        await Privacy.PrivacyRequests.FollowUpAsync(app, id, email);
        await Check(admin.PostAsync("/admin/privacy/contacts/find", new { email }));
        await Check(admin.PostAsync("/admin/privacy/contacts/find", new { }), HttpStatusCode.BadRequest);
        await Check(dispatcher.PostAsync("/admin/privacy/contacts/find", new { email }), HttpStatusCode.Forbidden);
        await Check(admin.PostAsync("/admin/privacy/contacts/export", new { phone = "+30 6900000099" }));
        await Check(admin.PostAsync("/admin/privacy/contacts/export", new { phone = "-" }), HttpStatusCode.BadRequest);
        await Check(admin.PostAsync("/admin/privacy/contacts/erase", new { email }));
        await Check(admin.PostAsync("/admin/privacy/contacts/erase", new { email = "no-at-sign" }), HttpStatusCode.BadRequest);
    }

    private async Task WorkOrdersAsync(AdminClient admin, AdminClient dispatcher)
    {
        var settings = await Check(admin.GetAsync("/admin/work-orders/settings"));
        await Check(admin.PutAsync("/admin/work-orders/settings", settings));
        await Check(admin.PutAsync("/admin/work-orders/settings", new { completion = "maybe" }), HttpStatusCode.BadRequest);
        var request = await DemoRequests.LightingAsync(app);
        var roads = await DemoRequests.DepartmentIdAsync(app, "Roads Section");
        var made = await Check(dispatcher.PostAsync($"/admin/requests/{request}/work-orders", new { department_id = roads, notes = "Καθαρισμός δρόμου" }));
        await Check(dispatcher.PostAsync($"/admin/requests/{request}/work-orders", new { department_id = roads }), HttpStatusCode.Conflict);
        await Check(dispatcher.PostAsync($"/admin/requests/{request}/work-orders", new { department_id = 999999 }), HttpStatusCode.BadRequest);
        await Check(dispatcher.GetAsync($"/admin/requests/{request}/work-orders"));
        await Check(dispatcher.GetAsync("/admin/requests/999999999/work-orders"), HttpStatusCode.NotFound);
        var workOrder = made.GetProperty("items")[0];
        var path = $"/admin/work-orders/{workOrder.GetProperty("id").GetInt64()}";
        var version = workOrder.GetProperty("version").GetUInt32();
        await Check(dispatcher.PutAsync(path, new { version = version + 1, state = "started" }), HttpStatusCode.Conflict);
        await Check(dispatcher.PutAsync(path, new { version, state = "started", public_note = "Το συνεργείο ξεκίνησε." }));
        await Check(dispatcher.PutAsync("/admin/work-orders/999999999", new { version, state = "done" }), HttpStatusCode.NotFound);
        await Check(dispatcher.GetAsync("/admin/work-orders?state=open,started&page_size=5"));
        await Check(dispatcher.GetAsync("/admin/work-orders?state=finished"), HttpStatusCode.BadRequest);
    }

    private async Task CalendarAsync(AdminClient admin)
    {
        var week = await Check(admin.GetAsync("/admin/calendar"));
        await Check(admin.PutAsync("/admin/calendar", new { weekdays = week.GetProperty("weekdays") }));
        await Check(admin.PutAsync("/admin/calendar", new { weekdays = Array.Empty<object>() }), HttpStatusCode.BadRequest);
        var day = await Check(admin.PostAsync("/admin/calendar/days", new { month = 11, day = 11, name_el = "Άγιος Μηνάς", name_en = "Saint Menas" }));
        await Check(admin.PostAsync("/admin/calendar/days", new { month = 2, day = 30, name_el = "Καμία" }), HttpStatusCode.BadRequest);
        await Check(admin.GetAsync("/admin/calendar/days"));
        await Check(admin.GetAsync("/admin/calendar/holidays?year=2026&locale=en"));
        await Check(admin.GetAsync("/admin/calendar/holidays?year=2100"), HttpStatusCode.BadRequest);
        await Check(admin.DeleteAsync($"/admin/calendar/days/{day.GetProperty("id").GetInt64()}"));
        await Check(admin.DeleteAsync("/admin/calendar/days/999999999"), HttpStatusCode.NotFound);
    }

    /// <summary>Asserts the call succeeded, or was refused with <paramref name="refusal"/>, and that the answer is as documented.</summary>
    private async Task<JsonElement> Check(Task<HttpResponseMessage> call, HttpStatusCode? refusal = null)
    {
        var response = await call;
        var expected = refusal is { } status ? response.StatusCode == status : response.IsSuccessStatusCode;
        // Read only to explain a failure: an event stream's body never ends.
        Assert.True(expected, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery} answered " +
            $"{(int)response.StatusCode}: {(expected ? "" : await response.Content.ReadAsStringAsync())}");
        return await contract.CheckAsync(response);
    }

    /// <summary>A polling app's second look: the ETag of the first answer sent back, a 304 with no body.</summary>
    private async Task NotModifiedAsync(HttpClient http, string path)
    {
        var first = await http.GetAsync(GeoReportClient.Base + path);
        using var again = new HttpRequestMessage(HttpMethod.Get, GeoReportClient.Base + path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        await Check(http.SendAsync(again), HttpStatusCode.NotModified);
    }

    private async Task<JsonElement> Check(Task<(HttpResponseMessage Response, JsonElement Body)> call, HttpStatusCode? refusal = null) =>
        await Check(Task.FromResult((await call).Response), refusal);

    private async Task<long> CopyAsync(AdminClient admin, string list, JsonElement view) =>
        (await Check(admin.PostAsync(list, Input(view)))).GetProperty("id").GetInt64();

    private async Task<JsonElement> FindAsync(AdminClient admin, string list, long id) =>
        (await Check(admin.GetAsync(list))).EnumerateArray().First(e => e.GetProperty("id").GetInt64() == id);

    /// <summary>A view as the input that would make it: the same fields, less the ones the service assigns.</summary>
    private static JsonObject Input(JsonElement view)
    {
        var input = JsonSerializer.SerializeToNode(view)!.AsObject();
        foreach (var assigned in new[] { "id", "is_default", "created_at" })
        {
            input.Remove(assigned);
        }

        return input;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));
}

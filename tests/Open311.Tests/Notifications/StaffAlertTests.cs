using System.Net;
using System.Text.Json;
using MimeKit;
using Open311.Core.StaffAlerts;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Notifications;

/// <summary>
/// Staff alerts through the outbox to a real SMTP server: each change reaches the right address
/// once, in the recipient's language, with what staff need and nothing of the citizen's contact;
/// each department and account chooses what it gets; a dead mail server holds up nothing.
/// </summary>
public class StaffAlertTests(StaffAlertApp app) : IClassFixture<StaffAlertApp>
{
    private const string LightingAddress = "lighting@heraklion.gr";
    private const string RoadsAddress = "roads@heraklion.gr";

    [Fact]
    public async Task NewRequest_ReachesItsDepartmentOnce_InGreek_WithoutTheCitizensContactData()
    {
        string[] personal = ["Ξανθίππη", "Καλογεροπούλου", "xanthippi.k@example.gr", "6912345678"];
        var id = await DemoRequests.SubmitAsync(app, ("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"), ("attribute[fault]", "off"),
            ("address_string", "Λεωφόρος Κνωσού 12"), ("description", "Σβηστή λάμπα έξω από το σχολείο"),
            ("first_name", personal[0]), ("last_name", personal[1]), ("email", personal[2]), ("phone", personal[3]));
        var protocol = await ProtocolAsync(id);

        await Eventually.TrueAsync(() => app.Alerts(protocol).Count > 0);
        await Task.Delay(300); // room for a duplicate, if there were one

        var alert = Assert.Single(app.Alerts(protocol));
        Assert.Equal(LightingAddress, Addressee(alert));
        Assert.Equal($"Νέο αίτημα {protocol}: Βλάβη στον Δημοτικό Φωτισμό", alert.Subject);
        var body = Body(alert);
        Assert.StartsWith("Ένα νέο αίτημα δρομολογήθηκε στο τμήμα σας.\n", body);
        Assert.Contains($"\nΑριθμός πρωτοκόλλου: {protocol}\n", body);
        Assert.Contains("\nΚατηγορία: Βλάβη στον Δημοτικό Φωτισμό\n", body);
        Assert.Contains("\nΤοποθεσία: Λεωφόρος Κνωσού 12 (35.33910, 25.13390)\n", body);
        Assert.Contains("\nΠεριγραφή:\nΣβηστή λάμπα έξω από το σχολείο\n", body);
        Assert.Contains($"\nΑνοίξτε το αίτημα: {StaffAlertApp.SiteUrl}admin/requests/{id}\n", body);
        Assert.Contains("Δήμος Ηρακλείου", body);
        var delivery = Assert.Single(await DeliveriesAsync(id));
        Assert.Equal($"department:{await DemoRequests.DepartmentIdAsync(app, "Street Lighting Section")}", delivery.GetProperty("recipient").GetString());
        Assert.Equal($"{delivery.GetProperty("idempotency_key").GetGuid():N}@heraklion.test", alert.MessageId);

        var everything = $"{alert.Subject}\n{body}\n{alert.HtmlBody}\n{alert}\n{string.Join('\n', app.Logs.Lines)}";
        Assert.All(personal, secret => Assert.DoesNotContain(secret, everything));
    }

    [Fact]
    public async Task APrivateCategorysAlert_NamesTheRequestOnly_KeepingItsCategoryPlaceAndDescriptionInside()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (response, created) = await dispatcher.PostAsync("/admin/requests", new
        {
            service_code = "014", channel = "phone", address = "Μεραμβέλλου 3", description = "Η κυρία Ειρήνη μένει μόνη και χρειάζεται φάρμακα",
            caller = new { first_name = "Ειρήνη", phone = "2810000000" },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var protocol = created.GetProperty("request").GetProperty("protocol_number").GetString()!;

        await Eventually.TrueAsync(() => app.Alerts(protocol).Count > 0);

        var alert = Assert.Single(app.Alerts(protocol));
        Assert.Equal($"Νέο αίτημα {protocol}: αίτημα μη δημόσιας κατηγορίας (τα στοιχεία του μόνο μέσα στο αίτημα)", alert.Subject);
        var everything = $"{alert.Subject}\n{Body(alert)}";
        string[] inside = ["Κοινωνική υποστήριξη", "Μεραμβέλλου", "φάρμακα", "Ειρήνη", "2810000000"];
        Assert.All(inside, text => Assert.DoesNotContain(text, everything));
        Assert.Contains($"admin/requests/{created.GetProperty("request").GetProperty("id").GetInt64()}", everything);
    }

    [Fact]
    public async Task Assignment_ReachesTheAssigneeOnce_NotTheDepartment_InTheirLanguage()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var nikos = await CreateAccountAsync(admin, "nikos.alerts", "Street Lighting Section", language: "en");
        var id = await DemoRequests.LightingAsync(app);
        var protocol = await ProtocolAsync(id);

        await AssignAsync(id, nikos.Id);
        await Eventually.TrueAsync(() => app.Alerts(protocol).Count >= 2);
        await Task.Delay(300);

        var alerts = app.Alerts(protocol);
        Assert.Equal(2, alerts.Count);
        var assigned = Assert.Single(alerts, m => Addressee(m) == nikos.Email);
        Assert.Equal($"Request {protocol} assigned to you: Street lighting fault", assigned.Subject);
        Assert.StartsWith("A request was assigned to you.\n", Body(assigned));
        Assert.Contains($"\nOpen the request: {StaffAlertApp.SiteUrl}admin/requests/{id}\n", Body(assigned));
        Assert.StartsWith("Νέο αίτημα", Assert.Single(alerts, m => Addressee(m) == LightingAddress).Subject);
    }

    [Fact]
    public async Task WhoAssignsARequestToThemselves_GetsNoAlertAboutIt()
    {
        var (_, staff) = await (await AdminClient.SignInAsync(app, "admin")).GetAsync("/admin/staff");
        var me = staff.EnumerateArray().Single(s => s.GetProperty("username").GetString() == "lighting").GetProperty("id").GetInt64();
        var nikos = await AdminClient.SignInAsync(app, "lighting");
        var id = await DemoRequests.LightingAsync(app);

        var (assigned, _) = await nikos.PutAsync($"/admin/requests/{id}/assignee", new { assignee_id = me, version = await nikos.VersionAsync(id) });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var queued = Assert.Single(await DeliveriesAsync(id));
        Assert.Equal("submitted", queued.GetProperty("event_kind").GetString());
    }

    [Fact]
    public async Task Reroute_ReachesTheNewDepartmentOnce_WithTheReason()
    {
        var id = await DemoRequests.LightingAsync(app);
        var protocol = await ProtocolAsync(id);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var roads = await DemoRequests.DepartmentIdAsync(app, "Roads Section");

        var (rerouted, _) = await dispatcher.PutAsync($"/admin/requests/{id}/department",
            new { department_id = roads, version = await dispatcher.VersionAsync(id), reason = "Ο στύλος έπεσε στο οδόστρωμα" });
        Assert.Equal(HttpStatusCode.OK, rerouted.StatusCode);
        await Eventually.TrueAsync(() => app.Alerts(protocol).Any(m => Addressee(m) == RoadsAddress));
        await Task.Delay(300);

        var alerts = app.Alerts(protocol);
        Assert.Equal(2, alerts.Count);
        var alert = Assert.Single(alerts, m => Addressee(m) == RoadsAddress);
        Assert.Equal($"Το αίτημα {protocol} διαβιβάστηκε στο τμήμα σας: Βλάβη στον Δημοτικό Φωτισμό", alert.Subject);
        Assert.Contains("\nΑιτιολογία: Ο στύλος έπεσε στο οδόστρωμα\n", Body(alert));
        Assert.Single(alerts, m => Addressee(m) == LightingAddress);
    }

    [Fact]
    public async Task ADepartmentOrAccountThatTurnedAnAlertOff_GetsNothing()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (created, quiet) = await admin.PostAsync("/admin/departments",
            new { name_el = "Τμήμα Ησυχίας", name_en = "Quiet Section", email = "quiet@heraklion.test", alerts = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Empty(quiet.GetProperty("alerts").EnumerateArray());
        var department = quiet.GetProperty("id").GetInt64();
        // A change that does not mention alerts keeps them.
        var (_, kept) = await admin.PutAsync($"/admin/departments/{department}", new { name_el = "Τμήμα Ησυχίας", name_en = "Quiet Section", email = "quiet@heraklion.test" });
        Assert.Empty(kept.GetProperty("alerts").EnumerateArray());
        var account = await CreateAccountAsync(admin, "quiet.alerts", "Quiet Section", alerts: []);
        var id = await DemoRequests.LightingAsync(app);
        var protocol = await ProtocolAsync(id);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");

        var (rerouted, _) = await dispatcher.PutAsync($"/admin/requests/{id}/department", new { department_id = department, version = await dispatcher.VersionAsync(id) });
        Assert.Equal(HttpStatusCode.OK, rerouted.StatusCode);
        await AssignAsync(id, account.Id);
        await Eventually.TrueAsync(() => app.Alerts(protocol).Count > 0);
        await Task.Delay(300);

        Assert.Equal(LightingAddress, Addressee(Assert.Single(app.Alerts(protocol))));
        Assert.Single(await DeliveriesAsync(id)); // the new request's: nothing was even queued for the others
        Assert.DoesNotContain(app.Smtp.Messages, m => Addressee(m).StartsWith("quiet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownAlertKindsOrLanguages_AreRefused_AndChangesAreAudited()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var refused = AdminClient.AssertProblem(await admin.PostAsync("/admin/departments",
            new { name_el = "Τμήμα Λαθών", name_en = "Mistakes Section", alerts = new[] { "assigned", "new_request" } }), HttpStatusCode.BadRequest);
        Assert.Contains("unknown alert 'assigned'", refused.GetProperty("errors").GetProperty("alerts")[0].GetString());
        var (_, staff) = await admin.GetAsync("/admin/staff");
        var roads = staff.EnumerateArray().Single(s => s.GetProperty("username").GetString() == "roads");
        object Roads(string[] alerts, string? language) => new
        {
            username = "roads", display_name = roads.GetProperty("display_name").GetString(), role = "staff", email = RoadsAddress,
            department_id = roads.GetProperty("department_id").GetInt64(), alerts, language,
        };
        var wrongKind = AdminClient.AssertProblem(await admin.PutAsync($"/admin/staff/{roads.GetProperty("id").GetInt64()}", Roads(["assigned", "sms"], null)),
            HttpStatusCode.BadRequest);
        Assert.Contains("unknown alert 'sms'", wrongKind.GetProperty("errors").GetProperty("alerts")[0].GetString());
        var wrongLanguage = AdminClient.AssertProblem(await admin.PutAsync($"/admin/staff/{roads.GetProperty("id").GetInt64()}", Roads(["assigned"], "fr")),
            HttpStatusCode.BadRequest);
        Assert.Contains("'fr'", wrongLanguage.GetProperty("errors").GetProperty("language")[0].GetString());

        var (_, created) = await admin.PostAsync("/admin/departments", new { name_el = "Τμήμα Ελέγχου", name_en = "Audit Section", alerts = new[] { "rerouted" } });
        var department = created.GetProperty("id").GetInt64();
        var (changed, body) = await admin.PutAsync($"/admin/departments/{department}",
            new { name_el = "Τμήμα Ελέγχου", name_en = "Audit Section", alerts = new[] { "rerouted", "new_request", "rerouted" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(StaffAlertKinds.ForDepartments, body.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()));
        var (_, trail) = await admin.GetAsync($"/admin/audit?entity=department&entity_id={department}");
        var update = trail.EnumerateArray().First(e => e.GetProperty("action").GetString() == "updated");
        Assert.Equal(["rerouted"], update.GetProperty("before").GetProperty("alerts").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["new_request", "rerouted"], update.GetProperty("after").GetProperty("alerts").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task DeadSmtpServer_BlocksNoChange_AndTheAlertsGoOutWhenItReturns_ToWhoeverStillHasAnAddress()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var kept = await CreateAccountAsync(admin, "outage.kept", "Street Lighting Section");
        var gone = await CreateAccountAsync(admin, "outage.gone", "Street Lighting Section");
        long first, second;
        await app.Smtp.StopAsync();
        try
        {
            first = await DemoRequests.LightingAsync(app); // asserts success
            second = await DemoRequests.LightingAsync(app);
            await AssignAsync(first, kept.Id);
            await AssignAsync(second, gone.Id);
            // Deactivated while its alert waits: the alert is not sent.
            var (deactivated, _) = await admin.PutAsync($"/admin/staff/{gone.Id}",
                new { username = "outage.gone", display_name = "Ελένη Προσωρινή", role = "staff", email = gone.Email, department_id = gone.Department, active = false });
            Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
            await Eventually.TrueAsync(async () => (await DeliveriesAsync(first)).Any(d => d.GetProperty("last_error").ValueKind == JsonValueKind.String));
        }
        finally
        {
            app.Smtp.Start();
        }

        var (firstProtocol, secondProtocol) = (await ProtocolAsync(first), await ProtocolAsync(second));
        await Eventually.TrueAsync(() => app.Alerts(firstProtocol).Count >= 2);
        await Eventually.TrueAsync(async () => (await DeliveriesAsync(second)).All(d => d.GetProperty("status").GetString() == "delivered"));
        await Task.Delay(300);

        Assert.Single(app.Alerts(firstProtocol), m => Addressee(m) == kept.Email);
        Assert.Equal(LightingAddress, Addressee(Assert.Single(app.Alerts(secondProtocol))));
        Assert.Contains(await DeliveriesAsync(first), d => d.GetProperty("attempts").GetInt32() > 1);
        var skipped = Assert.Single(await DeliveriesAsync(second), d => d.GetProperty("recipient").GetString() == $"staff:{gone.Id}");
        Assert.Equal($"not sent: staff:{gone.Id} is inactive", skipped.GetProperty("note").GetString());
    }

    private sealed record Account(long Id, string Email, long Department);

    /// <summary>A staff account of its own for one test, so no test depends on another's changes to the demo accounts.</summary>
    private async Task<Account> CreateAccountAsync(AdminClient admin, string username, string departmentName, string? language = null, string[]? alerts = null)
    {
        var department = await DemoRequests.DepartmentIdAsync(app, departmentName);
        var email = $"{username}@heraklion.test";
        var (response, body) = await admin.PostAsync("/admin/staff", new
        {
            username, display_name = "Ελένη Προσωρινή", role = "staff", email, department_id = department, password = "staff-alerts-2026", language, alerts,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal(alerts ?? ["assigned", "escalated"], body.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()!));
        return new(body.GetProperty("id").GetInt64(), email, department);
    }

    private async Task AssignAsync(long id, long assignee)
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (response, body) = await dispatcher.PutAsync($"/admin/requests/{id}/assignee", new { assignee_id = assignee, version = await dispatcher.VersionAsync(id) });
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
    }

    private async Task<string> ProtocolAsync(long id) =>
        (await (await AdminClient.SignInAsync(app, "admin")).RequestAsync(id)).GetProperty("request").GetProperty("protocol_number").GetString()!;

    private async Task<List<JsonElement>> DeliveriesAsync(long id)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (response, body) = await admin.GetAsync($"/admin/deliveries?consumer={StaffAlertConsumer.ConsumerName}&request_id={id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. body.GetProperty("items").EnumerateArray()];
    }

    private static string Addressee(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private static string Body(MimeMessage message) => message.TextBody!.ReplaceLineEndings("\n");
}

using System.Net;
using System.Text.Json;
using Npgsql;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Fuzz;

/// <summary>
/// The service with no background worker that writes (outbox, escalation, retention), so that what is stored
/// changes only by a call; and at least one row of everything an admin change names in its path, to aim at.
/// </summary>
public sealed class FuzzApp : Open311App
{
    /// <summary>
    /// The row an admin change's path names, by the path up to its last parameter, as SQL whose columns are the
    /// parameters. A new admin change whose path names rows must be given its rows here (the test says which).
    /// </summary>
    private static readonly Dictionary<string, string> RowsNamed = new()
    {
        ["/admin/staff/{id}"] = "SELECT id FROM staff_accounts",
        ["/admin/clients/{id}"] = "SELECT id FROM api_clients",
        ["/admin/clients/{client_id}"] = "SELECT id AS client_id FROM api_clients",
        ["/admin/clients/{client_id}/webhooks/{id}"] = "SELECT client_id, id FROM webhook_subscriptions",
        ["/admin/departments/{id}"] = "SELECT id FROM departments",
        ["/admin/services/{id}"] = "SELECT id FROM service_categories",
        ["/admin/workflows/{id}"] = "SELECT id FROM workflows",
        ["/admin/areas/{id}"] = "SELECT id FROM department_areas",
        ["/admin/routing-rules/{id}"] = "SELECT id FROM routing_rules",
        ["/admin/escalation-rules/{id}"] = "SELECT id FROM escalation_rules",
        ["/admin/service-levels/{id}"] = "SELECT id FROM service_levels",
        ["/admin/requests/{id}"] = "SELECT id FROM service_requests",
        ["/admin/requests/{id}/duplicate-suggestions/{suggestion_id}"] = "SELECT request_id AS id, id AS suggestion_id FROM duplicate_suggestions",
        ["/admin/work-orders/{id}"] = "SELECT id FROM work_orders",
        ["/admin/deliveries/{id}"] = "SELECT id FROM outbox_messages",
        ["/admin/message-templates/{kind}/{channel}/{language}"] = "SELECT kind, channel, language FROM message_templates",
        ["/admin/calendar/days/{id}"] = "SELECT id FROM calendar_days",
    };

    private Task<Dictionary<string, List<Dictionary<string, string>>>>? rows;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        // The SMS callback exists only with a secret; no case sends it, so none is a stop reply.
        [new("Outbox:Deliver", "false"), new("Escalation:Enabled", "false"), new("Retention:Enabled", "false"), new("Sms:InboundSecret", $"fuzz-{Guid.NewGuid()}")];

    /// <summary>Real rows for each path with parameters (a few of each, newest first), made once through the API.</summary>
    public Task<Dictionary<string, List<Dictionary<string, string>>>> RealRowsAsync() => rows ??= ArrangeAsync();

    /// <summary>The path a template names with one of its real rows; a template without parameters as it is.</summary>
    public static string Fill(string template, Dictionary<string, List<Dictionary<string, string>>> real, Random random)
    {
        if (!template.Contains('}', StringComparison.Ordinal))
        {
            return template;
        }

        var named = template[..(template.LastIndexOf('}') + 1)];
        Assert.True(real.TryGetValue(named, out var candidates),
            $"{template}: say in {nameof(FuzzApp)}.{nameof(RowsNamed)} which rows \"{named}\" names, so that it is fuzzed on real ones");
        var row = candidates![random.Next(candidates.Count)];
        return row.Aggregate(template, (path, value) => path.Replace($"{{{value.Key}}}", Uri.EscapeDataString(value.Value), StringComparison.Ordinal));
    }

    private async Task<Dictionary<string, List<Dictionary<string, string>>>> ArrangeAsync()
    {
        var admin = await AdminClient.SignInAsync(this, "admin");
        async Task<JsonElement> Make(string path, object body)
        {
            var (response, made) = await admin.PostAsync(path, body);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{path}: {made}");
            return made;
        }

        var client = (await Make("/admin/clients", new { name = "Fuzz target", rate_limit_per_minute = 5 })).GetProperty("client").GetProperty("id").GetInt64();
        await Make($"/admin/clients/{client}/webhooks", new { url = "https://93.184.216.34/open311" });
        var roads = await DemoRequests.DepartmentIdAsync(this, "Roads Section");
        var geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 25.13, 35.34 }, new[] { 25.14, 35.34 }, new[] { 25.14, 35.345 }, new[] { 25.13, 35.34 } } } };
        var area = (await Make("/admin/areas", new { name = "Fuzz target", department_id = roads, geometry })).GetProperty("id").GetInt64();
        var service = (await admin.GetAsync("/admin/services")).Body[0].GetProperty("id").GetInt64();
        await Make("/admin/routing-rules", new { service_id = service, area_id = area, department_id = roads });
        await Make("/admin/escalation-rules", new { clock = "resolution", at_percent = 75, alert_head = true });
        await Make("/admin/service-levels", new { service_id = service, area_id = area, priority = "urgent", response_minutes = 60 });
        await Make("/admin/calendar/days", new { month = 11, day = 11, name_el = "Άγιος Μηνάς", name_en = "Saint Menas" });
        await Make($"/admin/requests/{await DemoRequests.LightingAsync(this)}/work-orders", new { department_id = roads });
        var pothole = new { service_code = "005", channel = "phone", lat = 35.2901, @long = 25.0901, attributes = new { size = "small" },
            caller = new { phone = "6944111222", email = "fuzz@example.gr" }, notify_email = true };
        await Make("/admin/requests", pothole);
        await Make("/admin/requests", pothole);
        var sms = (await admin.GetAsync("/admin/message-templates")).Body.EnumerateArray()
            .First(t => t.GetProperty("channel").GetString() == "sms" && t.GetProperty("language").GetString() == "en");
        var (saved, _) = await admin.PutAsync($"/admin/message-templates/{sms.GetProperty("kind").GetString()}/sms/en",
            new { body = sms.GetProperty("body").GetString() });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return await ReadRowsAsync();
    }

    private async Task<Dictionary<string, List<Dictionary<string, string>>>> ReadRowsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var real = new Dictionary<string, List<Dictionary<string, string>>>();
        foreach (var (named, sql) in RowsNamed)
        {
            await using var command = new NpgsqlCommand($"{sql} ORDER BY 1 DESC LIMIT 5", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var found = new List<Dictionary<string, string>>();
            while (await reader.ReadAsync())
            {
                found.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!));
            }

            Assert.True(found.Count > 0, $"no row for {named} to fuzz: make one in {nameof(ArrangeAsync)}");
            real[named] = found;
        }

        return real;
    }
}

using System.Net;
using System.Text.Json;
using Open311.Api.Hosting;
using Open311.Core.Audit;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

/// <summary>Every administrative change lands in the audit trail by one mechanism, secrets masked; a change saved around it is refused.</summary>
public class AuditTests(Open311App app) : IClassFixture<Open311App>
{
    private static readonly object Square = new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { 25.10, 35.30 }, new[] { 25.11, 35.30 }, new[] { 25.11, 35.31 }, new[] { 25.10, 35.31 }, new[] { 25.10, 35.30 } } },
    };

    [Fact]
    public async Task AreasAndRoutingRules_AreAuditedFromCreationToDeletion()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var police = await DemoRequests.DepartmentIdAsync(app, "Municipal Police");
        var roads = await DemoRequests.DepartmentIdAsync(app, "Roads Section");
        await using var db = app.Db();
        var bins = db.Services.Single(s => s.Code == "012").Id;

        var (_, area) = await admin.PostAsync("/admin/areas", new { name = "Αλικαρνασσός", department_id = police, geometry = Square });
        var areaId = area.GetProperty("id").GetInt64();
        await admin.PutAsync($"/admin/areas/{areaId}", new { name = "Αλικαρνασσός", department_id = roads, geometry = Square });
        var (_, rule) = await admin.PostAsync("/admin/routing-rules", new { service_id = bins, area_id = areaId, department_id = police });
        var ruleId = rule.GetProperty("id").GetInt64();
        await admin.DeleteAsync($"/admin/routing-rules/{ruleId}");
        await admin.DeleteAsync($"/admin/areas/{areaId}");

        var areaTrail = await TrailAsync(admin, AuditEntity.Area, areaId);
        var ruleTrail = await TrailAsync(admin, AuditEntity.RoutingRule, ruleId);

        Assert.Equal([AuditAction.Deleted, AuditAction.Updated, AuditAction.Created], areaTrail.Select(Action));
        Assert.Equal(police, areaTrail[1].GetProperty("before").GetProperty("department_id").GetInt64());
        Assert.Equal(roads, areaTrail[1].GetProperty("after").GetProperty("department_id").GetInt64());
        Assert.StartsWith("MULTIPOLYGON", areaTrail[^1].GetProperty("after").GetProperty("area").GetString());
        Assert.Equal(roads, areaTrail[0].GetProperty("before").GetProperty("department_id").GetInt64());
        Assert.Equal(police, areaTrail[^1].GetProperty("after").GetProperty("department_id").GetInt64());
        Assert.Equal([AuditAction.Deleted, AuditAction.Created], ruleTrail.Select(Action));
        Assert.Equal(bins, ruleTrail[1].GetProperty("after").GetProperty("service_id").GetInt64());
        Assert.All(areaTrail.Concat(ruleTrail), e => Assert.StartsWith("staff:", e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task StaffAndClientSecrets_AreNeverCopiedIntoTheTrail_OnlyThatTheyChanged()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var roads = await DemoRequests.DepartmentIdAsync(app, "Roads Section");
        object Account(string password) => new
        {
            username = "m.kounali", display_name = "Μαρία Κουνάλη", role = "staff", department_id = roads, password,
        };

        var (_, account) = await admin.PostAsync("/admin/staff", Account("first-password-1"));
        var accountId = account.GetProperty("id").GetInt64();
        await admin.PutAsync($"/admin/staff/{accountId}", Account("second-password-2"));
        var (_, client) = await admin.PostAsync("/admin/clients", new { name = "Δημότης app", rate_limit_per_minute = 10 });
        var clientId = client.GetProperty("client").GetProperty("id").GetInt64();
        await admin.PostAsync($"/admin/clients/{clientId}/revoke", null);

        var staffTrail = await TrailAsync(admin, AuditEntity.Staff, accountId);
        var clientTrail = await TrailAsync(admin, AuditEntity.Client, clientId);

        Assert.Equal("(hidden)", staffTrail[1].GetProperty("after").GetProperty("password_hash").GetString());
        Assert.Equal("(hidden)", staffTrail[0].GetProperty("before").GetProperty("password_hash").GetString());
        Assert.Equal("(changed)", staffTrail[0].GetProperty("after").GetProperty("password_hash").GetString());
        Assert.Equal("(hidden)", clientTrail[1].GetProperty("after").GetProperty("key_hash").GetString());
        Assert.Equal(JsonValueKind.Null, clientTrail[0].GetProperty("before").GetProperty("revoked_at").ValueKind);
        Assert.Equal(JsonValueKind.String, clientTrail[0].GetProperty("after").GetProperty("revoked_at").ValueKind);
        var (_, everything) = await admin.GetAsync("/admin/audit");
        Assert.DoesNotContain(client.GetProperty("api_key").GetString()!, everything.ToString());
    }

    [Fact]
    public async Task CategoryWithAttributes_AuditsEachRowItAdds()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (_, category) = await admin.PostAsync("/admin/services", new
        {
            code = "AU1", name_el = "Αφίσες", name_en = "Fly-posting", description_el = "", description_en = "", group_el = "Καθαριότητα", group_en = "Cleaning",
            attributes = new[]
            {
                new { code = "where", datatype = "singlevaluelist", required = true, order = 1, description_el = "Πού;", description_en = "Where?",
                    values = new[] { new { key = "pole", name_el = "Κολόνα", name_en = "Pole" } } },
            },
        });

        var trail = await TrailAsync(admin, AuditEntity.Service, category.GetProperty("id").GetInt64());
        var (_, attributes) = await admin.GetAsync($"/admin/audit?entity={AuditEntity.ServiceAttribute}");
        var (_, values) = await admin.GetAsync($"/admin/audit?entity={AuditEntity.AttributeValue}");

        Assert.Equal("Fly-posting", Assert.Single(trail).GetProperty("after").GetProperty("name_en").GetString());
        Assert.Contains(attributes.EnumerateArray(), e => e.GetProperty("after").GetProperty("code").GetString() == "where");
        Assert.Contains(values.EnumerateArray(), e => e.GetProperty("after").GetProperty("key").GetString() == "pole");
    }

    [Fact]
    public async Task SavingAnAuditedChangeAroundTheTrail_IsRefused()
    {
        await using var db = app.Db();
        var department = db.Departments.First(d => d.JurisdictionId == DemoCatalog.JurisdictionId);
        department.Email = "elsewhere@example.gr";

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("SaveAuditedAsync", refused.Message);
    }

    private static string Action(JsonElement entry) => entry.GetProperty("action").GetString()!;

    /// <summary>Newest first.</summary>
    private static async Task<List<JsonElement>> TrailAsync(AdminClient admin, string entity, long id)
    {
        var (response, body) = await admin.GetAsync($"/admin/audit?entity={entity}&entity_id={id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. body.EnumerateArray()];
    }
}

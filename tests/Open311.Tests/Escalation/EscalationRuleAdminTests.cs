using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Escalation;

/// <summary>Escalation rules, department heads and supervisors through the admin API: checked, audited, read by staff, changed by administrators.</summary>
public class EscalationRuleAdminTests(Open311App app) : IClassFixture<Open311App>
{
    [Fact]
    public async Task ARule_IsChecked_Audited_ReadByStaff_AndChangedOnlyByAdministrators()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (created, rule) = await admin.PostAsync("/admin/escalation-rules",
            new { clock = "resolution", at_percent = 150, alert_supervisors = true, raise_priority_to = "urgent" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = rule.GetProperty("id").GetInt64();
        Assert.Equal("resolution", rule.GetProperty("clock").GetString());
        Assert.Equal(150, rule.GetProperty("at_percent").GetInt32());
        Assert.False(rule.GetProperty("alert_head").GetBoolean());
        Assert.Equal("urgent", rule.GetProperty("raise_priority_to").GetString());

        var tooLate = AdminClient.AssertProblem(await admin.PostAsync("/admin/escalation-rules", new { clock = "response", at_percent = 1001, alert_head = true }),
            HttpStatusCode.BadRequest);
        Assert.True(tooLate.GetProperty("errors").TryGetProperty("at_percent", out _));
        var idle = AdminClient.AssertProblem(await admin.PostAsync("/admin/escalation-rules", new { clock = "response", at_percent = 50 }), HttpStatusCode.BadRequest);
        Assert.True(idle.GetProperty("errors").TryGetProperty("alert_head", out _));
        AdminClient.AssertProblem(await admin.PostAsync("/admin/escalation-rules", new { clock = "weekly", at_percent = 50, alert_head = true }), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await admin.PostAsync("/admin/escalation-rules", new { clock = "resolution", at_percent = 150, alert_head = true }),
            HttpStatusCode.Conflict);

        var viewer = await AdminClient.SignInAsync(app, "viewer");
        var (listed, rules) = await viewer.GetAsync("/admin/escalation-rules");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Single(rules.EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PutAsync($"/admin/escalation-rules/{id}", new { clock = "resolution", at_percent = 120, alert_head = true })).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/admin/escalation-rules/{id}")).Response.StatusCode);

        var (updated, changed) = await admin.PutAsync($"/admin/escalation-rules/{id}", new { clock = "resolution", at_percent = 120, alert_head = true });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(JsonNull, changed.GetProperty("raise_priority_to").ValueKind);
        AdminClient.AssertProblem(await admin.PutAsync("/admin/escalation-rules/999999", new { clock = "resolution", at_percent = 120, alert_head = true }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/admin/escalation-rules/{id}")).Response.StatusCode);
        AdminClient.AssertProblem(await admin.DeleteAsync($"/admin/escalation-rules/{id}"), HttpStatusCode.NotFound);

        await using var db = app.Db();
        var trail = await db.AuditEvents.AsNoTracking().Where(e => e.Entity == AuditEntity.EscalationRule && e.EntityId == id.ToString()).OrderBy(e => e.Id)
            .Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], trail);
    }

    [Fact]
    public async Task ADepartmentsHead_AndASupervisor_AreSetThroughTheirOwnAdminApis()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (created, supervisor) = await admin.PostAsync("/admin/staff", new
        {
            username = "supervisor.admin.test", display_name = "Επόπτρια", role = "dispatcher", email = "supervisor.admin@heraklion.test",
            password = "escalation-2026", supervisor = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(supervisor.GetProperty("supervisor").GetBoolean());
        Assert.Equal(["assigned", "escalated"], supervisor.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()!));

        var department = await DemoRequests.DepartmentIdAsync(app, "Roads Section");
        var head = supervisor.GetProperty("id").GetInt64();
        var input = new { name_el = "Τμήμα Οδοποιίας", name_en = "Roads Section", email = "roads@heraklion.gr", head_id = head };
        var (updated, view) = await admin.PutAsync($"/admin/departments/{department}", input);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(head, view.GetProperty("head_id").GetInt64());
        var unknown = AdminClient.AssertProblem(await admin.PutAsync($"/admin/departments/{department}", input with { head_id = 999999L }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("head_id", out _));
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}

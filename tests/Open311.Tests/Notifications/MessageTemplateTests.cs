using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Notifications;

/// <summary>Administrators word citizens' messages their own way; what could not work (unknown placeholders, missing links, too long an SMS) is refused.</summary>
public class MessageTemplateTests
{
    [Fact]
    public async Task List_ShowsEveryKindChannelAndLanguage_AsDefaults_ToAdministratorsOnly()
    {
        await using var app = await StartAsync();
        var admin = await AdminClient.SignInAsync(app, "admin");

        var (response, body) = await admin.GetAsync("/admin/message-templates");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var templates = body.EnumerateArray().ToList();
        Assert.Equal(3 * 2 * 2, templates.Count); // recorded/updated/closed × email/sms × el/en
        Assert.All(templates, t => Assert.True(t.GetProperty("is_default").GetBoolean()));
        var sms = templates.Single(t => t.GetProperty("kind").GetString() == "recorded" && t.GetProperty("channel").GetString() == "sms"
            && t.GetProperty("language").GetString() == "el");
        Assert.Equal(JsonValueKind.Null, sms.GetProperty("subject").ValueKind);
        Assert.Contains("{follow_url}", sms.GetProperty("body").GetString());
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/admin/message-templates")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PutAsync("/admin/message-templates/recorded/sms/el", new { body = "x" })).Response.StatusCode);
    }

    [Theory]
    [InlineData("recorded/email/el", "{\"subject\":\"Αίτημα {protocol_number}\",\"body\":\"{greeting} {follow_url} {unsubscribe_url}\"}", "body", "unknown placeholder {greeting}")]
    [InlineData("recorded/email/el", "{\"subject\":\"Αίτημα {number}\",\"body\":\"{follow_url} {unsubscribe_url}\"}", "subject", "unknown placeholder {number}")]
    [InlineData("recorded/email/el", "{\"subject\":\"Αίτημα\",\"body\":\"Δείτε το: {follow_url}\"}", "body", "must contain {unsubscribe_url}")]
    [InlineData("recorded/email/el", "{\"body\":\"{follow_url} {unsubscribe_url}\"}", "subject", "required")]
    [InlineData("updated/sms/el", "{\"body\":\"Αίτημα {protocol_number}: {state}.\"}", "body", "must contain {follow_url} and {stop}")]
    [InlineData("updated/sms/el", "{\"subject\":\"x\",\"body\":\"{follow_url} {stop}\"}", "subject", "an SMS has no subject")]
    [InlineData("closed/sms/el", "{\"body\":\"Το αίτημά σας {protocol_number} για «{service}» έκλεισε και η τελική του κατάσταση είναι {state}. {follow_url} {stop}\"}",
        "body", "SMS segments; at most 2 are allowed")]
    public async Task BadTemplate_IsRefusedWithFieldErrors_AndTheDefaultStays(string path, string json, string field, string message)
    {
        await using var app = await StartAsync();
        var admin = await AdminClient.SignInAsync(app, "admin");

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await admin.Http.PutAsync($"/admin/message-templates/{path}", content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(body.GetProperty("errors").GetProperty(field).EnumerateArray(), e => e.GetString()!.Contains(message));
        await using var db = app.Db();
        Assert.Equal(0, await db.MessageTemplates.CountAsync());
    }

    [Theory]
    [InlineData("noticed/sms/el")]
    [InlineData("recorded/fax/el")]
    [InlineData("recorded/sms/de")]
    [InlineData("recorded/email,sms/el")]
    [InlineData("1/sms/el")]
    public async Task UnknownTemplate_IsNotFound(string path)
    {
        await using var app = await StartAsync();
        var admin = await AdminClient.SignInAsync(app, "admin");
        AdminClient.AssertProblem(await admin.PutAsync($"/admin/message-templates/{path}", new { body = "{follow_url} {stop}" }), HttpStatusCode.NotFound);
        AdminClient.AssertProblem(await admin.DeleteAsync($"/admin/message-templates/{path}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ValidOverride_IsUsedInTheNextMessage_IsAudited_AndDeleteRestoresTheDefault()
    {
        await using var app = await StartAsync();
        var admin = await AdminClient.SignInAsync(app, "admin");
        const string Body = "Δήμος Ηρακλείου: λάβαμε το {protocol_number}. {follow_url} {stop}";

        var (saved, entry) = await admin.PutAsync("/admin/message-templates/recorded/sms/el", new { body = Body });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, entry.ToString());
        Assert.False(entry.GetProperty("is_default").GetBoolean());
        var (id, protocol) = await app.PhoneRequestAsync(email: false);
        await app.SettledAsync(id, 1);

        Assert.StartsWith($"Δήμος Ηρακλείου: λάβαμε το {protocol}. {CitizenMessagesApp.Site}/follow/", Assert.Single(app.Sms).Text);
        Assert.StartsWith("sent: template recorded/el, 2 SMS segments (Ucs2)", (await app.MessagesAsync(id)).Single().GetProperty("note").GetString());
        var (_, list) = await admin.GetAsync("/admin/message-templates");
        Assert.Single(list.EnumerateArray(), t => !t.GetProperty("is_default").GetBoolean());

        var (reset, restored) = await admin.DeleteAsync("/admin/message-templates/recorded/sms/el");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.True(restored.GetProperty("is_default").GetBoolean());
        var (second, secondProtocol) = await app.PhoneRequestAsync(email: false);
        await app.SettledAsync(second, 1);
        Assert.StartsWith($"Το αίτημά σας {secondProtocol} καταχωρίστηκε", app.Sms[1].Text);
        await using var db = app.Db();
        Assert.Equal(["created", "deleted"], await db.AuditEvents.Where(a => a.Entity == "message_template").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    private static async Task<CitizenMessagesApp> StartAsync()
    {
        var app = new CitizenMessagesApp();
        await app.InitializeAsync();
        return app;
    }
}

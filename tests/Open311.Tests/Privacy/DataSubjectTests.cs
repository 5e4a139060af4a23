using System.Globalization;
using System.Net;
using System.Text.Json;
using Open311.Core.Requests;
using Open311.Tests.Citizens;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Privacy;

public class DataSubjectTests(Open311App app) : IClassFixture<Open311App>
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<List<JsonElement>> AuditAsync(AdminClient admin, long id)
    {
        var (_, audit) = await admin.GetAsync($"/admin/audit?entity=request&entity_id={id}");
        return [.. audit.EnumerateArray()];
    }

    [Fact]
    public async Task ByEmail_FindExportErase_AreAudited_StopMessages_AndLeavePublicOutputAlone()
    {
        var email = $"maria.{Guid.NewGuid():N}@example.gr";
        var made = await PrivacyRequests.WithContactAsync(app, email.ToUpperInvariant(), "6900000001");
        var other = await DemoRequests.RoadsAsync(app);
        await PrivacyRequests.FollowUpAsync(app, other, email);
        var publicBefore = (await app.GeoReport().GetRequestJsonAsync(Id(made))).ToString();
        var admin = await AdminClient.SignInAsync(app, "admin");

        var (found, data) = await admin.PostAsync("/admin/privacy/contacts/find", new { email });
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var request = Assert.Single(data.GetProperty("requests").EnumerateArray());
        Assert.Equal(made, request.GetProperty("id").GetInt64());
        Assert.Equal("6900000001", request.GetProperty("contact").GetProperty("phone").GetString());
        var followUp = Assert.Single(data.GetProperty("follow_ups").EnumerateArray());
        Assert.Equal(other, followUp.GetProperty("request_id").GetInt64());

        var (exported, file) = await admin.PostAsync("/admin/privacy/contacts/export", new { email });
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Contains("attachment", exported.Content.Headers.ContentDisposition?.ToString() ?? "");
        Assert.Equal(data.ToString(), file.ToString());

        var (erased, counts) = await admin.PostAsync("/admin/privacy/contacts/erase", new { email });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(1, counts.GetProperty("requests").GetInt32());
        Assert.Equal(1, counts.GetProperty("follow_ups").GetInt32());

        var stored = await CitizenRequests.StoredAsync(app, made);
        Assert.Equal(new RequesterContact(), stored.Contact);
        Assert.False(stored.NotifyEmail);
        Assert.False(stored.NotifySms);
        Assert.Contains(await CitizenRequests.HistoryAsync(app, made), e => e.Kind == RequestEventKind.ContactAnonymised && !e.IsPublic);
        var (_, nothing) = await admin.PostAsync("/admin/privacy/contacts/find", new { email });
        Assert.Empty(nothing.GetProperty("requests").EnumerateArray());
        Assert.Empty(nothing.GetProperty("follow_ups").EnumerateArray());
        Assert.Equal(publicBefore, (await app.GeoReport().GetRequestJsonAsync(Id(made))).ToString());

        foreach (var id in new[] { made, other })
        {
            var audit = await AuditAsync(admin, id);
            foreach (var action in new[] { "viewed_contact", "exported_contact", "erased_contact" })
            {
                Assert.Contains(audit, e => e.GetProperty("action").GetString() == action);
            }

            Assert.DoesNotContain(email, string.Join("\n", audit), StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ByPhone_InAnotherFormat_FindsAndErases()
    {
        var made = await PrivacyRequests.WithContactAsync(app, $"giorgos.{Guid.NewGuid():N}@example.gr", "6912 345 678");
        var admin = await AdminClient.SignInAsync(app, "admin");

        var (_, data) = await admin.PostAsync("/admin/privacy/contacts/find", new { phone = "+30 691 234 5678" });
        Assert.Contains(data.GetProperty("requests").EnumerateArray(), r => r.GetProperty("id").GetInt64() == made);

        var (erased, _) = await admin.PostAsync("/admin/privacy/contacts/erase", new { phone = "00306912345678" });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Null((await CitizenRequests.StoredAsync(app, made)).Contact.Phone);
        Assert.Contains(await AuditAsync(admin, made), e => e.GetProperty("action").GetString() == "erased_contact");
    }

    [Theory]
    [InlineData("dispatcher")]
    [InlineData("viewer")]
    public async Task OnlyAdmins_MayAsk(string username)
    {
        var staff = await AdminClient.SignInAsync(app, username);
        foreach (var step in new[] { "find", "export", "erase" })
        {
            AdminClient.AssertProblem(await staff.PostAsync($"/admin/privacy/contacts/{step}", new { email = "x@example.gr" }), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task NeitherOrBoth_IsAValidationProblem()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        AdminClient.AssertProblem(await admin.PostAsync("/admin/privacy/contacts/find", new { }), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await admin.PostAsync("/admin/privacy/contacts/erase", new { email = "a@b.gr", phone = "6900000000" }), HttpStatusCode.BadRequest);
        AdminClient.AssertProblem(await admin.PostAsync("/admin/privacy/contacts/find", new { phone = "no digits" }), HttpStatusCode.BadRequest);
    }
}

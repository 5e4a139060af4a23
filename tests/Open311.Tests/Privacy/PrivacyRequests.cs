using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Privacy;

/// <summary>Requests with a citizen's contact data, closed by the dispatcher, and follow-ups sent on them through a client app.</summary>
public static class PrivacyRequests
{
    public static Task<long> WithContactAsync(Open311App app, string email, string phone) =>
        DemoRequests.SubmitAsync(app, ("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"), ("attribute[fault]", "off"),
            ("description", "Σβηστή λάμπα"), ("first_name", "Ελένη"), ("last_name", "Μαρκάκη"), ("email", email), ("email_alerts_requested", "true"),
            ("phone", phone), ("sms_alerts_requested", "true"), ("device_id", "device-4711"), ("account_id", "account-4711"));

    public static async Task CloseAsync(Open311App app, long id)
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        foreach (var to in new[] { "acknowledged", "resolved" })
        {
            var (response, body) = await dispatcher.PostAsync($"/admin/requests/{id}/transitions",
                new { to, version = await dispatcher.VersionAsync(id), public_note = to == "resolved" ? "Αντικαταστάθηκε." : null });
            Assert.True(response.IsSuccessStatusCode, body.ToString());
        }
    }

    /// <summary>A citizen's follow-up (POST servicerequestupdates) with a name and e-mail.</summary>
    public static async Task FollowUpAsync(Open311App app, long id, string email)
    {
        var response = await app.GeoReport().Http.PostAsync($"{GeoReportClient.Base}/servicerequestupdates.json", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["api_key"] = DemoData.ApiKey, ["service_request_id"] = id.ToString(CultureInfo.InvariantCulture), ["update_id"] = $"u-{Guid.NewGuid():N}",
                ["status"] = "OPEN", ["updated_datetime"] = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                ["description"] = "Ακόμα σβηστή", ["first_name"] = "Ευτυχία", ["last_name"] = "Σταυρακάκη", ["email"] = email,
            }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

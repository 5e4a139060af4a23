using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Hosting;
using Open311.Core.Requests;
using Open311.Tests.Infrastructure;
using static Open311.Tests.Duplicates.DuplicateRequests;

namespace Open311.Tests.Duplicates;

/// <summary>
/// Intake looks for open requests of the same category near and recent (per category settings), lists them to the
/// operator, stores them as suggestions staff confirm or reject, and Open311 shows them only as public information.
/// </summary>
public class DuplicateIntakeTests(Open311App app) : IClassFixture<Open311App>
{
    [Fact]
    public async Task PhoneIntake_ListsNearbyOpenRequestsOfTheCategory_NotFarOldClosedOrOtherCategories()
    {
        var (lat, lon) = (35.3012, 25.1012);
        var here = await PotholeAsync(app, lat, lon);
        var near = await PotholeAsync(app, lat + (20 * Metre), lon);
        var far = await PotholeAsync(app, lat + (60 * Metre), lon); // potholes: 30 m in the demo
        var lamp = await LampAsync(app, lat, lon);
        var closed = await PotholeAsync(app, lat, lon);
        await CloseAsync(app, closed);
        var old = (await PhonePotholeAsync(app, lat, lon, DateTimeOffset.UtcNow.AddDays(-40).ToString("O")))
            .GetProperty("request").GetProperty("id").GetInt64();

        var detail = await PhonePotholeAsync(app, lat, lon);

        // Nearest first; "old" was requested before the category's 30 days.
        Assert.Equal([here, near], PossibleDuplicateIds(detail));
        var first = detail.GetProperty("possible_duplicates")[0];
        Assert.Equal(0, first.GetProperty("distance_metres").GetInt32());
        Assert.Equal("received", first.GetProperty("state").GetString());
        Assert.StartsWith($"{DateTime.UtcNow.Year}/", first.GetProperty("protocol_number").GetString());
        Assert.True(first.TryGetProperty("requested_at", out _));
        Assert.InRange(detail.GetProperty("possible_duplicates")[1].GetProperty("distance_metres").GetInt32(), 19, 21);
        Assert.DoesNotContain(far, PossibleDuplicateIds(detail));
        Assert.DoesNotContain(lamp, PossibleDuplicateIds(detail));
        Assert.DoesNotContain(closed, PossibleDuplicateIds(detail));
        Assert.DoesNotContain(old, PossibleDuplicateIds(detail));

        // The staff detail shows the same, later too.
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        Assert.Equal([here, near], PossibleDuplicateIds(await dispatcher.RequestAsync(detail.GetProperty("request").GetProperty("id").GetInt64())));
    }

    [Fact]
    public async Task Settings_AreEditedByAdminsOnly_Checked_Audited_AndUsedAtOnce()
    {
        await using var db = app.Db();
        var signs = await db.Services.AsNoTracking().SingleAsync(s => s.JurisdictionId == DemoCatalog.JurisdictionId && s.Code == "009");
        var admin = await AdminClient.SignInAsync(app, "admin");
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var path = $"/admin/services/{signs.Id}/duplicate-check";
        var (_, before) = await admin.GetAsync(path);
        Assert.Equal(50, before.GetProperty("distance_metres").GetInt32()); // the default for a category the demo does not tune
        Assert.Equal(30, before.GetProperty("age_days").GetInt32());

        AdminClient.AssertProblem(await dispatcher.PutAsync(path, new { distance_metres = 100, age_days = 10 }), HttpStatusCode.Forbidden);
        var invalid = AdminClient.AssertProblem(await admin.PutAsync(path, new { distance_metres = 5000, age_days = 0 }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("distance_metres", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("age_days", out _));
        AdminClient.AssertProblem(await admin.PutAsync("/admin/services/999999/duplicate-check", new { distance_metres = 10, age_days = 1 }), HttpStatusCode.NotFound);

        var (response, saved) = await admin.PutAsync(path, new { distance_metres = 200, age_days = 10 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, saved.GetProperty("distance_metres").GetInt32());
        Assert.Equal(10, (await admin.GetAsync(path)).Body.GetProperty("age_days").GetInt32());
        var audited = await db.AuditEvents.AsNoTracking().Where(a => a.Entity == "service" && a.EntityId == signs.Id.ToString()).Select(a => a.After).ToListAsync();
        Assert.Contains(audited, after => after is not null && after.Contains("\"duplicate_distance_metres\": 200", StringComparison.Ordinal));

        // Signs 150 m apart are now one problem.
        var (lat, lon) = (35.3102, 25.1102);
        var sign = await DemoRequests.SubmitAsync(app, ("service_code", "009"), ("lat", $"{lat}"), ("long", $"{lon}"));
        var again = await DemoRequests.SubmitAsync(app, ("service_code", "009"), ("lat", $"{lat + (150 * Metre)}"), ("long", $"{lon}"));
        Assert.Equal([sign], PossibleDuplicateIds(await admin.RequestAsync(again)));
    }

    [Fact]
    public async Task Open311Submission_IsStoredWithItsSuggestion_ShownAsPublicInformationOnly()
    {
        var (lat, lon) = (35.3201, 25.1201);
        var original = await PotholeAsync(app, lat, lon);
        var other = await PotholeAsync(app, lat + (10 * Metre), lon);
        var repeat = await PotholeAsync(app, lat + (7 * Metre), lon, ("email", "eleni@example.gr"));

        var shown = await app.GeoReport().GetRequestJsonAsync($"{repeat}", "?extensions=true");
        Assert.Equal($"{other},{original}", shown.GetProperty("extended_attributes").GetProperty("possible_duplicate_of").GetString());
        var plain = await app.GeoReport().GetRequestJsonAsync($"{repeat}");
        Assert.False(plain.TryGetProperty("extended_attributes", out _));
        var (_, xml) = await app.GeoReport().GetXmlAsync($"/requests/{repeat}.xml?extensions=true");
        Assert.Equal($"{other},{original}", xml.Descendants("possible_duplicate_of").Single().Value);

        // A candidate moved to a private category is no longer named publicly (staff still see it).
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (moved, body) = await dispatcher.PutAsync($"/admin/requests/{other}/category",
            new { service_code = "014", version = await dispatcher.VersionAsync(other), reason = "κοινωνική υπηρεσία" });
        Assert.True(moved.StatusCode == HttpStatusCode.OK, body.ToString());
        shown = await app.GeoReport().GetRequestJsonAsync($"{repeat}", "?extensions=true");
        Assert.Equal($"{original}", shown.GetProperty("extended_attributes").GetProperty("possible_duplicate_of").GetString());
        var (_, list) = await app.GeoReport().GetJsonAsync($"/requests.json?service_request_id={repeat}&extensions=true");
        Assert.DoesNotContain($"{other}", list.ToString());
        Assert.DoesNotContain("eleni@example.gr", list.ToString());
        Assert.Equal([other, original], PossibleDuplicateIds(await dispatcher.RequestAsync(repeat)));
    }

    [Fact]
    public async Task Suggestions_AreRejectedOrConfirmed_EachAHistoryEvent_ConfirmingMergesTheRequester()
    {
        var (lat, lon) = (35.3301, 25.1301);
        var original = await PotholeAsync(app, lat, lon);
        var other = await PotholeAsync(app, lat + (12 * Metre), lon);
        var repeat = await PotholeAsync(app, lat + (4 * Metre), lon, ("email", "nikos@example.gr"), ("email_alerts_requested", "true"));
        var roads = await AdminClient.SignInAsync(app, "roads");
        var suggestions = (await roads.RequestAsync(repeat)).GetProperty("possible_duplicates").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetInt64(), s => s.GetProperty("suggestion_id").GetInt64());

        var (rejected, afterReject) = await roads.PostAsync($"/admin/requests/{repeat}/duplicate-suggestions/{suggestions[other]}/reject",
            new { version = await roads.VersionAsync(repeat), reason = "άλλη λακκούβα, στο απέναντι ρεύμα" });
        Assert.True(rejected.StatusCode == HttpStatusCode.OK, afterReject.ToString());
        Assert.Equal([original], PossibleDuplicateIds(afterReject));
        AdminClient.AssertProblem(await roads.PostAsync($"/admin/requests/{repeat}/duplicate-suggestions/{suggestions[other]}/confirm",
            new { version = await roads.VersionAsync(repeat) }), HttpStatusCode.NotFound); // decided already
        AdminClient.AssertProblem(await roads.PostAsync($"/admin/requests/{repeat}/duplicate-suggestions/{suggestions[original]}/confirm",
            new { version = 1u }), HttpStatusCode.Conflict); // stale

        var (confirmed, afterConfirm) = await roads.PostAsync($"/admin/requests/{repeat}/duplicate-suggestions/{suggestions[original]}/confirm",
            new { version = await roads.VersionAsync(repeat) });
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, afterConfirm.ToString());
        Assert.Equal(original, afterConfirm.GetProperty("duplicate_of_id").GetInt64());
        Assert.Empty(PossibleDuplicateIds(afterConfirm));
        Assert.Equal(1, (await roads.RequestAsync(original)).GetProperty("followers").GetInt32()); // the repeat's requester follows the original

        await using var db = app.Db();
        var kinds = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == repeat).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal([RequestEventKind.Submitted, RequestEventKind.DuplicateRejected, RequestEventKind.MarkedDuplicate], kinds);
        Assert.Single(await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == original && e.Kind == RequestEventKind.FollowerAdded).ToListAsync());
        var decisions = await db.DuplicateSuggestions.AsNoTracking().Where(s => s.RequestId == repeat).ToDictionaryAsync(s => s.CandidateId, s => s.Decision);
        Assert.Equal(Core.Duplicates.SuggestionDecision.Rejected, decisions[other]);
        Assert.Equal(Core.Duplicates.SuggestionDecision.Confirmed, decisions[original]);
        var shown = await app.GeoReport().GetRequestJsonAsync($"{repeat}", "?extensions=true");
        Assert.Equal($"{original}", shown.GetProperty("extended_attributes").GetProperty("duplicate_of").GetString());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("extended_attributes").GetProperty("possible_duplicate_of").ValueKind);
    }
}

using System.Net;
using System.Text.Json;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

public class WorkflowTests(Open311App app) : IClassFixture<Open311App>
{
    [Fact]
    public async Task RequestTakenToResolved_ShowsThroughOpen311WithPublicNotesOnly()
    {
        var id = await DemoRequests.LightingAsync(app);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var lighting = await AdminClient.SignInAsync(app, "lighting");

        var (_, received) = await dispatcher.GetAsync("/admin/requests?state=received&service_code=006");
        Assert.Contains(received.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);

        var detail = await dispatcher.RequestAsync(id);
        Assert.Equal("received", detail.GetProperty("request").GetProperty("state").GetString());
        Assert.Contains(detail.GetProperty("allowed_transitions").EnumerateArray(), t => t.GetProperty("to").GetString() == "acknowledged");

        var (ack, _) = await dispatcher.PostAsync($"/admin/requests/{id}/transitions",
            new { to = "acknowledged", version = await dispatcher.VersionAsync(id), internal_note = "Ο στύλος είναι δίπλα στο περίπτερο" });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var (start, _) = await lighting.PostAsync($"/admin/requests/{id}/transitions", new { to = "in_progress", version = await lighting.VersionAsync(id) });
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var (done, resolved) = await lighting.PostAsync($"/admin/requests/{id}/transitions",
            new { to = "resolved", version = await lighting.VersionAsync(id), public_note = "Ο λαμπτήρας αντικαταστάθηκε." });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("closed", resolved.GetProperty("request").GetProperty("status").GetString());

        var open311 = await app.GeoReport().GetRequestJsonAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "?extensions=true&locale=en");
        Assert.Equal("closed", open311.GetProperty("status").GetString());
        Assert.Equal("Ο λαμπτήρας αντικαταστάθηκε.", open311.GetProperty("status_notes").GetString());
        Assert.Equal("resolved", open311.GetProperty("extended_attributes").GetProperty("detailed_status").GetString());
        var notes = open311.GetProperty("notes").EnumerateArray().Select(n => (n.GetProperty("type").GetString(), n.GetProperty("summary").GetString())).ToList();
        Assert.Equal(("opened", "Request received"), notes[0]);
        Assert.Equal(4, notes.Count);
        Assert.Equal(("status_changed", "Acknowledged"), notes[1]);
        Assert.Equal(("status_changed", "In progress"), notes[2]);
        Assert.Equal(("status_changed", "Ο λαμπτήρας αντικαταστάθηκε."), notes[^1]);
        Assert.DoesNotContain(notes, n => n.Item2!.Contains("περίπτερο", StringComparison.Ordinal));

        var (_, history) = await dispatcher.GetAsync($"/admin/requests/{id}/history");
        var internalNote = history.EnumerateArray().Single(e => e.GetProperty("note").ValueKind == JsonValueKind.String
            && e.GetProperty("note").GetString()!.Contains("περίπτερο", StringComparison.Ordinal));
        Assert.False(internalNote.GetProperty("is_public").GetBoolean());
        var last = history.EnumerateArray().Last();
        Assert.StartsWith("staff:", last.GetProperty("actor").GetString());
        Assert.Equal("in_progress", last.GetProperty("changes").GetProperty("state").GetProperty("before").GetString());
        Assert.Equal("resolved", last.GetProperty("changes").GetProperty("state").GetProperty("after").GetString());
    }

    [Fact]
    public async Task IllegalTransition_Returns409WithTheAllowedOnes()
    {
        var id = await DemoRequests.LightingAsync(app);
        var staff = await AdminClient.SignInAsync(app, "lighting");

        var body = AdminClient.AssertProblem(await staff.PostAsync($"/admin/requests/{id}/transitions",
            new { to = "received", version = await staff.VersionAsync(id) }), HttpStatusCode.Conflict);

        var allowed = body.GetProperty("allowed_transitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()).ToList();
        Assert.Contains("acknowledged", allowed);
        Assert.DoesNotContain("rejected", allowed); // dispatchers and administrators only
    }

    [Fact]
    public async Task TransitionNotAllowedForRole_Returns403_AndNoteRequired_Returns400()
    {
        var id = await DemoRequests.LightingAsync(app);
        var staff = await AdminClient.SignInAsync(app, "lighting");
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");

        AdminClient.AssertProblem(await staff.PostAsync($"/admin/requests/{id}/transitions",
            new { to = "rejected", version = await staff.VersionAsync(id), public_note = "όχι" }), HttpStatusCode.Forbidden);
        var missing = AdminClient.AssertProblem(await dispatcher.PostAsync($"/admin/requests/{id}/transitions",
            new { to = "rejected", version = await dispatcher.VersionAsync(id) }), HttpStatusCode.BadRequest);
        Assert.Contains("public note", missing.GetProperty("detail").GetString());
        Assert.Equal("received", (await dispatcher.RequestAsync(id)).GetProperty("request").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Reopening_ClearsTheEarlierStatesNote()
    {
        var id = await DemoRequests.LightingAsync(app);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await dispatcher.PostAsync($"/admin/requests/{id}/transitions", new { to = "rejected", version = await dispatcher.VersionAsync(id), public_note = "Δεν είναι δημοτικός στύλος." });
        Assert.Equal("Δεν είναι δημοτικός στύλος.", (await app.GeoReport().GetRequestJsonAsync(key)).GetProperty("status_notes").GetString());
        await dispatcher.PostAsync($"/admin/requests/{id}/transitions", new { to = "received", version = await dispatcher.VersionAsync(id) });

        var reopened = await app.GeoReport().GetRequestJsonAsync(key);
        Assert.Equal("open", reopened.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("status_notes").ValueKind);
    }

    [Fact]
    public async Task MarkDuplicate_ClosesAndPointsAtTheOriginal()
    {
        var original = await DemoRequests.LightingAsync(app);
        var duplicate = await DemoRequests.LightingAsync(app);
        var staff = await AdminClient.SignInAsync(app, "lighting");

        var (response, body) = await staff.PostAsync($"/admin/requests/{duplicate}/duplicate-of",
            new { original_id = original, version = await staff.VersionAsync(duplicate) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(original, body.GetProperty("duplicate_of_id").GetInt64());
        var open311 = await app.GeoReport().GetRequestJsonAsync(duplicate.ToString(System.Globalization.CultureInfo.InvariantCulture), "?extensions=true");
        Assert.Equal("closed", open311.GetProperty("status").GetString());
        Assert.Equal(original.ToString(System.Globalization.CultureInfo.InvariantCulture),
            open311.GetProperty("extended_attributes").GetProperty("duplicate_of").GetString());
        Assert.Equal("status_changed", open311.GetProperty("notes").EnumerateArray().Last().GetProperty("type").GetString());
        AdminClient.AssertProblem(await staff.PostAsync($"/admin/requests/{original}/duplicate-of",
            new { original_id = duplicate, version = await staff.VersionAsync(original) }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AssignAndExpected_AreRecordedAndExpectedShowsInOpen311()
    {
        var id = await DemoRequests.LightingAsync(app);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        await using var db = app.Db();
        var lightingStaff = db.StaffAccounts.Single(s => s.Username == "lighting").Id;
        var roadsStaff = db.StaffAccounts.Single(s => s.Username == "roads").Id;

        AdminClient.AssertProblem(await dispatcher.PutAsync($"/admin/requests/{id}/assignee",
            new { assignee_id = roadsStaff, version = await dispatcher.VersionAsync(id) }), HttpStatusCode.BadRequest);
        var (assigned, body) = await dispatcher.PutAsync($"/admin/requests/{id}/assignee", new { assignee_id = lightingStaff, version = await dispatcher.VersionAsync(id) });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(lightingStaff, body.GetProperty("request").GetProperty("assignee_id").GetInt64());
        var (expected, _) = await dispatcher.PutAsync($"/admin/requests/{id}/expected",
            new { expected_datetime = "2031-05-01T10:00:00+03:00", version = await dispatcher.VersionAsync(id) });
        Assert.Equal(HttpStatusCode.OK, expected.StatusCode);

        var open311 = await app.GeoReport().GetRequestJsonAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2031-05-01T10:00:00+03:00", open311.GetProperty("expected_datetime").GetString());
        var (_, mine) = await dispatcher.GetAsync($"/admin/requests?assignee_id={lightingStaff}");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task StaleVersion_Returns409AndChangesNothing()
    {
        var id = await DemoRequests.LightingAsync(app);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var staff = await AdminClient.SignInAsync(app, "lighting");
        var version = await dispatcher.VersionAsync(id);

        var (first, _) = await staff.PostAsync($"/admin/requests/{id}/transitions", new { to = "acknowledged", version });
        var second = await dispatcher.PostAsync($"/admin/requests/{id}/transitions", new { to = "rejected", version, public_note = "διπλό" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("changed by someone else", AdminClient.AssertProblem(second, HttpStatusCode.Conflict).GetProperty("detail").GetString());
        Assert.Equal("acknowledged", (await dispatcher.RequestAsync(id)).GetProperty("request").GetProperty("state").GetString());
    }

    [Fact]
    public async Task ConcurrentEditsOfOneRequest_OneWinsTheOthersGet409()
    {
        var id = await DemoRequests.LightingAsync(app);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var version = await dispatcher.VersionAsync(id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            dispatcher.PostAsync($"/admin/requests/{id}/notes", new { text = $"σημείωση {i}", @public = true, version })));

        Assert.Equal(1, answers.Count(a => a.Response.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, answers.Count(a => a.Response.StatusCode == HttpStatusCode.Conflict));
        var (_, history) = await dispatcher.GetAsync($"/admin/requests/{id}/history");
        Assert.Equal(1, history.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "note"));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Privacy;
using Open311.Core.Requests;
using Open311.Tests.Citizens;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Privacy;

public class RetentionTests(RetentionApp app) : IClassFixture<RetentionApp>
{
    private static async Task<List<RequestEvent>> AnonymisedEventsAsync(Open311App app, long id) =>
        [.. (await CitizenRequests.HistoryAsync(app, id)).Where(e => e.Kind == RequestEventKind.ContactAnonymised)];

    [Fact]
    public async Task TheJob_AnonymisesOnlyClosedRequestsPastRetention_LogsCounts_AndStopsMessages()
    {
        var start = app.Clock.GetUtcNow();
        var email = $"eleni.{Guid.NewGuid():N}@example.gr";
        var due = await PrivacyRequests.WithContactAsync(app, email, "+30 6977 123456");
        await PrivacyRequests.FollowUpAsync(app, due, $"other.{email}");
        await PrivacyRequests.CloseAsync(app, due);
        var open = await PrivacyRequests.WithContactAsync(app, email, "6977123456");
        app.Clock.Set(start.AddMonths(6));
        var recent = await PrivacyRequests.WithContactAsync(app, email, "6977123456");
        await PrivacyRequests.CloseAsync(app, recent);
        var publicBefore = (await app.GeoReport().GetRequestJsonAsync(due.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToString();

        app.Clock.Set(start.AddMonths(12).AddDays(1));

        await Eventually.TrueAsync(async () => (await CitizenRequests.StoredAsync(app, due)).ContactAnonymisedAt is not null);
        var anonymised = await CitizenRequests.StoredAsync(app, due);
        Assert.Equal(new RequesterContact(), anonymised.Contact);
        Assert.False(anonymised.NotifyEmail);
        Assert.False(anonymised.NotifySms);
        var recorded = Assert.Single(await AnonymisedEventsAsync(app, due));
        Assert.False(recorded.IsPublic);
        Assert.Equal(ContactRetention.Why, recorded.Note);
        Assert.DoesNotContain(email, recorded.Changes ?? "");
        await using (var db = app.Db())
        {
            Assert.All(await db.CitizenFollowUps.Where(f => db.RequestEvents.Any(e => e.Id == f.RequestEventId && e.RequestId == due)).ToListAsync(),
                f => Assert.Null(f.Email));
        }

        foreach (var kept in new[] { open, recent })
        {
            var stored = await CitizenRequests.StoredAsync(app, kept);
            Assert.Equal(email, stored.Contact.Email);
            Assert.True(stored.NotifyEmail);
            Assert.Empty(await AnonymisedEventsAsync(app, kept));
        }

        Assert.Contains(app.Logs.Lines, l => l.Contains("Anonymised the contact data of 1 closed requests of", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase) || l.Contains("6977", StringComparison.Ordinal));
        Assert.Equal(publicBefore, (await app.GeoReport().GetRequestJsonAsync(due.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToString());
    }

    [Fact]
    public async Task TwoInstancesRunningAtOnce_AnonymiseEachRequestOnce()
    {
        var start = app.Clock.GetUtcNow();
        var ids = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            var id = await PrivacyRequests.WithContactAsync(app, $"many.{i}@example.gr", "6944000000");
            await PrivacyRequests.CloseAsync(app, id);
            ids.Add(id);
        }

        await using var second = await app.StartSecondInstanceAsync();
        app.Clock.Set(start.AddMonths(13));
        // Both workers run beside these two by-hand runs; every request must end with exactly one event.
        await Task.WhenAll(
            app.Services.GetRequiredService<ContactRetention>().RunAsync(null, CancellationToken.None),
            second.Services.GetRequiredService<ContactRetention>().RunAsync(null, CancellationToken.None));

        // A by-hand run skips the rows another runner holds, so it may end while a background worker is
        // still committing its batch: wait for that, then every request has exactly one event.
        foreach (var id in ids)
        {
            await Eventually.TrueAsync(async () => (await CitizenRequests.StoredAsync(app, id)).Contact.Email is null);
            Assert.Single(await AnonymisedEventsAsync(app, id));
        }
    }

    [Fact]
    public async Task TheJob_RunningBesideIntake_AnonymisesOnlyWhatIsDue_AndIntakeLosesNothing()
    {
        var start = app.Clock.GetUtcNow();
        var due = new List<long>();
        for (var i = 0; i < 9; i++)
        {
            var id = await PrivacyRequests.WithContactAsync(app, $"due.{i}@example.gr", "6944111111");
            await PrivacyRequests.CloseAsync(app, id);
            due.Add(id);
        }

        app.Clock.Set(start.AddMonths(13));
        // New requests arrive, four at a time, while the background worker and by-hand runs anonymise in
        // batches of three: the two take row locks on the same table at once.
        var intake = Task.WhenAll(Enumerable.Range(0, 4).Select(async lane =>
        {
            var ids = new List<long>();
            for (var i = 0; i < 6; i++)
            {
                ids.Add(await PrivacyRequests.WithContactAsync(app, $"new.{lane}.{i}@example.gr", "6944222222"));
            }

            return ids;
        }));
        var retention = app.Services.GetRequiredService<ContactRetention>();
        await Task.WhenAll(intake, retention.RunAsync(null, CancellationToken.None), retention.RunAsync(null, CancellationToken.None));

        var received = (await intake).SelectMany(ids => ids).ToList();
        Assert.Equal(24, received.Distinct().Count());
        foreach (var id in received)
        {
            var stored = await CitizenRequests.StoredAsync(app, id);
            Assert.StartsWith("new.", stored.Contact.Email);
            Assert.Null(stored.ContactAnonymisedAt);
        }

        foreach (var id in due)
        {
            await Eventually.TrueAsync(async () => (await CitizenRequests.StoredAsync(app, id)).Contact.Email is null);
            Assert.Single(await AnonymisedEventsAsync(app, id));
        }
    }

    [Fact]
    public async Task Retention_IsEditedByAdminsOnly_AndAudited()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (_, before) = await admin.GetAsync("/admin/privacy/retention");
        Assert.Equal(12, before.GetProperty("contact_retention_months").GetInt32());

        var (changed, after) = await admin.PutAsync("/admin/privacy/retention", new { contact_retention_months = 24 });
        Assert.True(changed.IsSuccessStatusCode, after.ToString());
        Assert.Equal(24, after.GetProperty("contact_retention_months").GetInt32());
        AdminClient.AssertProblem(await admin.PutAsync("/admin/privacy/retention", new { contact_retention_months = 0 }), System.Net.HttpStatusCode.BadRequest);
        var (_, audit) = await admin.GetAsync("/admin/audit?entity=jurisdiction");
        Assert.Contains("contact_retention_months", audit.ToString());

        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        AdminClient.AssertProblem(await dispatcher.PutAsync("/admin/privacy/retention", new { contact_retention_months = 1 }), System.Net.HttpStatusCode.Forbidden);
        await admin.PutAsync("/admin/privacy/retention", new { contact_retention_months = 12 });
    }
}

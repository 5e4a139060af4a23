using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Open311.Core.Escalation;
using Open311.Core.Requests;
using Open311.Core.Staff;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Escalation;

/// <summary>
/// Escalation on a fixed clock: each rule fires once, at its share of the target in working time, as a staff-only
/// history event; the head and the supervisors hear of it by e-mail through the outbox (a real SMTP server); a rule may
/// raise the priority; a paused clock escalates nothing until it runs again.
/// </summary>
public class EscalationTests(EscalationApp app) : IClassFixture<EscalationApp>
{
    // Each test starts on a Tuesday of its own, a week after the last one's (the clock only goes forward):
    // 8, 15, 22 December 2026, whose Wednesdays are working days too.
    private static int _weeks;

    [Fact]
    public async Task AtItsShareOfTheTarget_ARuleFiresOnce_AndTheHeadHearsOfIt_InGreek()
    {
        var morning = await NextMorningAsync();
        var id = await DemoRequests.LightingAsync(app);
        var request = await app.RequestAsync(id);
        Assert.Equal(morning.AddMinutes(300), request.ResolutionDueAt);
        // The first rule due is the first response's breach, at 09:00.
        Assert.Equal(morning.AddMinutes(60), request.NextEscalationAt);

        app.Clock.Set(morning.AddMinutes(59));
        await Task.Delay(300); // several polls: nothing is due yet
        Assert.Empty(await app.EscalationsAsync(id));

        app.Clock.Set(morning.AddMinutes(60));
        var response = Assert.Single(await EscalationsAsync(id, 1));
        Assert.Equal($"escalation rule {app.Rules[(EscalationClock.Response, 100)]}: response clock at 100 % of its target", response.Note);
        Assert.False(response.IsPublic);
        Assert.Equal(RequestLifecycle.SystemActor, response.Actor);
        // 75 % of 300 working minutes: 11:45.
        Assert.Equal(morning.AddMinutes(225), (await app.RequestAsync(id)).NextEscalationAt);

        app.Clock.Set(morning.AddMinutes(224));
        await Task.Delay(300);
        Assert.Single(await app.EscalationsAsync(id));

        app.Clock.Set(morning.AddMinutes(225));
        var threeQuarters = (await EscalationsAsync(id, 2))[1];
        Assert.Equal($"escalation rule {app.Rules[(EscalationClock.Resolution, 75)]}: resolution clock at 75 % of its target", threeQuarters.Note);
        Assert.Equal(morning.AddMinutes(300), (await app.RequestAsync(id)).NextEscalationAt);
        Assert.Equal(RequestPriority.Normal, (await app.RequestAsync(id)).Priority);

        var mails = await MailsAsync(request.ProtocolNumber, EscalationApp.HeadEmail, 2);
        var mail = Assert.Single(mails, m => Body(m).Contains("75 %", StringComparison.Ordinal));
        Assert.Equal($"Κλιμάκωση του αιτήματος {request.ProtocolNumber}: Βλάβη στον Δημοτικό Φωτισμό", mail.Subject);
        Assert.StartsWith("Το αίτημα έφτασε στο 75 % του χρόνου-στόχου για την επίλυση.\n", Body(mail));
        Assert.Contains($"admin/requests/{id}\n", Body(mail));
        Assert.Single(mails, m => Body(m).StartsWith("Το αίτημα έφτασε στο 100 % του χρόνου-στόχου για την πρώτη απάντηση.\n", StringComparison.Ordinal));
        Assert.Empty(app.EscalationMails(request.ProtocolNumber, EscalationApp.SupervisorEmail));
    }

    [Fact]
    public async Task AtTheBreach_TheSupervisorHearsOfIt_AndThePriorityIsRaised_EachRuleFiringOnce()
    {
        var morning = await NextMorningAsync();
        var id = await DemoRequests.LightingAsync(app);
        var protocol = (await app.RequestAsync(id)).ProtocolNumber;

        // Past everything at once (an instance that was down, say): every rule fires, each once, in order.
        app.Clock.Set(morning.AddMinutes(301));
        var events = await EscalationsAsync(id, 3);
        Assert.Equal(
        [
            $"escalation rule {app.Rules[(EscalationClock.Response, 100)]}: response clock at 100 % of its target",
            $"escalation rule {app.Rules[(EscalationClock.Resolution, 75)]}: resolution clock at 75 % of its target",
            $"escalation rule {app.Rules[(EscalationClock.Resolution, 100)]}: resolution clock at 100 % of its target, priority normal → high",
        ], events.Select(e => e.Note));
        var request = await app.RequestAsync(id);
        Assert.Equal(RequestPriority.High, request.Priority);
        Assert.Equal(100, request.ResolutionEscalatedPercent);
        Assert.Null(request.NextEscalationAt);

        app.Clock.Set(morning.AddDays(1));
        await Task.Delay(300);
        Assert.Equal(3, (await app.EscalationsAsync(id)).Count);

        var mail = Assert.Single(await MailsAsync(protocol, EscalationApp.SupervisorEmail, 1));
        Assert.Equal($"Escalation of request {protocol}: Street lighting fault", mail.Subject);
        Assert.StartsWith("The request has reached 100 % of its target time for resolution.\n", Body(mail));
        Assert.Contains("\nPriority raised to: high\n", Body(mail));
        Assert.Equal(2, (await MailsAsync(protocol, EscalationApp.HeadEmail, 2)).Count);
    }

    [Fact]
    public async Task APausedRequest_HasNoNextEscalation_AndEscalatesOnlyOnceItsClockRunsAgain()
    {
        var morning = await NextMorningAsync();
        var id = await DemoRequests.LightingAsync(app);

        // At 08:30 staff take it up (a first response) and it waits for a contractor: neither clock can escalate.
        app.Clock.Set(morning.AddMinutes(30));
        await TransitionAsync(id, "in_progress");
        await TransitionAsync(id, EscalationApp.PausingState);
        var paused = await app.RequestAsync(id);
        Assert.Null(paused.ResolutionDueAt);
        Assert.Null(paused.NextEscalationAt);

        app.Clock.Set(morning.AddMinutes(400));
        await Task.Delay(300);
        Assert.Empty(await app.EscalationsAsync(id));

        // Work resumes at 14:00 with 270 of 300 minutes left: 30 today, the rest from 08:00 tomorrow.
        app.Clock.Set(morning.AddMinutes(360));
        await TransitionAsync(id, "in_progress");
        var running = await app.RequestAsync(id);
        var tomorrow = morning.AddDays(1);
        Assert.Equal(tomorrow.AddMinutes(240), running.ResolutionDueAt);
        Assert.Equal(tomorrow.AddMinutes(165), running.NextEscalationAt); // 225 minutes used: 30 before, 30 today, 165 tomorrow

        app.Clock.Set(tomorrow.AddMinutes(165));
        var escalation = Assert.Single(await EscalationsAsync(id, 1));
        Assert.Contains("resolution clock at 75 %", escalation.Note, StringComparison.Ordinal);
    }

    private async Task<DateTimeOffset> NextMorningAsync()
    {
        await app.ArrangedAsync();
        var morning = EscalationApp.FirstMorning.AddDays(7 * Interlocked.Increment(ref _weeks));
        app.Clock.Set(morning);
        return morning;
    }

    /// <summary>Waits until the request has <paramref name="count"/> escalations, then a little longer for any extra one.</summary>
    private async Task<List<RequestEvent>> EscalationsAsync(long id, int count)
    {
        await Eventually.TrueAsync(async () => (await app.EscalationsAsync(id)).Count >= count);
        await Task.Delay(200);
        var events = await app.EscalationsAsync(id);
        Assert.True(count == events.Count, string.Join("\n", events.Select(e => $"{e.OccurredAt:O} {e.Note} {e.Changes}")));
        return events;
    }

    private async Task<List<MimeMessage>> MailsAsync(string protocol, string address, int count)
    {
        await Eventually.TrueAsync(() => app.EscalationMails(protocol, address).Count >= count);
        await Task.Delay(300); // room for a duplicate, if there were one
        var mails = app.EscalationMails(protocol, address);
        Assert.Equal(count, mails.Count);
        return mails;
    }

    /// <summary>A workflow move by the lighting section's staff, through the lifecycle (the clock is fixed, so no sign-in token would be current).</summary>
    private async Task TransitionAsync(long id, string state)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.Open311Db>();
        var staff = await db.StaffAccounts.AsNoTracking().SingleAsync(s => s.Username == "lighting");
        var version = (await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id)).Version;
        var result = await scope.ServiceProvider.GetRequiredService<RequestLifecycle>()
            .TransitionAsync(new StaffActor(staff.Id, staff.JurisdictionId, staff.Role, staff.DepartmentId), id, version, state, null, null, CancellationToken.None);
        Assert.Equal(HandlingOutcome.Done, result.Outcome);
    }

    private static string Body(MimeMessage message) => message.TextBody!.ReplaceLineEndings("\n");
}

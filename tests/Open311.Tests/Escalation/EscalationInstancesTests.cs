using Microsoft.EntityFrameworkCore;
using Open311.Core.Escalation;
using Open311.Core.Requests;
using Open311.Core.StaffAlerts;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Escalation;

/// <summary>
/// Two instances on one database, both escalating: every rule fires exactly once on every request, and is told once;
/// a change of the rules reaches requests already running.
/// </summary>
public class EscalationInstancesTests(EscalationApp app) : IClassFixture<EscalationApp>
{
    [Fact]
    public async Task TwoInstances_EscalateEachRequestExactlyOncePerRule()
    {
        await app.ArrangedAsync();
        await using var second = await app.StartSecondInstanceAsync();
        var morning = EscalationApp.FirstMorning.AddDays(7);
        app.Clock.Set(morning);
        var ids = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await DemoRequests.LightingAsync(app));
        }

        app.Clock.Set(morning.AddMinutes(301));
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.Db();
            return await db.RequestEvents.CountAsync(e => ids.Contains(e.RequestId) && e.Kind == RequestEventKind.Escalated) >= 3 * ids.Count;
        });
        await Task.Delay(500); // both workers poll several times more: a second firing would show

        await using var check = app.Db();
        var escalations = await check.RequestEvents.AsNoTracking()
            .Where(e => ids.Contains(e.RequestId) && e.Kind == RequestEventKind.Escalated).ToListAsync();
        Assert.All(ids, id => Assert.Equal(3, escalations.Count(e => e.RequestId == id)));
        Assert.All(escalations.GroupBy(e => (e.RequestId, e.Note)), same => Assert.Single(same));
        var alerts = await check.OutboxMessages.AsNoTracking()
            .Where(m => m.Consumer == StaffAlertConsumer.ConsumerName && escalations.Select(e => e.Id).Contains(m.RequestEventId)).CountAsync();
        Assert.Equal(3 * ids.Count, alerts); // two to the head, one to the supervisor, per request
    }

    [Fact]
    public async Task ANewRule_ReachesRequestsAlreadyRunning_AndADeletedOneLeavesThem()
    {
        await app.ArrangedAsync();
        var morning = EscalationApp.FirstMorning.AddDays(14);
        app.Clock.Set(morning);
        var id = await DemoRequests.LightingAsync(app);
        Assert.Equal(morning.AddMinutes(60), (await app.RequestAsync(id)).NextEscalationAt);

        app.Clock.Set(morning.AddMinutes(10));
        var rule = (await app.ChangeRulesAsync((rules, admin) =>
            rules.CreateAsync(admin, new(EscalationClock.Resolution, 10, AlertHead: true, AlertSupervisors: false, RaisePriorityTo: null), CancellationToken.None))).Value!;
        // Planned again by the worker: 10 % of 300 working minutes is 08:30.
        await Eventually.TrueAsync(async () => (await app.RequestAsync(id)).NextEscalationAt == morning.AddMinutes(30));

        await app.ChangeRulesAsync((rules, admin) => rules.DeleteAsync(admin, rule.Id, CancellationToken.None));
        await Eventually.TrueAsync(async () => (await app.RequestAsync(id)).NextEscalationAt == morning.AddMinutes(60));
        Assert.Empty(await app.EscalationsAsync(id));
    }
}

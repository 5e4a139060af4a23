using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.ServiceLevels;

/// <summary>
/// The clocks through the real pipeline on a clock the test sets, in Athens (UTC+2 in winter), on
/// the demo calendar (08:00–14:30 on working days) and the demo's targets: street lighting (006)
/// 390 minutes to answer and 1170 to resolve; road surface (005) 390 and 1950.
/// </summary>
public class ServiceClockTests(FixedTimeApp app) : IClassFixture<FixedTimeApp>
{
    private static readonly TimeSpan Athens = TimeSpan.FromHours(2);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Athens);

    [Fact]
    public async Task FridayEvening_ClockStartsMondayMorning()
    {
        app.Clock.Set(At(11, 27, 19, 40)); // a Friday
        var id = await DemoRequests.LightingAsync(app);

        var request = await StoredAsync(id);
        Assert.Equal((390, 1170), (request.ResponseTargetMinutes, request.ResolutionTargetMinutes));
        // Monday 30 November 08:00 + 390 minutes: the day's close; + 1170: three working days.
        Assert.Equal(At(11, 30, 14, 30), request.ResponseDueAt);
        Assert.Equal(At(12, 2, 14, 30), request.ResolutionDueAt);
        Assert.Equal(0, request.ResolutionUsedMinutes);
        Assert.Null(request.ClockPausedAt);
    }

    [Fact]
    public async Task HolidayPauseRerouteCloseAndReopen_CountOnlyWorkingTimeTheClockRan()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        // Tuesday 27 October 13:30; Wednesday 28 October is a national holiday (Ohi Day).
        app.Clock.Set(At(10, 27, 13, 30));
        var id = await DemoRequests.RoadsAsync(app);
        var submitted = await StoredAsync(id);
        // 60 minutes on Tuesday, none on the holiday, 330 on Thursday: answer due Thursday 13:30.
        Assert.Equal(At(10, 29, 13, 30), submitted.ResponseDueAt);

        app.Clock.Set(At(10, 29, 10, 0)); // Thursday: 60 + 120 working minutes since submission
        await MoveAsync(dispatcher, id, "in_progress");
        await MoveAsync(dispatcher, id, DemoServiceLevels.WaitingCode);
        var paused = await StoredAsync(id);
        Assert.Equal((At(10, 29, 10, 0), 180), (paused.FirstResponseAt, paused.ResponseWorkingMinutes));
        Assert.Equal(At(10, 29, 10, 0), paused.ClockPausedAt);
        Assert.Equal(180, paused.ResolutionUsedMinutes);
        Assert.Null(paused.ResolutionDueAt);

        app.Clock.Set(At(11, 2, 9, 0)); // Monday: the weekend and the days waiting did not count
        await MoveAsync(dispatcher, id, "in_progress");
        var resumed = await StoredAsync(id);
        Assert.Null(resumed.ClockPausedAt);
        // 1950 − 180 = 1770 left from Monday 09:00: 330 that day, then 3 × 390, then 270 → Friday 12:30.
        Assert.Equal(At(11, 6, 12, 30), resumed.ResolutionDueAt);

        app.Clock.Set(At(11, 2, 10, 0));
        var (rerouted, _) = await dispatcher.PutAsync($"/admin/requests/{id}/department",
            new { department_id = await DemoRequests.DepartmentIdAsync(app, "Technical Services Directorate"), version = await dispatcher.VersionAsync(id) });
        Assert.Equal(HttpStatusCode.OK, rerouted.StatusCode);
        var afterReroute = await StoredAsync(id);
        Assert.Equal(180, afterReroute.ResolutionUsedMinutes);
        Assert.Equal(At(11, 6, 12, 30), afterReroute.ResolutionDueAt); // same category, same target: due time unchanged

        app.Clock.Set(At(11, 2, 11, 0));
        await MoveAsync(dispatcher, id, "resolved", publicNote: "Αποκαταστάθηκε");
        var closed = await StoredAsync(id);
        Assert.Equal(At(11, 2, 11, 0), closed.ResolvedAt);
        Assert.Equal(180 + 120, closed.ResolutionWorkingMinutes);

        app.Clock.Set(At(11, 3, 8, 0));
        await MoveAsync(dispatcher, id, "in_progress", publicNote: "Ξανάνοιξε");
        var reopened = await StoredAsync(id);
        Assert.Equal(1, reopened.ReopenedCount);
        Assert.Null(reopened.ResolvedAt);
        Assert.Null(reopened.ResolutionWorkingMinutes);
        // 1950 − 300 = 1650 from Tuesday 08:00: 4 × 390 = 1560, then 90 → Monday 9 November 09:30.
        Assert.Equal(At(11, 9, 9, 30), reopened.ResolutionDueAt);
        Assert.Equal((At(10, 29, 10, 0), 180), (reopened.FirstResponseAt, reopened.ResponseWorkingMinutes)); // the first response stays the first
    }

    private static async Task MoveAsync(AdminClient staff, long id, string to, string? publicNote = null)
    {
        var (response, body) = await staff.PostAsync($"/admin/requests/{id}/transitions", new { to, public_note = publicNote, version = await staff.VersionAsync(id) });
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
    }

    private async Task<Core.Requests.ServiceRequest> StoredAsync(long id)
    {
        await using var db = app.Db();
        return await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id);
    }
}

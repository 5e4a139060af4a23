using Open311.Core.Calendar;
using Open311.Core.Requests;
using Open311.Core.Workflow;

namespace Open311.Core.ServiceLevels;

/// <summary>
/// The one place that does service-level clock arithmetic, on the jurisdiction's working calendar.
/// <see cref="RequestLifecycle"/> calls it beside each change it makes; the request stores the result.
/// <list type="bullet">
/// <item>Intake: the targets of the most specific service level are copied; both clocks start at the
/// request's time, which on the calendar means its next working moment (Friday 19:40 → Monday 08:00).</item>
/// <item>First response: the first public action of staff (a workflow move or a public note). Its
/// working time is kept, and so is the response due time, so "met or not" stays readable.</item>
/// <item>A pausing state (waiting for the citizen, for a contractor) stops the resolution clock: the
/// working time run is added to the used minutes and the due time is null; leaving it, the due
/// time is the remaining target from then on.</item>
/// <item>Close (a closed state): the working time used, pauses excluded, is the resolution time.
/// Reopening counts, and the clock runs again with the used time kept.</item>
/// <item>Reroute, category and priority changes re-pick the target; due times follow, used time kept.</item>
/// </list>
/// Minutes are rounded to the nearest whole minute at each step.
/// </summary>
public sealed class ServiceClock(ServiceLevelRules rules, WorkingCalendars calendars)
{
    public async Task StartAsync(ServiceRequest request, CancellationToken cancellationToken) =>
        request.SetClock(Start(await TargetsAsync(request, cancellationToken), request.RequestedAt, await CalendarAsync(request, cancellationToken)));

    /// <summary>After a workflow move; <paramref name="byStaff"/>: it answers the citizen (a citizen's own reopening does not).</summary>
    public async Task MovedAsync(ServiceRequest request, WorkflowState from, WorkflowState to, bool byStaff, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var calendar = await CalendarAsync(request, cancellationToken);
        var clock = byStaff ? Respond(request.Clock, request.RequestedAt, now, calendar) : request.Clock;
        request.SetClock(Move(clock, from, to, now, calendar));
    }

    /// <summary>After a public note by staff.</summary>
    public async Task RespondedAsync(ServiceRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        request.SetClock(Respond(request.Clock, request.RequestedAt, now, await CalendarAsync(request, cancellationToken)));

    /// <summary>After a change of department, category or priority: the target that now applies, the time used kept.</summary>
    public async Task RetargetAsync(ServiceRequest request, CancellationToken cancellationToken) =>
        request.SetClock(Retarget(request.Clock, await TargetsAsync(request, cancellationToken), request.RequestedAt,
            await CalendarAsync(request, cancellationToken)));

    /// <summary>
    /// A work order's due time: its department's target in working minutes from when it was made (on the calendar, from the next
    /// working moment), like a request's resolution due time at intake. One run, no pauses: a work order waits in no state.
    /// </summary>
    public async Task<DateTimeOffset?> WorkOrderDueAsync(ServiceRequest request, DateTimeOffset madeAt, int? targetMinutes,
        CancellationToken cancellationToken) =>
        Due(await CalendarAsync(request, cancellationToken), madeAt, targetMinutes, 0);

    /// <summary>Reads clocks of one jurisdiction as of <paramref name="now"/>, for the staff list and detail (one calendar look-up per page).</summary>
    public async Task<Func<RequestClock, ClockReading>> ReaderAsync(string jurisdictionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = await calendars.ForAsync(jurisdictionId, cancellationToken) ?? throw new InvalidOperationException($"Unknown jurisdiction {jurisdictionId}");
        return clock => Read(clock, now, calendar);
    }

    internal static RequestClock Start(Targets targets, DateTimeOffset requestedAt, WorkingCalendar calendar) => new(
        targets.ResponseMinutes, targets.ResolutionMinutes,
        Due(calendar, requestedAt, targets.ResponseMinutes, 0), Due(calendar, requestedAt, targets.ResolutionMinutes, 0),
        ClockPausedAt: null, ClockRunningSince: requestedAt, ResolutionUsedMinutes: 0,
        FirstResponseAt: null, ResponseWorkingMinutes: null, ResolvedAt: null, ResolutionWorkingMinutes: null, ReopenedCount: 0);

    internal static RequestClock Respond(RequestClock clock, DateTimeOffset requestedAt, DateTimeOffset now, WorkingCalendar calendar) =>
        clock.FirstResponseAt is not null
            ? clock
            : clock with { FirstResponseAt = now, ResponseWorkingMinutes = Minutes(calendar.Between(requestedAt, now)) };

    internal static RequestClock Move(RequestClock clock, WorkflowState from, WorkflowState to, DateTimeOffset now, WorkingCalendar calendar)
    {
        var (wasClosed, closes) = (from.Status == RequestStatus.Closed, to.Status == RequestStatus.Closed);
        if (wasClosed && closes)
        {
            return clock;
        }

        if (closes)
        {
            // The due time stays as it was, for the record; "met" is read from the minutes (ClockReading).
            var used = UsedAt(clock, now, calendar);
            return clock with
            {
                ResolvedAt = now, ResolutionWorkingMinutes = used, ResolutionUsedMinutes = used, ClockPausedAt = null, ClockRunningSince = null,
            };
        }

        var open = wasClosed ? clock with { ResolvedAt = null, ResolutionWorkingMinutes = null, ReopenedCount = clock.ReopenedCount + 1 } : clock;
        var running = open.ClockRunningSince is not null;
        if (to.PausesClock && (running || wasClosed))
        {
            return open with
            {
                ResolutionUsedMinutes = UsedAt(open, now, calendar), ClockPausedAt = now, ClockRunningSince = null, ResolutionDueAt = null,
            };
        }

        return !to.PausesClock && !running
            ? open with
            {
                ClockPausedAt = null, ClockRunningSince = now, ResolutionDueAt = Due(calendar, now, open.ResolutionTargetMinutes, open.ResolutionUsedMinutes),
            }
            : open;
    }

    internal static RequestClock Retarget(RequestClock clock, Targets targets, DateTimeOffset requestedAt, WorkingCalendar calendar) => clock with
    {
        ResponseTargetMinutes = targets.ResponseMinutes,
        ResolutionTargetMinutes = targets.ResolutionMinutes,
        ResponseDueAt = Due(calendar, requestedAt, targets.ResponseMinutes, 0),
        // Only a running clock has a due time; a paused one gets it on resuming, a resolved one keeps its record.
        ResolutionDueAt = clock.ClockRunningSince is { } since
            ? Due(calendar, since, targets.ResolutionMinutes, clock.ResolutionUsedMinutes)
            : clock.ResolvedAt is null ? null : clock.ResolutionDueAt,
    };

    /// <summary>The same rule as <see cref="Breached"/> for an open request; a resolved one is judged by the minutes it took.</summary>
    internal static ClockReading Read(RequestClock clock, DateTimeOffset now, WorkingCalendar calendar)
    {
        var answered = clock.FirstResponseAt is not null;
        var responseLeft = !answered && clock.ResponseDueAt is { } responseDue ? Left(calendar, now, responseDue) : (int?)null;
        var responseBreached = clock.ResponseDueAt is { } due && (clock.FirstResponseAt ?? now) > due;
        var used = clock.ResolvedAt is null ? UsedAt(clock, now, calendar) : clock.ResolutionWorkingMinutes ?? clock.ResolutionUsedMinutes;
        var target = clock.ResolutionTargetMinutes;
        var (resolutionLeft, resolutionBreached) = (clock.ResolvedAt, clock.ResolutionDueAt) switch
        {
            (not null, _) => ((int?)null, used > target),
            (null, { } resolutionDue) => (Left(calendar, now, resolutionDue), resolutionDue < now),
            _ => (target - used, clock.ClockPausedAt is not null && used > target),
        };
        return new ClockReading(clock.ResponseDueAt, clock.ResolutionDueAt, responseLeft, responseBreached, resolutionLeft, resolutionBreached,
            Paused: clock.ClockPausedAt is not null, clock.ClockPausedAt, used, clock.FirstResponseAt, clock.ResolvedAt, clock.ResponseTargetMinutes, target,
            clock.ReopenedCount);
    }

    /// <summary>The resolution clock's working minutes so far: the runs before, and the current run if it is running.</summary>
    private static int UsedAt(RequestClock clock, DateTimeOffset now, WorkingCalendar calendar) =>
        clock.ResolutionUsedMinutes + (clock.ClockRunningSince is { } since ? Minutes(calendar.Between(since, now)) : 0);

    /// <summary>When <paramref name="target"/> minutes are used up, for a clock running since <paramref name="since"/> with <paramref name="used"/> already gone.</summary>
    private static DateTimeOffset? Due(WorkingCalendar calendar, DateTimeOffset since, int? target, int used) =>
        target is { } minutes ? calendar.Add(since, TimeSpan.FromMinutes(Math.Max(0, minutes - used))) : null;

    /// <summary>Working minutes until <paramref name="due"/>; negative once it has passed.</summary>
    private static int Left(WorkingCalendar calendar, DateTimeOffset now, DateTimeOffset due) =>
        due >= now ? Minutes(calendar.Between(now, due)) : -Minutes(calendar.Between(due, now));

    private static int Minutes(TimeSpan workingTime) => (int)Math.Round(workingTime.TotalMinutes, MidpointRounding.AwayFromZero);

    private async Task<Targets> TargetsAsync(ServiceRequest request, CancellationToken cancellationToken) =>
        (await rules.ForAsync(request.JurisdictionId, cancellationToken)).TargetsFor(request.ServiceId, request.AreaId, request.Priority);

    private async Task<WorkingCalendar> CalendarAsync(ServiceRequest request, CancellationToken cancellationToken) =>
        await calendars.ForAsync(request.JurisdictionId, cancellationToken)
            ?? throw new InvalidOperationException($"Unknown jurisdiction {request.JurisdictionId}");
}

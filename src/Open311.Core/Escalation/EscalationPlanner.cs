using Open311.Core.Calendar;
using Open311.Core.Requests;
using Open311.Core.ServiceLevels;

namespace Open311.Core.Escalation;

/// <summary>
/// The one place that knows when a request's escalation rules fire. <see cref="RequestLifecycle"/>
/// asks it with every save (after the clocks have moved), so <see cref="ServiceRequest.NextEscalationAt"/>
/// is right whatever changed them: a pause (due time null) or a close means no escalation, a reroute
/// that moved a due time moves the escalation with it. A rule fires once per request: rules at or below
/// the percent a clock has escalated to are done, even if its due time moves later.
/// </summary>
public sealed class EscalationPlanner(ServiceLevelRules serviceLevels, WorkingCalendars calendars)
{
    /// <summary>A rule that has not fired yet on this request, and when it will (perhaps already passed).</summary>
    public sealed record Pending(EscalationRule Rule, DateTimeOffset At);

    /// <summary>Sets when the next rule fires.</summary>
    internal async Task PlanAsync(ServiceRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        request.PlanEscalation((await PendingAsync(request, now, cancellationToken)).FirstOrDefault()?.At);

    /// <summary>The rules still to fire on the request, soonest first (on one clock, lower percent first).</summary>
    internal async Task<IReadOnlyList<Pending>> PendingAsync(ServiceRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.Status != RequestStatus.Open || Enum.GetValues<EscalationClock>().All(clock => Running(request, clock) is null))
        {
            return [];
        }

        var calendar = await calendars.ForAsync(request.JurisdictionId, cancellationToken)
            ?? throw new InvalidOperationException($"jurisdiction {request.JurisdictionId} has no calendar");
        var rules = (await serviceLevels.ForAsync(request.JurisdictionId, cancellationToken)).EscalationRules;
        return [.. rules
            .Where(rule => rule.AtPercent > (request.EscalatedPercent(rule.Clock) ?? 0))
            .Select(rule => (Rule: rule, Clock: Running(request, rule.Clock)))
            .Where(candidate => candidate.Clock is not null)
            .Select(candidate => (candidate.Rule, At: FiresAt(calendar, candidate.Clock!.Value, candidate.Rule.AtPercent, now)))
            .Where(candidate => candidate.At is not null)
            .Select(candidate => new Pending(candidate.Rule, candidate.At!.Value))
            .OrderBy(pending => pending.At).ThenBy(pending => pending.Rule.AtPercent)];
    }

    /// <summary>A clock's due time and target while it runs; null when paused, met (a first response given) or without a target.</summary>
    private static (DateTimeOffset Due, int TargetMinutes)? Running(ServiceRequest request, EscalationClock clock) => clock switch
    {
        EscalationClock.Response when request is { FirstResponseAt: null, ResponseDueAt: { } due, ResponseTargetMinutes: { } target } => (due, target),
        EscalationClock.Resolution when request is { ResolutionDueAt: { } due, ResolutionTargetMinutes: { } target } => (due, target),
        _ => null,
    };

    /// <summary>The moment the clock has used <paramref name="percent"/> of its target, in working time (null: beyond the calendar).</summary>
    private static DateTimeOffset? FiresAt(WorkingCalendar calendar, (DateTimeOffset Due, int TargetMinutes) clock, int percent, DateTimeOffset now)
    {
        var (due, target) = clock;
        var fromDue = TimeSpan.FromMinutes(target * (percent - 100) / 100.0);
        if (fromDue >= TimeSpan.Zero)
        {
            // At the breach itself the due time, even when it falls at closing time (Add would move it to the next opening).
            return fromDue == TimeSpan.Zero ? due : calendar.Add(due, fromDue);
        }

        // Before the due time: the working time left until it, less what must still be left then. Once passed, now
        // (or the due time, if that has passed too), so that on one clock a lower percent never comes after a higher one.
        var untilThen = calendar.Between(now, due) + fromDue;
        return untilThen > TimeSpan.Zero ? calendar.Add(now, untilThen) : now < due ? now : due;
    }
}

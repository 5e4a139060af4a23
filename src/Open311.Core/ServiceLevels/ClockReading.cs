namespace Open311.Core.ServiceLevels;

/// <summary>
/// A request's service-level clocks as of one moment, in working minutes of its jurisdiction's
/// calendar. Time left is null without a target or once that clock is done (answered, resolved),
/// and negative once the due time has passed. A resolution is breached when an open request runs
/// past its due time or waits having used more than its target, or a resolved one took longer than its target.
/// </summary>
/// <param name="ResponseDueAt">When the first public answer from staff is due; kept after it came, to tell whether it was in time.</param>
/// <param name="ResolutionDueAt">When resolution is due; null while waiting (paused) or without a target.</param>
/// <param name="ResponseMinutesLeft">Working minutes to the response due time (negative: late); null once answered or without a target.</param>
/// <param name="ResponseBreached">The answer came, or has not come, after its due time.</param>
/// <param name="ResolutionMinutesLeft">Working minutes of the resolution target left (negative: late); null once resolved or without a target.</param>
/// <param name="ResolutionBreached">More working time used than the resolution target allows.</param>
/// <param name="Paused">In a waiting state: the resolution clock stands still.</param>
/// <param name="PausedSince">When the current wait began.</param>
/// <param name="ResolutionUsedMinutes">Working minutes the resolution clock has run, waits excluded.</param>
/// <param name="FirstResponseAt">The first public action of staff (a workflow move or a public note).</param>
/// <param name="ResolvedAt">The latest close.</param>
/// <param name="ResponseTargetMinutes">The response target copied from the service level that applies; null: none.</param>
/// <param name="ResolutionTargetMinutes">The resolution target; null: none.</param>
/// <param name="ReopenedCount">How often it was reopened after a close.</param>
public sealed record ClockReading(DateTimeOffset? ResponseDueAt, DateTimeOffset? ResolutionDueAt, int? ResponseMinutesLeft, bool ResponseBreached,
    int? ResolutionMinutesLeft, bool ResolutionBreached, bool Paused, DateTimeOffset? PausedSince, int ResolutionUsedMinutes,
    DateTimeOffset? FirstResponseAt, DateTimeOffset? ResolvedAt, int? ResponseTargetMinutes, int? ResolutionTargetMinutes, int ReopenedCount);

namespace Open311.Core.ServiceLevels;

/// <summary>
/// A request's service-level columns as one value: <see cref="ServiceClock"/> computes the next one
/// from the last, and the request stores it (<c>ServiceRequest.SetClock</c>). The columns are
/// described on <see cref="Requests.ServiceRequest"/> and in migrations 0016 and 0018.
/// </summary>
public sealed record RequestClock(
    int? ResponseTargetMinutes,
    int? ResolutionTargetMinutes,
    DateTimeOffset? ResponseDueAt,
    DateTimeOffset? ResolutionDueAt,
    DateTimeOffset? ClockPausedAt,
    DateTimeOffset? ClockRunningSince,
    int ResolutionUsedMinutes,
    DateTimeOffset? FirstResponseAt,
    int? ResponseWorkingMinutes,
    DateTimeOffset? ResolvedAt,
    int? ResolutionWorkingMinutes,
    int ReopenedCount);

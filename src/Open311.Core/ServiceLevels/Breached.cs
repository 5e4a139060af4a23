using System.Linq.Expressions;
using Open311.Core.Requests;

namespace Open311.Core.ServiceLevels;

/// <summary>
/// The staff list's <c>breached</c> filter: open requests past a service level, the same rule
/// <see cref="ServiceClock"/> reads for an open request's flags. Unanswered past the response due
/// time, running past the resolution due time, or paused after using more than the target. Each arm
/// has its partial index (0018), so the three make one bitmap scan.
/// </summary>
public static class Breached
{
    public static Expression<Func<ServiceRequest, bool>> At(DateTimeOffset now) => r => r.Status == RequestStatus.Open
        && ((r.FirstResponseAt == null && r.ResponseDueAt < now)
            || r.ResolutionDueAt < now
            || (r.ClockPausedAt != null && r.ResolutionUsedMinutes > r.ResolutionTargetMinutes));

    /// <summary>Everything else: closed requests, and open ones within their service level or without one.</summary>
    public static Expression<Func<ServiceRequest, bool>> NotAt(DateTimeOffset now)
    {
        var breached = At(now);
        return Expression.Lambda<Func<ServiceRequest, bool>>(Expression.Not(breached.Body), breached.Parameters);
    }
}

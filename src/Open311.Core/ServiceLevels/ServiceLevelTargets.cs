using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Core.ServiceLevels;

/// <summary>Which service level applies to a request: the most specific one that matches.</summary>
public static class ServiceLevelTargets
{
    /// <summary>
    /// Category+area+priority, then category+area, then category+priority, then the category alone:
    /// an area is more specific than a priority because areas are where departments differ.
    /// </summary>
    public static async Task<Targets> ForAsync(Open311Db db, long serviceId, long? areaId, RequestPriority priority, CancellationToken cancellationToken)
    {
        // At most four rows can match (one per combination, by the table's unique constraint); ranked here.
        var matches = await db.ServiceLevels.AsNoTracking()
            .Where(l => l.ServiceId == serviceId && (l.AreaId == null || l.AreaId == areaId) && (l.Priority == null || l.Priority == priority))
            .ToListAsync(cancellationToken);
        return matches
            .OrderByDescending(l => l.AreaId is not null)
            .ThenByDescending(l => l.Priority is not null)
            .Select(l => new Targets(l.ResponseMinutes, l.ResolutionMinutes))
            .FirstOrDefault(Targets.None);
    }
}

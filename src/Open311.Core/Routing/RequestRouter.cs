using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Core.Routing;

/// <summary>
/// Places a new request: the department area its point falls in (service levels and statistics
/// by area), and its department: a routing rule for its category and that place, else the category's default.
/// </summary>
public static class RequestRouter
{
    /// <param name="DepartmentId">The department it goes to; null when the category has none and no rule applies.</param>
    /// <param name="AreaId">The area of the rule that routed it, else the first (oldest) area the point falls in.</param>
    public sealed record Placement(long? DepartmentId, long? AreaId);

    public static async Task<Placement> PlaceAsync(Open311Db db, ServiceCategory service, double? lat, double? lon, CancellationToken cancellationToken)
    {
        if (lat is null || lon is null)
        {
            return new(service.DefaultDepartmentId, null);
        }

        // One query: the areas the point is in (a handful even where areas overlap), each with this category's rule there.
        var areas = await AreasAt(db, service.JurisdictionId, lat.Value, lon.Value)
            .Select(a => new
            {
                a.Id,
                Rule = db.RoutingRules.Where(r => r.ServiceId == service.Id && r.AreaId == a.Id)
                    .Select(r => new { r.Id, r.DepartmentId }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        // The oldest rule wins where areas with rules overlap, as it always has.
        var ruled = areas.Where(a => a.Rule is not null).MinBy(a => a.Rule!.Id);
        return ruled is not null
            ? new(ruled.Rule!.DepartmentId, ruled.Id)
            : new(service.DefaultDepartmentId, areas.Count == 0 ? null : areas.Min(a => a.Id));
    }

    /// <summary>
    /// The area a request rerouted to <paramref name="departmentId"/> counts in: that department's
    /// area at the point if it has one there, else the one it had (the point has not moved).
    /// </summary>
    public static async Task<long?> AreaAfterRerouteAsync(Open311Db db, string jurisdictionId, double? lat, double? lon, long departmentId,
        long? currentAreaId, CancellationToken cancellationToken)
    {
        if (lat is null || lon is null)
        {
            return currentAreaId;
        }

        var departments = await AreasAt(db, jurisdictionId, lat.Value, lon.Value)
            .Where(a => a.DepartmentId == departmentId)
            .OrderBy(a => a.Id)
            .Select(a => (long?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return departments ?? currentAreaId;
    }

    private static IQueryable<DepartmentArea> AreasAt(Open311Db db, string jurisdictionId, double lat, double lon)
    {
        var point = Wgs84.PointAt(lat, lon);
        return db.DepartmentAreas.Where(a => a.JurisdictionId == jurisdictionId && a.Area.Intersects(point));
    }
}

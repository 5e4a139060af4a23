using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
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

    private sealed record RuleThere(long Id, long DepartmentId);

    private sealed record AreaAtPoint(long Id, long DepartmentId, RuleThere? Rule);

    /// <summary>
    /// One query, compiled since every submission runs it (no expression tree built and looked up per call): the
    /// areas the point is in (a handful even where areas overlap), each with the category's rule there.
    /// </summary>
    private static readonly Func<Open311Db, string, Point, long, IAsyncEnumerable<AreaAtPoint>> AreasAt = EF.CompileAsyncQuery(
        (Open311Db db, string jurisdictionId, Point point, long serviceId) =>
            db.DepartmentAreas.Where(a => a.JurisdictionId == jurisdictionId && a.Area.Intersects(point))
                .Select(a => new AreaAtPoint(a.Id, a.DepartmentId,
                    db.RoutingRules.Where(r => r.ServiceId == serviceId && r.AreaId == a.Id).Select(r => new RuleThere(r.Id, r.DepartmentId)).FirstOrDefault())));

    public static async Task<Placement> PlaceAsync(Open311Db db, ServiceCategory service, double? lat, double? lon, CancellationToken cancellationToken)
    {
        if (lat is null || lon is null)
        {
            return new(service.DefaultDepartmentId, null);
        }

        var areas = await AreasAt(db, service.JurisdictionId, Wgs84.PointAt(lat.Value, lon.Value), service.Id).ToListAsync(cancellationToken);
        // The oldest rule wins where areas with rules overlap, as it always has.
        var ruled = areas.Where(a => a.Rule is not null).MinBy(a => a.Rule!.Id);
        return ruled is not null
            ? new(ruled.Rule!.DepartmentId, ruled.Id)
            : new(service.DefaultDepartmentId, areas.Count == 0 ? null : areas.Min(a => a.Id));
    }

    /// <summary>
    /// The area a request of <paramref name="serviceId"/> rerouted to <paramref name="departmentId"/> counts in: that
    /// department's first area at the point if it has one there, else the one it had (the point has not moved).
    /// </summary>
    public static async Task<long?> AreaAfterRerouteAsync(Open311Db db, string jurisdictionId, long serviceId, double? lat, double? lon,
        long departmentId, long? currentAreaId, CancellationToken cancellationToken)
    {
        if (lat is null || lon is null)
        {
            return currentAreaId;
        }

        // The same query as intake's: its rules are not needed here, and the areas at one point are a handful.
        var areas = await AreasAt(db, jurisdictionId, Wgs84.PointAt(lat.Value, lon.Value), serviceId).ToListAsync(cancellationToken);
        return areas.Where(a => a.DepartmentId == departmentId).Select(a => (long?)a.Id).Min() ?? currentAreaId;
    }
}

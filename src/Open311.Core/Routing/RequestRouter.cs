using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Core.Routing;

/// <summary>Chooses the department for a new request: a routing rule for its category and place, else the category's default.</summary>
public static class RequestRouter
{
    public static async Task<long?> DepartmentForAsync(Open311Db db, ServiceCategory service, double? lat, double? lon, CancellationToken cancellationToken)
    {
        if (lat is null || lon is null)
        {
            return service.DefaultDepartmentId;
        }

        var point = Wgs84.PointAt(lat.Value, lon.Value);
        var ruled = await db.RoutingRules
            .Where(r => r.ServiceId == service.Id && db.DepartmentAreas.Any(a => a.Id == r.AreaId && a.Area.Intersects(point)))
            .OrderBy(r => r.Id)
            .Select(r => (long?)r.DepartmentId)
            .FirstOrDefaultAsync(cancellationToken);
        return ruled ?? service.DefaultDepartmentId;
    }
}

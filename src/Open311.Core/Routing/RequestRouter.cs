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

        var ruled = await db.Database.SqlQuery<long>($"""
            SELECT r.department_id AS "Value"
            FROM routing_rules r JOIN department_areas a ON a.id = r.area_id
            WHERE r.service_id = {service.Id}
              AND ST_Intersects(a.area, ST_SetSRID(ST_MakePoint({lon.Value}, {lat.Value}), 4326)::geography)
            ORDER BY r.id
            LIMIT 1
            """).ToListAsync(cancellationToken);
        return ruled.Count > 0 ? ruled[0] : service.DefaultDepartmentId;
    }
}

using Microsoft.EntityFrameworkCore;
using Open311.Api.Hosting;

namespace Open311.Tests.Infrastructure;

/// <summary>Fresh requests for admin tests, each in a known department, so a test never depends on another's changes.</summary>
public static class DemoRequests
{
    /// <summary>A new street lighting fault (Street Lighting Section).</summary>
    public static Task<long> LightingAsync(Open311App app) =>
        SubmitAsync(app, ("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"), ("attribute[fault]", "off"), ("description", "Σβηστή λάμπα"));

    /// <summary>A new pothole (Roads Section).</summary>
    public static Task<long> RoadsAsync(Open311App app) =>
        SubmitAsync(app, ("service_code", "005"), ("lat", "35.3301"), ("long", "25.1401"), ("attribute[size]", "large"), ("description", "Λακκούβα"));

    public static async Task<long> SubmitAsync(Open311App app, params (string, string)[] fields) =>
        long.Parse(await app.GeoReport().SubmitAsync(fields), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<long> DepartmentIdAsync(Open311App app, string nameEn)
    {
        await using var db = app.Db();
        // Texts are jsonb maps that no query looks inside; the demo chart is small.
        return (await db.Departments.Where(d => d.JurisdictionId == DemoCatalog.JurisdictionId).ToListAsync()).Single(d => d.Name["en"] == nameEn).Id;
    }
}

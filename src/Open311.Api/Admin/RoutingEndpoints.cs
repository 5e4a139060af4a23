using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core.Audit;
using NetTopologySuite.Geometries;
using Open311.Core.Data;
using Open311.Core.Routing;

namespace Open311.Api.Admin;

/// <summary>
/// Department service areas (GeoJSON polygons, checked by <see cref="AreaGeometry"/>) and the rules "category X
/// inside area Y goes to department Z" that intake applies before the category's default.
/// </summary>
public static class RoutingEndpoints
{
    public sealed record AreaInput(string Name, long DepartmentId, JsonElement Geometry);

    public sealed record AreaView(long Id, string Name, long DepartmentId, JsonElement Geometry);

    public sealed record RuleInput(long ServiceId, long AreaId, long DepartmentId);

    public sealed record RuleView(long Id, long ServiceId, long AreaId, long DepartmentId);

    public static void MapRouting(this IEndpointRouteBuilder routes)
    {
        var areas = routes.MapGroup("/areas");
        areas.MapGet("", ListAreas).WithName("ListAreas").WithSummary("Department service areas, as GeoJSON");
        areas.MapPost("", CreateArea).WithName("CreateArea").WithSummary("Add a service area (GeoJSON Polygon or MultiPolygon, WGS84)")
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem();
        areas.MapPut("/{id:long}", UpdateArea).WithName("UpdateArea").WithSummary("Change a service area")
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        areas.MapDelete("/{id:long}", DeleteArea).WithName("DeleteArea").WithSummary("Delete an area no rule uses")
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesProblem(StatusCodes.Status409Conflict);

        var rules = routes.MapGroup("/routing-rules");
        rules.MapGet("", ListRules).WithName("ListRoutingRules").WithSummary("Routing rules");
        rules.MapPost("", CreateRule).WithName("CreateRoutingRule").WithSummary("Route a category's requests inside an area to a department")
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        rules.MapDelete("/{id:long}", DeleteRule).WithName("DeleteRoutingRule").WithSummary("Delete a routing rule")
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<List<AreaView>>> ListAreas(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken)
    {
        var areas = await db.DepartmentAreas.AsNoTracking().Where(a => a.JurisdictionId == user.Actor().JurisdictionId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(areas.Select(View).ToList());
    }

    public static async Task<IResult> CreateArea(AreaInput input, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var (errors, shape) = await CheckAsync(input, actor.JurisdictionId, db, cancellationToken);
        if (shape is null)
        {
            return Problems.Invalid(errors);
        }

        var area = new DepartmentArea { JurisdictionId = actor.JurisdictionId, DepartmentId = input.DepartmentId, Name = input.Name, Area = shape };
        db.DepartmentAreas.Add(area);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"{AdminApi.BasePath}/areas/{area.Id}", View(area));
    }

    public static async Task<IResult> UpdateArea(long id, AreaInput input, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var area = await db.DepartmentAreas.FirstOrDefaultAsync(a => a.Id == id && a.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (area is null)
        {
            return Problems.NotFound($"no area {id}");
        }

        var (errors, shape) = await CheckAsync(input, actor.JurisdictionId, db, cancellationToken);
        if (shape is null)
        {
            return Problems.Invalid(errors);
        }

        (area.Name, area.DepartmentId, area.Area) = (input.Name, input.DepartmentId, shape);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(View(area));
    }

    public static async Task<IResult> DeleteArea(long id, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var area = await db.DepartmentAreas.FirstOrDefaultAsync(a => a.Id == id && a.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (area is null)
        {
            return Problems.NotFound($"no area {id}");
        }

        if (await db.RoutingRules.AnyAsync(r => r.AreaId == id, cancellationToken))
        {
            return Problems.Conflict($"routing rules use area {id}: delete them first");
        }

        db.DepartmentAreas.Remove(area);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<RuleView>>> ListRules(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.RoutingRules.AsNoTracking()
            .Where(r => r.JurisdictionId == user.Actor().JurisdictionId)
            .OrderBy(r => r.Id)
            .Select(r => View(r))
            .ToListAsync(cancellationToken));

    public static async Task<IResult> CreateRule(RuleInput input, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var jurisdiction = actor.JurisdictionId;
        var errors = new List<(string, string)>();
        if (!await db.Services.AnyAsync(s => s.Id == input.ServiceId && s.JurisdictionId == jurisdiction, cancellationToken))
        {
            errors.Add(("service_id", $"no category {input.ServiceId}"));
        }

        if (!await db.DepartmentAreas.AnyAsync(a => a.Id == input.AreaId && a.JurisdictionId == jurisdiction, cancellationToken))
        {
            errors.Add(("area_id", $"no area {input.AreaId}"));
        }

        if (!await db.Departments.AnyAsync(d => d.Id == input.DepartmentId && d.JurisdictionId == jurisdiction, cancellationToken))
        {
            errors.Add(("department_id", $"no department {input.DepartmentId}"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await db.RoutingRules.AnyAsync(r => r.ServiceId == input.ServiceId && r.AreaId == input.AreaId, cancellationToken))
        {
            return Problems.Conflict("a rule for this category and area exists: delete it first");
        }

        var rule = new RoutingRule { JurisdictionId = jurisdiction, ServiceId = input.ServiceId, AreaId = input.AreaId, DepartmentId = input.DepartmentId };
        db.RoutingRules.Add(rule);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"{AdminApi.BasePath}/routing-rules/{rule.Id}", View(rule));
    }

    public static async Task<IResult> DeleteRule(long id, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id && r.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (rule is null)
        {
            return Problems.NotFound($"no routing rule {id}");
        }

        db.RoutingRules.Remove(rule);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static RuleView View(RoutingRule r) => new(r.Id, r.ServiceId, r.AreaId, r.DepartmentId);

    private static AreaView View(DepartmentArea area) => new(area.Id, area.Name, area.DepartmentId, AreaGeoJson.Write(area.Area));

    /// <summary>The input's problems, and its geometry as an area when there are none.</summary>
    private static async Task<(List<(string, string)> Errors, MultiPolygon? Area)> CheckAsync(AreaInput input, string jurisdictionId, Open311Db db, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(("name", "required"));
        }

        if (!await db.Departments.AnyAsync(d => d.Id == input.DepartmentId && d.JurisdictionId == jurisdictionId, cancellationToken))
        {
            errors.Add(("department_id", $"no department {input.DepartmentId}"));
        }

        if (input.Geometry.ValueKind != JsonValueKind.Object)
        {
            errors.Add(("geometry", "a GeoJSON Polygon or MultiPolygon object is required"));
        }
        else if (AreaGeoJson.ReadArea(input.Geometry, out var area) is { } problem)
        {
            errors.Add(("geometry", problem));
        }
        else if (errors.Count == 0)
        {
            return (errors, area);
        }

        return (errors, null);
    }
}

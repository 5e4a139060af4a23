using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core;
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
        areas.MapPost("", CreateArea).WithName("CreateArea").WithSummary("Add a service area (GeoJSON Polygon or MultiPolygon, WGS84)").Produces<AreaView>(StatusCodes.Status201Created)
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem();
        areas.MapPut("/{id:long}", UpdateArea).WithName("UpdateArea").WithSummary("Change a service area").Produces<AreaView>()
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        areas.MapDelete("/{id:long}", DeleteArea).WithName("DeleteArea").WithSummary("Delete an area no rule uses").Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesProblem(StatusCodes.Status409Conflict);

        var rules = routes.MapGroup("/routing-rules");
        rules.MapGet("", ListRules).WithName("ListRoutingRules").WithSummary("Routing rules");
        rules.MapPost("", CreateRule).WithName("CreateRoutingRule").WithSummary("Route a category's requests inside an area to a department").Produces<RuleView>(StatusCodes.Status201Created)
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        rules.MapDelete("/{id:long}", DeleteRule).WithName("DeleteRoutingRule").WithSummary("Delete a routing rule").Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<List<AreaView>>> ListAreas(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken)
    {
        var areas = await db.DepartmentAreas.AsNoTracking().Where(a => a.JurisdictionId == user.Actor().JurisdictionId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(areas.Select(View).ToList());
    }

    public static Task<IResult> CreateArea(AreaInput input, ClaimsPrincipal user, RoutingAdministration routing, CancellationToken cancellationToken) =>
        Problems.FromAsync(Draft(input, out var draft), () => routing.CreateAreaAsync(user.Actor(), draft, cancellationToken),
                area => TypedResults.Created($"{AdminApi.BasePath}/areas/{area.Id}", View(area)));

    public static Task<IResult> UpdateArea(long id, AreaInput input, ClaimsPrincipal user, RoutingAdministration routing, CancellationToken cancellationToken) =>
        Problems.FromAsync(Draft(input, out var draft), () => routing.UpdateAreaAsync(user.Actor(), id, draft, cancellationToken), area => TypedResults.Ok(View(area)));

    public static async Task<IResult> DeleteArea(long id, ClaimsPrincipal user, RoutingAdministration routing, CancellationToken cancellationToken) =>
        Problems.From(await routing.DeleteAreaAsync(user.Actor(), id, cancellationToken), _ => TypedResults.NoContent());

    public static async Task<Ok<List<RuleView>>> ListRules(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.RoutingRules.AsNoTracking()
            .Where(r => r.JurisdictionId == user.Actor().JurisdictionId)
            .OrderBy(r => r.Id)
            .Select(r => View(r))
            .ToListAsync(cancellationToken));

    public static async Task<IResult> CreateRule(RuleInput input, ClaimsPrincipal user, RoutingAdministration routing, CancellationToken cancellationToken) =>
        Problems.From(await routing.CreateRuleAsync(user.Actor(), new(input.ServiceId, input.AreaId, input.DepartmentId), cancellationToken),
            rule => TypedResults.Created($"{AdminApi.BasePath}/routing-rules/{rule.Id}", View(rule)));

    public static async Task<IResult> DeleteRule(long id, ClaimsPrincipal user, RoutingAdministration routing, CancellationToken cancellationToken) =>
        Problems.From(await routing.DeleteRuleAsync(user.Actor(), id, cancellationToken), _ => TypedResults.NoContent());

    private static RuleView View(RoutingRule r) => new(r.Id, r.ServiceId, r.AreaId, r.DepartmentId);

    private static AreaView View(DepartmentArea area) => new(area.Id, area.Name, area.DepartmentId, AreaGeoJson.Write(area.Area));

    /// <summary>The input as Core takes it; and, when its geometry is not GeoJSON at all, why.</summary>
    private static List<FieldError> Draft(AreaInput input, out RoutingAdministration.AreaDraft draft)
    {
        var problem = AreaGeoJson.Read(input.Geometry, out var shape);
        draft = new(input.Name, input.DepartmentId, shape!);
        return problem is null ? [] : [new("geometry", problem)];
    }
}

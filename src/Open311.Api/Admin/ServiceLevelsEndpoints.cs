using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.ServiceLevels;

namespace Open311.Api.Admin;

/// <summary>Service levels: working minutes to a first response and to resolution per category, perhaps per area and priority.</summary>
public static class ServiceLevelsEndpoints
{
    public sealed record ServiceLevelInput(
        [property: Description("The category (its id, as GET /admin/categories gives it).")] long ServiceId,
        [property: Description("Only requests whose point falls in this department area; absent: anywhere.")] long? AreaId = null,
        [property: Description("Only requests of this priority; absent: any.")] RequestPriority? Priority = null,
        [property: Description("Working minutes of the jurisdiction's calendar to the first public answer from staff.")] int? ResponseMinutes = null,
        [property: Description("Working minutes to resolution; time in waiting states does not count.")] int? ResolutionMinutes = null);

    // Priority as its wire name (low, normal, high, urgent), null for any.
    public sealed record ServiceLevelView(long Id, long ServiceId, long? AreaId, string? Priority, int? ResponseMinutes, int? ResolutionMinutes);

    public static void MapServiceLevels(this IEndpointRouteBuilder routes)
    {
        var levels = routes.MapGroup("/service-levels");
        levels.MapGet("", List).WithName("ListServiceLevels").WithSummary("Service levels; for a request the most specific match wins (area before priority)");
        levels.MapPost("", Create).WithName("CreateServiceLevel").WithSummary("Add a service level (applies to requests from now on)")
            .Produces<ServiceLevelView>(StatusCodes.Status201Created)
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        levels.MapPut("/{id:long}", Update).WithName("UpdateServiceLevel").WithSummary("Change a service level; running clocks keep their targets")
            .Produces<ServiceLevelView>()
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        levels.MapDelete("/{id:long}", Delete).WithName("DeleteServiceLevel").WithSummary("Delete a service level").Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(AuthRegistration.Policies.Admin);
    }

    public static async Task<Ok<List<ServiceLevelView>>> List(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.ServiceLevels.AsNoTracking()
            .Where(l => l.JurisdictionId == user.Actor().JurisdictionId)
            .OrderBy(l => l.ServiceId).ThenBy(l => l.Id)
            .ToListAsync(cancellationToken)).Select(View).ToList());

    public static async Task<IResult> Create(ServiceLevelInput input, ClaimsPrincipal user, ServiceLevelAdministration levels, CancellationToken cancellationToken) =>
        Problems.From(await levels.CreateAsync(user.Actor(), Draft(input), cancellationToken),
            level => TypedResults.Created($"{AdminApi.BasePath}/service-levels/{level.Id}", View(level)));

    public static async Task<IResult> Update(long id, ServiceLevelInput input, ClaimsPrincipal user, ServiceLevelAdministration levels,
        CancellationToken cancellationToken) =>
        Problems.From(await levels.UpdateAsync(user.Actor(), id, Draft(input), cancellationToken), level => TypedResults.Ok(View(level)));

    public static async Task<IResult> Delete(long id, ClaimsPrincipal user, ServiceLevelAdministration levels, CancellationToken cancellationToken) =>
        Problems.From(await levels.DeleteAsync(user.Actor(), id, cancellationToken), _ => TypedResults.NoContent());

    private static ServiceLevelAdministration.Draft Draft(ServiceLevelInput input) =>
        new(input.ServiceId, input.AreaId, input.Priority, input.ResponseMinutes, input.ResolutionMinutes);

    private static ServiceLevelView View(ServiceLevel l) => new(l.Id, l.ServiceId, l.AreaId, l.Priority?.ToOpen311(), l.ResponseMinutes, l.ResolutionMinutes);
}

using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Open311.Api.Auth;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Api.Admin;

/// <summary>The box intake accepts points in: a point outside it (lat=0 long=0, a typo, another country) is refused.</summary>
public static class JurisdictionAreaEndpoints
{
    public sealed record JurisdictionArea(
        [property: Description("Southern edge, degrees of latitude (WGS 84, -90 to 90); null with the other three for no area check.")] double? South,
        [property: Description("Western edge, degrees of longitude (WGS 84, -180 to 180), less than east.")] double? West,
        [property: Description("Northern edge, degrees of latitude, greater than south.")] double? North,
        [property: Description("Eastern edge, degrees of longitude.")] double? East);

    public static void MapJurisdictionArea(this IEndpointRouteBuilder routes)
    {
        var area = routes.MapGroup("/jurisdiction/area").RequireAuthorization(AuthRegistration.Policies.Admin);
        area.MapGet("", Get).WithName("GetJurisdictionArea").WithSummary("The box submitted points must fall in (all null: no check)");
        area.MapPut("", Update).WithName("UpdateJurisdictionArea")
            .WithSummary("Set the box submitted points must fall in, or clear it with four nulls (audited)")
            .Produces<JurisdictionArea>().ProducesValidationProblem();
    }

    public static async Task<Ok<JurisdictionArea>> Get(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await db.JurisdictionAsync(user.Actor().JurisdictionId, cancellationToken)));

    public static async Task<IResult> Update(JurisdictionArea input, ClaimsPrincipal user, JurisdictionAreaAdministration areas, CancellationToken cancellationToken) =>
        Problems.From(await areas.SetAsync(user.Actor(), new(input.South, input.West, input.North, input.East), cancellationToken),
            jurisdiction => TypedResults.Ok(View(jurisdiction)));

    private static JurisdictionArea View(Jurisdiction jurisdiction) => new(jurisdiction.AreaSouth, jurisdiction.AreaWest, jurisdiction.AreaNorth, jurisdiction.AreaEast);
}

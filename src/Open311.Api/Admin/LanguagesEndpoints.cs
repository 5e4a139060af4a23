using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Open311.Api.Auth;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Api.Admin;

/// <summary>
/// The languages the jurisdiction keeps and serves its texts in, and its default: the language
/// used when a caller asks for none of them, and for texts missing in the one asked for.
/// </summary>
public static class LanguagesEndpoints
{
    public sealed record LanguageSettings(string Default, List<string> Enabled);

    public static void MapLanguages(this IEndpointRouteBuilder routes)
    {
        var languages = routes.MapGroup("/languages");
        languages.MapGet("", Get).WithName("GetLanguages").WithSummary("The jurisdiction's enabled languages and its default");
        languages.MapPut("", Update).WithName("UpdateLanguages")
            .WithSummary("Change the enabled languages (ISO 639 codes, e.g. de) and the default; texts in a disabled language are kept but not served")
            .RequireAuthorization(AuthRegistration.Policies.Admin).Produces<LanguageSettings>().ProducesValidationProblem();
    }

    public static async Task<Ok<LanguageSettings>> Get(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await db.JurisdictionAsync(user.Actor().JurisdictionId, cancellationToken)));

    public static async Task<IResult> Update(LanguageSettings input, ClaimsPrincipal user, LanguageAdministration languages, CancellationToken cancellationToken) =>
        Problems.From(await languages.SetAsync(user.Actor(), input.Default, input.Enabled, cancellationToken), jurisdiction => TypedResults.Ok(View(jurisdiction)));

    private static LanguageSettings View(Jurisdiction jurisdiction) => new(jurisdiction.DefaultLocale, [.. jurisdiction.Languages]);
}

using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Api.Admin;

/// <summary>
/// The languages the jurisdiction keeps and serves its texts in, and its default: the language
/// used when a caller asks for none of them, and for texts missing in the one asked for.
/// </summary>
public static partial class LanguagesEndpoints
{
    public sealed record LanguageSettings(string Default, List<string> Enabled);

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();

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

    public static async Task<IResult> Update(LanguageSettings input, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        if (input.Enabled is not { Count: > 0 } || input.Enabled.Any(l => l is null || !LanguageCode().IsMatch(l)) || input.Enabled.Distinct().Count() != input.Enabled.Count)
        {
            errors.Add(("enabled", "one or more distinct ISO 639 codes in lower case, e.g. [\"el\", \"en\", \"de\"]"));
        }
        else if (!input.Enabled.Contains(input.Default))
        {
            errors.Add(("default", "must be one of the enabled languages"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var actor = user.Actor();
        var jurisdiction = await db.Jurisdictions.SingleAsync(j => j.Id == actor.JurisdictionId, cancellationToken);
        (jurisdiction.Languages, jurisdiction.DefaultLocale) = ([.. input.Enabled], input.Default);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(View(jurisdiction));
    }

    private static LanguageSettings View(Jurisdiction jurisdiction) => new(jurisdiction.DefaultLocale, [.. jurisdiction.Languages]);
}

using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Open311.Api.Auth;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Privacy;

namespace Open311.Api.Admin;

/// <summary>
/// The privacy lifecycle, for administrators: how long contact data is kept after closure, and data-subject
/// requests. The address or number travels in a POST body, never in a URL, so no access log holds it.
/// </summary>
public static class PrivacyEndpoints
{
    public sealed record RetentionSettings(
        [property: Description("Months after a request is closed that its requester's contact data is kept before it is anonymised (1 to 120).")]
        int ContactRetentionMonths);

    public sealed record DataSubject(
        [property: Description("The data subject's e-mail address, compared without regard to case; give this or phone.")] string? Email = null,
        [property: Description("The data subject's phone number in any format (+30 691…, 691…, 0030 691…); give this or email.")] string? Phone = null);

    public static void MapPrivacy(this IEndpointRouteBuilder routes)
    {
        var privacy = routes.MapGroup("/privacy").RequireAuthorization(AuthRegistration.Policies.Admin);
        privacy.MapGet("/retention", GetRetention).WithName("GetRetention")
            .WithSummary("How long closed requests keep their contact data");
        privacy.MapPut("/retention", UpdateRetention).WithName("UpdateRetention")
            .WithSummary("Change how long closed requests keep their contact data (audited)")
            .Produces<RetentionSettings>().ProducesValidationProblem();
        privacy.MapPost("/contacts/find", Find).WithName("FindContactData")
            .WithSummary("Everything held about an e-mail address or phone number: requests made and follow-ups sent (audited as viewed)")
            .Produces<ContactData>().ProducesValidationProblem();
        privacy.MapPost("/contacts/export", Export).WithName("ExportContactData")
            .WithSummary("The same, as a JSON file to hand to the data subject (audited as exported)")
            .Produces<ContactData>().ProducesValidationProblem();
        privacy.MapPost("/contacts/erase", Erase).WithName("EraseContactData")
            .WithSummary("Anonymise at once everything held about an e-mail address or phone number and stop its messages (audited as erased)")
            .WithDescription("Public output does not change: contact data is never public. Each request changed records a private history event.")
            .Produces<ErasedContact>().ProducesValidationProblem();
    }

    public static async Task<Ok<RetentionSettings>> GetRetention(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await db.JurisdictionAsync(user.Actor().JurisdictionId, cancellationToken)));

    public static async Task<IResult> UpdateRetention(RetentionSettings input, ClaimsPrincipal user, RetentionAdministration retention,
        CancellationToken cancellationToken) =>
        Problems.From(await retention.SetAsync(user.Actor(), input.ContactRetentionMonths, cancellationToken), jurisdiction => TypedResults.Ok(View(jurisdiction)));

    public static async Task<IResult> Find(DataSubject input, ClaimsPrincipal user, DataSubjects subjects, CancellationToken cancellationToken) =>
        Problems.From(await subjects.FindAsync(user.Actor(), input.Email, input.Phone, cancellationToken), data => TypedResults.Ok(data));

    public static async Task<IResult> Export(DataSubject input, ClaimsPrincipal user, DataSubjects subjects, HttpContext context,
        CancellationToken cancellationToken) =>
        Problems.From(await subjects.ExportAsync(user.Actor(), input.Email, input.Phone, cancellationToken), data =>
        {
            context.Response.Headers.ContentDisposition = "attachment; filename=\"contact-data.json\"";
            return TypedResults.Ok(data);
        });

    public static async Task<IResult> Erase(DataSubject input, ClaimsPrincipal user, DataSubjects subjects, CancellationToken cancellationToken) =>
        Problems.From(await subjects.EraseAsync(user.Actor(), input.Email, input.Phone, cancellationToken), erased => TypedResults.Ok(erased));

    private static RetentionSettings View(Jurisdiction jurisdiction) => new(jurisdiction.ContactRetentionMonths);
}

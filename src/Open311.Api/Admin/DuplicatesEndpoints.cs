using System.ComponentModel;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Duplicates;
using Open311.Core.Requests;

namespace Open311.Api.Admin;

/// <summary>Duplicates and followers: attaching a caller to a request already reported, deciding suggestions, each category's check.</summary>
public static class DuplicatesEndpoints
{
    public sealed record FollowerInput(
        [property: Description("The caller's e-mail: personal data, never shown publicly.")] string? Email = null,
        [property: Description("The caller's phone: personal data, never shown publicly.")] string? Phone = null,
        [property: Description("Tell the caller of progress by e-mail (needs email).")] bool NotifyEmail = false,
        [property: Description("Tell the caller of progress by SMS (needs phone).")] bool NotifySms = false,
        [property: Description("The language to write to the caller in, one the jurisdiction enables; default: the request's.")] string? Language = null);

    public sealed record FollowerReceipt(
        [property: Description("The request the caller now follows.")] long RequestId,
        [property: Description("Its protocol number, to read back to the caller.")] string ProtocolNumber,
        [property: Description("Always true: the caller is told of its progress on the channels chosen.")] bool Following,
        [property: Description("False when the caller already followed it (or made it); then at most a channel was turned on.")] bool Added,
        [property: Description("What to tell the caller, in Greek and English.")] string Message);

    public sealed record ConfirmInput(
        [property: Description("The request's version, as last read.")] uint Version,
        [property: Description("A note for the citizen, if the workflow wants one for the duplicate state.")] string? PublicNote = null);

    public sealed record RejectInput(
        [property: Description("The request's version, as last read.")] uint Version,
        [property: Description("Why it is not a duplicate (internal).")] string? Reason = null);

    public sealed record DuplicateCheckInput(
        [property: Description("How near an open request of the category must be, in metres (0: no check), at most 1000.")] int DistanceMetres,
        [property: Description("How recent it must be, in days, 1 to 365.")] int AgeDays);

    public sealed record DuplicateCheckView(
        [property: Description("The category.")] long ServiceId,
        [property: Description("Its service_code.")] string ServiceCode,
        [property: Description("How near, in metres (0: no check).")] int DistanceMetres,
        [property: Description("How recent, in days.")] int AgeDays);

    public static void MapDuplicates(this IEndpointRouteBuilder routes)
    {
        var request = routes.MapGroup("/requests/{id:long}").RequireAuthorization(AuthRegistration.Policies.Handle);
        request.MapPost("/followers", Attach).WithName("AttachFollower")
            .WithSummary("Attach a caller to a request already reported instead of recording it again; the caller is told of its progress")
            .Produces<FollowerReceipt>(StatusCodes.Status201Created).Produces<FollowerReceipt>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        var suggestion = request.MapGroup("/duplicate-suggestions/{suggestion_id:long}")
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(StaffRequestDetail), ["application/json"]));
        suggestion.MapPost("/confirm", Confirm).WithName("ConfirmDuplicateSuggestion")
            .WithSummary("Confirm a suggestion: the request becomes a duplicate of it (as duplicate-of), its people follow the original")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        suggestion.MapPost("/reject", Reject).WithName("RejectDuplicateSuggestion").WithSummary("Reject a suggestion: it is not a duplicate")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);

        var check = routes.MapGroup("/services/{id:long}/duplicate-check");
        check.MapGet("", GetCheck).WithName("GetDuplicateCheck").WithSummary("How near and how recent a likely duplicate of the category is")
            .Produces<DuplicateCheckView>().ProducesProblem(StatusCodes.Status404NotFound);
        check.MapPut("", SetCheck).WithName("SetDuplicateCheck").WithSummary("Change the category's duplicate check (audited)")
            .RequireAuthorization(AuthRegistration.Policies.Admin).Produces<DuplicateCheckView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> Attach(long id, FollowerInput input, ClaimsPrincipal user, RequestLifecycle lifecycle,
        CancellationToken cancellationToken)
    {
        var result = await lifecycle.AttachCallerAsync(user.Actor(), id,
            new NewFollower(input.Email, input.Phone, input.NotifyEmail, input.NotifySms, input.Language), cancellationToken);
        return result.Outcome switch
        {
            FollowOutcome.NotFound => Problems.NotFound($"no request {id}"),
            FollowOutcome.Forbidden => Problems.Forbidden(result.Errors[0].Description),
            FollowOutcome.Invalid => Problems.Invalid(result.Errors.Select(e => (e.Field ?? "follower", e.Description))),
            FollowOutcome.Added => TypedResults.Created($"{AdminApi.BasePath}/requests/{id}", Receipt(id, result, added: true)),
            _ => TypedResults.Ok(Receipt(id, result, added: false)),
        };
    }

    public static Task<IResult> Confirm(long id, [Description("The suggestion's id, from possible_duplicates.")] long suggestion_id, ConfirmInput input,
        ClaimsPrincipal user, RequestLifecycle lifecycle, RequestDetails details, CancellationToken cancellationToken) =>
        RequestHandlingEndpoints.RespondAsync(user, id, details,
            lifecycle.ConfirmSuggestionAsync(user.Actor(), id, input.Version, suggestion_id, input.PublicNote, cancellationToken), cancellationToken);

    public static Task<IResult> Reject(long id, [Description("The suggestion's id, from possible_duplicates.")] long suggestion_id, RejectInput input,
        ClaimsPrincipal user, RequestLifecycle lifecycle, RequestDetails details, CancellationToken cancellationToken) =>
        RequestHandlingEndpoints.RespondAsync(user, id, details,
            lifecycle.RejectSuggestionAsync(user.Actor(), id, input.Version, suggestion_id, input.Reason, cancellationToken), cancellationToken);

    public static async Task<IResult> GetCheck(long id, ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.JurisdictionId == user.Actor().JurisdictionId, cancellationToken)
            is { } category
            ? TypedResults.Ok(View(category))
            : Problems.NotFound($"no category {id}");

    public static async Task<IResult> SetCheck(long id, DuplicateCheckInput input, ClaimsPrincipal user, DuplicateCheckAdministration checks,
        CancellationToken cancellationToken) =>
        Problems.From(await checks.SetAsync(user.Actor(), id, input.DistanceMetres, input.AgeDays, cancellationToken), category => TypedResults.Ok(View(category)));

    private static FollowerReceipt Receipt(long id, FollowResult result, bool added) =>
        new(id, result.ProtocolNumber!, true, added,
            $"Έχει ήδη αναφερθεί, αριθμός πρωτοκόλλου {result.ProtocolNumber} / Already reported, protocol {result.ProtocolNumber}");

    private static DuplicateCheckView View(ServiceCategory category) => new(category.Id, category.Code, category.DuplicateDistanceMetres, category.DuplicateAgeDays);
}

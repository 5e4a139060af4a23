using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.ServiceLevels;

namespace Open311.Api.Admin;

/// <summary>
/// Staff work on requests: search, full detail (contact data, each look audited), history, and
/// changes: transitions, notes, assignment, expected time, rerouting, duplicates. Every change
/// names the version it was made against; a stale one gets 409.
/// </summary>
public static class RequestHandlingEndpoints
{
    public const int MaxPageSize = 200;

    public sealed record TransitionInput(string To, uint Version, string? PublicNote = null, string? InternalNote = null);

    public sealed record NoteInput(string Text, bool Public, uint Version);

    public sealed record AssigneeInput(long? AssigneeId, uint Version);

    public sealed record ExpectedInput(string? ExpectedDatetime, uint Version);

    public sealed record DepartmentInput(long DepartmentId, uint Version, string? Reason = null);

    public sealed record DuplicateInput(long OriginalId, uint Version, string? PublicNote = null);

    public sealed record CategoryInput([property: Description("The new category's service_code.")] string ServiceCode, uint Version, string? Reason = null);

    public sealed record PriorityInput(RequestPriority Priority, uint Version, string? Reason = null);

    public sealed record RequestPage(List<StaffRequestSummary> Items, int Page, int PageSize, bool HasMore);

    public static void MapRequestHandling(this IEndpointRouteBuilder routes)
    {
        var requests = routes.MapGroup("/requests");
        requests.MapRequestExports();
        requests.MapGet("", Search).WithName("SearchRequests").Produces<RequestPage>()
            .WithSummary("Search requests (staff see their own department's only)")
            .WithDescription("Category names in the caller's language, as for statistics: locale, else Accept-Language, else the jurisdiction's default.")
            .ProducesValidationProblem();
        requests.MapGet("/{id:long}", Get).WithName("GetRequestDetail").WithSummary("One request with contact data; the look is audited").Produces<StaffRequestDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapGet("/{id:long}/history", History).WithName("GetRequestHistory").WithSummary("Every event, internal ones included").Produces<List<HistoryEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Every change answers with the request as it now is.
        var changes = requests.MapGroup("/{id:long}").RequireAuthorization(AuthRegistration.Policies.Handle)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(StaffRequestDetail), ["application/json"]));
        changes.MapPost("/transitions", Transition).WithName("TransitionRequest").WithSummary("Move the request to another state of its workflow")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status400BadRequest);
        changes.MapPost("/notes", AddNote).WithName("AddRequestNote").WithSummary("Add a public note (shown through Open311) or an internal one")
            .ProducesProblem(StatusCodes.Status409Conflict);
        changes.MapPut("/assignee", Assign).WithName("AssignRequest").WithSummary("Assign to a member of staff (null: unassign)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        changes.MapPut("/expected", SetExpected).WithName("SetRequestExpected").WithSummary("Set or clear expected_datetime")
            .ProducesProblem(StatusCodes.Status409Conflict);
        changes.MapPut("/department", Reroute).WithName("RerouteRequest").WithSummary("Reroute to another department (dispatchers, administrators)")
            .RequireAuthorization(AuthRegistration.Policies.Intake).ProducesProblem(StatusCodes.Status409Conflict);
        changes.MapPut("/category", ChangeCategory).WithName("ChangeRequestCategory")
            .WithSummary("Move to another category whose workflow has the request's state (dispatchers, administrators); service level re-picked")
            .RequireAuthorization(AuthRegistration.Policies.Intake).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status400BadRequest);
        changes.MapPut("/priority", SetPriority).WithName("SetRequestPriority").WithSummary("Change the priority; service level re-picked")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status400BadRequest);
        changes.MapPost("/duplicate-of", MarkDuplicate).WithName("MarkRequestDuplicate").WithSummary("Close as a duplicate of another request")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<IResult> Search([AsParameters] StaffRequestSearch query, ClaimsPrincipal user, Open311Db db, StaffLanguage language,
        ServiceClock clocks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var (filter, errors) = StaffRequestQuery.Parse(query, actor.JurisdictionId, MaxPageSize);
        if (filter is null)
        {
            return Problems.Invalid(errors);
        }

        var summary = StaffRequestSummary.From(await language.ForAsync(actor, cancellationToken));
        var now = clock.GetUtcNow();
        var rows = await db.StaffPage(actor, filter, now).Select(summary).ToListAsync(cancellationToken);
        var hasMore = rows.Count > filter.PageSize;
        var read = await clocks.ReaderAsync(actor.JurisdictionId, now, cancellationToken);
        return TypedResults.Ok(new RequestPage([.. rows.Take(filter.PageSize).Select(r => r.WithServiceLevel(read))], filter.Page, filter.PageSize, hasMore));
    }

    public static async Task<IResult> Get(long id, ClaimsPrincipal user, RequestDetails details, CancellationToken cancellationToken) =>
        await details.ForAsync(user.Actor(), id, cancellationToken) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound($"no request {id}");

    public static async Task<IResult> History(long id, ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (!await db.Requests.VisibleTo(actor).AnyAsync(r => r.Id == id, cancellationToken))
        {
            return Problems.NotFound($"no request {id}");
        }

        var events = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(events.Select(e => new HistoryEntry(e.Id, e.OccurredAt, e.Kind, e.Actor, e.IsPublic, e.Note, e.StatusAfter,
            e.Changes is null ? null : JsonDocument.Parse(e.Changes).RootElement.Clone())).ToList());
    }

    public static Task<IResult> Transition(long id, TransitionInput input, ClaimsPrincipal user, RequestLifecycle handling, RequestDetails details,
        CancellationToken cancellationToken) =>
        RespondAsync(user, id, details, handling.TransitionAsync(user.Actor(), id, input.Version, input.To, input.PublicNote, input.InternalNote, cancellationToken), cancellationToken);

    public static Task<IResult> AddNote(long id, NoteInput input, ClaimsPrincipal user, RequestLifecycle handling, RequestDetails details,
        CancellationToken cancellationToken) =>
        RespondAsync(user, id, details, handling.AddNoteAsync(user.Actor(), id, input.Version, input.Text, input.Public, cancellationToken), cancellationToken);

    public static Task<IResult> Assign(long id, AssigneeInput input, ClaimsPrincipal user, RequestLifecycle handling, RequestDetails details,
        CancellationToken cancellationToken) =>
        RespondAsync(user, id, details, handling.AssignAsync(user.Actor(), id, input.Version, input.AssigneeId, cancellationToken), cancellationToken);

    public static Task<IResult> SetExpected(long id, ExpectedInput input, ClaimsPrincipal user, RequestLifecycle handling, RequestDetails details,
        CancellationToken cancellationToken)
    {
        DateTimeOffset? expected = null;
        if (input.ExpectedDatetime is { } text)
        {
            if (!Iso8601.TryParse(text, out var parsed))
            {
                return Task.FromResult(Problems.BadRequest("expected_datetime must be an ISO 8601 datetime with a zone offset"));
            }

            expected = parsed;
        }

        return RespondAsync(user, id, details, handling.SetExpectedAsync(user.Actor(), id, input.Version, expected, cancellationToken), cancellationToken);
    }

    public static Task<IResult> Reroute(long id, DepartmentInput input, ClaimsPrincipal user, RequestLifecycle handling, RequestDetails details,
        CancellationToken cancellationToken) =>
        RespondAsync(user, id, details, handling.RerouteAsync(user.Actor(), id, input.Version, input.DepartmentId, input.Reason, cancellationToken), cancellationToken);

    public static Task<IResult> MarkDuplicate(long id, DuplicateInput input, ClaimsPrincipal user, RequestLifecycle handling, RequestDetails details,
        CancellationToken cancellationToken) =>
        RespondAsync(user, id, details, handling.MarkDuplicateAsync(user.Actor(), id, input.Version, input.OriginalId, input.PublicNote, cancellationToken), cancellationToken);

    public static Task<IResult> ChangeCategory(long id, CategoryInput input, ClaimsPrincipal user, RequestLifecycle handling, RequestDetails details,
        CancellationToken cancellationToken) =>
        RespondAsync(user, id, details, handling.ChangeCategoryAsync(user.Actor(), id, input.Version, input.ServiceCode ?? "", input.Reason, cancellationToken),
            cancellationToken);

    public static Task<IResult> SetPriority(long id, PriorityInput input, ClaimsPrincipal user, RequestLifecycle handling, RequestDetails details,
        CancellationToken cancellationToken) =>
        RespondAsync(user, id, details, handling.SetPriorityAsync(user.Actor(), id, input.Version, input.Priority, input.Reason, cancellationToken), cancellationToken);

    /// <summary>The request as it now is, or why the change was refused.</summary>
    internal static async Task<IResult> RespondAsync(ClaimsPrincipal user, long id, RequestDetails details, Task<HandlingResult> change,
        CancellationToken cancellationToken)
    {
        var result = await change;
        if (result.Outcome != HandlingOutcome.Done)
        {
            return Problems.From(result);
        }

        return TypedResults.Ok(await details.ForAsync(user.Actor(), id, cancellationToken));
    }
}

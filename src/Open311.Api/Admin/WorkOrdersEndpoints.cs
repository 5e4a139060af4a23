using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.WorkOrders;

namespace Open311.Api.Admin;

/// <summary>
/// Work orders: a request split between departments, each department handling its part like its own requests.
/// Every change is a change of the request (Core's <see cref="RequestLifecycle"/>); this binds and formats.
/// </summary>
public static class WorkOrdersEndpoints
{
    public const int MaxPageSize = 200;

    public sealed record NewWorkOrderInput(
        [property: Description("The department that does this part; one work order per department and request.")] long DepartmentId,
        [property: Description("A staff account of that department, or null.")] long? AssigneeId = null,
        [property: Description("The department's own notes: staff only.")] string? Notes = null);

    public sealed record WorkOrderInput(
        [property: Description("The work order's version as read.")] uint Version,
        [property: Description("open, started, done or cancelled.")] WorkOrderState State,
        [property: Description("A staff account of the work order's department, or null: replaces the assignee.")] long? AssigneeId = null,
        [property: Description("Replaces the department's notes (staff only); null clears them.")] string? Notes = null,
        [property: Description("What to tell the citizen: added to the request as a public note (Open311 notes), without the work order.")] string? PublicNote = null);

    public sealed record WorkOrderSettings(
        [property: Description("When a request's last work order is done: offer (the detail says it can be closed, the default) or close (closed at once with a public note).")]
        string Completion);

    public sealed record WorkOrderSearch
    {
        [FromQuery(Name = "department_id"), Description("Numeric id of a department (dispatchers, administrators, viewers); a staff account always gets its own department's.")]
        public string? DepartmentId { get; init; }

        [FromQuery(Name = "state"), Description("Work order states, comma-separated: open, started, done, cancelled.")]
        public string? State { get; init; }

        [FromQuery(Name = "page"), Description("1-based page number, at most {MaxPage}.")]
        public string? Page { get; init; }

        [FromQuery(Name = "page_size"), Description("Work orders per page, 1 to {WorkOrderMaxPageSize} (default 50).")]
        public string? PageSize { get; init; }
    }

    public static void MapWorkOrders(this IEndpointRouteBuilder routes)
    {
        var ofRequest = routes.MapGroup("/requests/{id:long}/work-orders");
        ofRequest.MapGet("", ListOfRequest).WithName("ListRequestWorkOrders")
            .WithSummary("A request's work orders and their progress (staff: requests of their department or with its work order)")
            .Produces<RequestWorkOrders>().ProducesProblem(StatusCodes.Status404NotFound);
        ofRequest.MapPost("", Create).WithName("CreateWorkOrder")
            .WithSummary("Give a department a work order on the request (its department's staff, dispatchers, administrators)")
            .RequireAuthorization(AuthRegistration.Policies.Handle)
            .Produces<RequestWorkOrders>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status400BadRequest);

        var workOrders = routes.MapGroup("/work-orders");
        workOrders.MapGet("", List).WithName("ListWorkOrders")
            .WithSummary("Work orders, newest first: a staff account's department's, or the jurisdiction's")
            .Produces<WorkOrderPage>().ProducesValidationProblem();
        workOrders.MapPut("/{id:long}", Update).WithName("UpdateWorkOrder")
            .WithSummary("Change a work order's state, assignee and notes (its department's staff, dispatchers, administrators)")
            .WithDescription("Answers with the request's work orders. When the last one is done, the request is closed or offered to close, as the settings say.")
            .RequireAuthorization(AuthRegistration.Policies.Handle)
            .Produces<RequestWorkOrders>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status400BadRequest);
        workOrders.MapGet("/settings", GetSettings).WithName("GetWorkOrderSettings")
            .WithSummary("What happens when a request's last work order is done");
        workOrders.MapPut("/settings", UpdateSettings).WithName("UpdateWorkOrderSettings")
            .WithSummary("Change what happens when a request's last work order is done (administrators, audited)")
            .RequireAuthorization(AuthRegistration.Policies.Admin).Produces<WorkOrderSettings>().ProducesValidationProblem();
    }

    public static async Task<IResult> ListOfRequest(long id, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken) =>
        await OfRequestAsync(user, id, db, clock, cancellationToken) is { } found ? TypedResults.Ok(found) : Problems.NotFound($"no request {id}");

    public static async Task<IResult> Create(long id, NewWorkOrderInput input, ClaimsPrincipal user, RequestLifecycle lifecycle, Open311Db db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await lifecycle.AddWorkOrderAsync(user.Actor(), id, new(input.DepartmentId, input.AssigneeId, input.Notes), cancellationToken);
        return result.Outcome == HandlingOutcome.Done
            ? TypedResults.Created($"{AdminApi.BasePath}/requests/{id}/work-orders", await OfRequestAsync(user, id, db, clock, cancellationToken))
            : Problems.From(result);
    }

    public static async Task<IResult> Update(long id, WorkOrderInput input, ClaimsPrincipal user, RequestLifecycle lifecycle, Open311Db db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await lifecycle.ChangeWorkOrderAsync(user.Actor(), id,
            new(input.Version, input.State, input.AssigneeId, input.Notes, input.PublicNote), cancellationToken);
        if (result.Outcome != HandlingOutcome.Done)
        {
            return Problems.From(result);
        }

        var requestId = await db.WorkOrders.Where(w => w.Id == id).Select(w => w.RequestId).SingleAsync(cancellationToken);
        return TypedResults.Ok(await OfRequestAsync(user, requestId, db, clock, cancellationToken));
    }

    public static async Task<IResult> List([AsParameters] WorkOrderSearch query, ClaimsPrincipal user, Open311Db db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var fields = new QueryFields();
        List<WorkOrderState>? states = null;
        if (QueryFields.List(query.State) is { } names)
        {
            states = [.. names.Select(n => Enum.TryParse<WorkOrderState>(n, ignoreCase: true, out var s) && n.All(char.IsAsciiLetter) ? s : (WorkOrderState?)null)
                .OfType<WorkOrderState>()];
            if (states.Count != names.Length)
            {
                fields.Errors.Add(("state", "open, started, done or cancelled, comma-separated"));
            }
        }

        var filter = new WorkOrderFilter(fields.Id(query.DepartmentId, "department_id"), states, fields.Number(query.Page, "page", 1, PageLimits.MaxPage),
            fields.Number(query.PageSize, "page_size", 50, MaxPageSize));
        if (fields.Errors.Count > 0)
        {
            return Problems.Invalid(fields.Errors);
        }

        var now = clock.GetUtcNow();
        var rows = await db.WorkOrderPage(user.Actor(), filter).ToListAsync(cancellationToken);
        return TypedResults.Ok(new WorkOrderPage([.. rows.Take(filter.PageSize).Select(r => WorkOrderView.From(r, now))], filter.Page, filter.PageSize,
            rows.Count > filter.PageSize));
    }

    public static async Task<Ok<WorkOrderSettings>> GetSettings(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok(new WorkOrderSettings((await db.Jurisdictions.AsNoTracking().Where(j => j.Id == user.Actor().JurisdictionId)
            .Select(j => j.WorkOrderCompletion).SingleAsync(cancellationToken)).ToOpen311()));

    public static async Task<IResult> UpdateSettings(WorkOrderSettings input, ClaimsPrincipal user, WorkOrderSettingsAdministration settings,
        CancellationToken cancellationToken) =>
        Problems.From(await settings.SetAsync(user.Actor(), input.Completion, cancellationToken),
            jurisdiction => TypedResults.Ok(new WorkOrderSettings(jurisdiction.WorkOrderCompletion.ToOpen311())));

    private static async Task<RequestWorkOrders?> OfRequestAsync(ClaimsPrincipal user, long requestId, Open311Db db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await db.OfRequestAsync(user.Actor(), requestId, cancellationToken) is not { } found)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        return new RequestWorkOrders(requestId, found.Version, WorkOrderProgress.Of([.. found.Rows.Select(r => r.WorkOrder.State)], found.Status),
            [.. found.Rows.Select(r => WorkOrderView.From(r, now))]);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.Staff;
using Open311.Core.Workflow;

namespace Open311.Api.Admin;

/// <summary>Workflows: states (each shown outside as open or closed), the initial one, and who may move requests between them.</summary>
public static class WorkflowsEndpoints
{
    // Every text comes as a {field}_el/{field}_en pair or a {field}s map for any enabled language, or both (TextInput).
    // PausesClock marks a waiting state (for the citizen, for a contractor): the resolution clock stands still in it.
    public sealed record StateInput(string Code, RequestStatus Status, string LabelEl = "", string LabelEn = "", bool Initial = false,
        Dictionary<string, string>? Labels = null, bool PausesClock = false);

    public sealed record TransitionInput(string From, string To, List<StaffRole> Roles, bool RequiresPublicNote = false);

    public sealed record WorkflowInput(List<StateInput> States, List<TransitionInput> Transitions, string NameEl = "", string NameEn = "",
        Dictionary<string, string>? Names = null);

    public sealed record WorkflowView(long Id, string NameEl, string NameEn, Dictionary<string, string> Names, bool IsDefault, List<StateInput> States,
        List<TransitionInput> Transitions);

    public static void MapWorkflows(this IEndpointRouteBuilder routes)
    {
        var workflows = routes.MapGroup("/workflows");
        workflows.MapGet("", List).WithName("ListWorkflows").WithSummary("Workflows with their states and transitions");
        workflows.MapPost("", Create).WithName("CreateWorkflow").WithSummary("Define a workflow").Produces<WorkflowView>(StatusCodes.Status201Created)
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem();
        workflows.MapPut("/{id:long}", Update).WithName("UpdateWorkflow").WithSummary("Change a workflow; states with requests may not go or change status").Produces<WorkflowView>()
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        workflows.MapDelete("/{id:long}", Delete).WithName("DeleteWorkflow").WithSummary("Delete a workflow no category uses").Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Ok<List<WorkflowView>>> List(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.WorkflowsOf(user.Actor().JurisdictionId).OrderBy(w => w.Id).ToListAsync(cancellationToken)).Select(View).ToList());

    public static Task<IResult> Create(WorkflowInput input, ClaimsPrincipal user, WorkflowAdministration workflows, CancellationToken cancellationToken) =>
        Problems.FromAsync(Draft(input, out var draft), () => workflows.CreateAsync(user.Actor(), draft!, cancellationToken),
                workflow => TypedResults.Created($"{AdminApi.BasePath}/workflows/{workflow.Id}", View(workflow)));

    public static Task<IResult> Update(long id, WorkflowInput input, ClaimsPrincipal user, WorkflowAdministration workflows,
        CancellationToken cancellationToken) =>
        Problems.FromAsync(Draft(input, out var draft), () => workflows.UpdateAsync(user.Actor(), id, draft!, cancellationToken), workflow => TypedResults.Ok(View(workflow)));

    public static async Task<IResult> Delete(long id, ClaimsPrincipal user, WorkflowAdministration workflows, CancellationToken cancellationToken) =>
        Problems.From(await workflows.DeleteAsync(user.Actor(), id, cancellationToken), _ => TypedResults.NoContent());

    /// <summary>The input as Core takes it, and what could not be read: null list entries, disagreeing text forms.</summary>
    private static List<FieldError> Draft(WorkflowInput input, out WorkflowAdministration.WorkflowDraft? draft)
    {
        draft = null;
        var (states, transitions) = (input.States ?? [], input.Transitions ?? []);
        // JSON's [null] gets past the binder: collection elements carry no nullability it can read.
        if (states.Any(s => s is null) || transitions.Any(t => t is null))
        {
            return [new("states", "states and transitions may not be null")];
        }

        var texts = new TextInput();
        draft = new(texts.Read("name", "name", input.NameEl, input.NameEn, input.Names),
            [.. states.Select(s => new WorkflowAdministration.StateDraft(s.Code, s.Status, texts.Read("states", "label", s.LabelEl, s.LabelEn, s.Labels, $"{s.Code}: "), s.Initial,
                s.PausesClock))],
            [.. transitions.Select(t => new WorkflowAdministration.TransitionDraft(t.From, t.To, t.Roles ?? [], t.RequiresPublicNote))]);
        return texts.Conflicts;
    }

    private static WorkflowView View(RequestWorkflow w) => new(w.Id, w.Name["el"], w.Name["en"], TextInput.Map(w.Name), w.IsDefault,
        [.. w.States.OrderBy(s => s.SortOrder).Select(s => new StateInput(s.Code, s.Status, s.Label["el"], s.Label["en"], s.IsInitial, TextInput.Map(s.Label), s.PausesClock))],
        [.. w.Transitions.OrderBy(t => t.From.SortOrder).ThenBy(t => t.To.SortOrder)
            .Select(t => new TransitionInput(t.From.Code, t.To.Code, t.AllowedRoles, t.RequiresPublicNote))]);
}

using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.Staff;
using Open311.Core.Workflow;

namespace Open311.Api.Admin;

/// <summary>Workflows: states (each shown outside as open or closed), the initial one, and who may move requests between them.</summary>
public static class WorkflowsEndpoints
{
    // Every text comes as a {field}_el/{field}_en pair or a {field}s map for any enabled language, or both (TextInput).
    public sealed record StateInput(string Code, RequestStatus Status, string LabelEl = "", string LabelEn = "", bool Initial = false,
        Dictionary<string, string>? Labels = null);

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
        TypedResults.Ok((await Workflows(db, user.Actor().JurisdictionId).OrderBy(w => w.Id).ToListAsync(cancellationToken)).Select(View).ToList());

    public static async Task<IResult> Create(WorkflowInput input, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (Check(input, await TextInput.JurisdictionAsync(db, actor.JurisdictionId, cancellationToken)) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var workflow = new RequestWorkflow { JurisdictionId = actor.JurisdictionId, Name = LocalizedText.Empty };
        Apply(input, workflow);
        db.Workflows.Add(workflow);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"{AdminApi.BasePath}/workflows/{workflow.Id}", View(workflow));
    }

    public static async Task<IResult> Update(long id, WorkflowInput input, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var workflow = await Workflows(db, actor.JurisdictionId).AsTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workflow is null)
        {
            return Problems.NotFound($"no workflow {id}");
        }

        if (Check(input, await TextInput.JurisdictionAsync(db, actor.JurisdictionId, cancellationToken)) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var kept = input.States.ToDictionary(s => s.Code);
        var stateIds = workflow.States.Select(s => s.Id).ToList();
        // A state is in use while requests are in it, and for ever once a request's history passed through it.
        var inUse = await db.Requests.Where(r => stateIds.Contains(r.StateId)).Select(r => r.StateId)
            .Union(db.RequestEvents.Where(e => e.StateAfterId != null && stateIds.Contains(e.StateAfterId.Value)).Select(e => e.StateAfterId!.Value))
            .ToListAsync(cancellationToken);
        var blocked = workflow.States
            .Where(s => inUse.Contains(s.Id) && (!kept.TryGetValue(s.Code, out var next) || next.Status != s.Status))
            .Select(s => s.Code)
            .ToList();
        if (blocked.Count > 0)
        {
            return Problems.Conflict($"states {string.Join(", ", blocked)} have or had requests: they must stay, with the same open/closed status");
        }

        Apply(input, workflow);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(View(workflow));
    }

    public static async Task<IResult> Delete(long id, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var workflow = await Workflows(db, actor.JurisdictionId).AsTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workflow is null)
        {
            return Problems.NotFound($"no workflow {id}");
        }

        if (workflow.IsDefault || await db.Services.AnyAsync(s => s.WorkflowId == id, cancellationToken))
        {
            return Problems.Conflict($"workflow {id} is the default or categories use it");
        }

        db.Workflows.Remove(workflow);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static IQueryable<RequestWorkflow> Workflows(Open311Db db, string jurisdictionId) =>
        db.Workflows.AsNoTracking()
            .Where(w => w.JurisdictionId == jurisdictionId)
            .Include(w => w.States)
            .Include(w => w.Transitions).ThenInclude(t => t.From)
            .Include(w => w.Transitions).ThenInclude(t => t.To)
            .AsSplitQuery();

    /// <summary>Brings the workflow to the input: states matched by code (so requests keep theirs), transitions replaced.</summary>
    private static void Apply(WorkflowInput input, RequestWorkflow workflow)
    {
        workflow.Name = TextInput.Read(input.NameEl, input.NameEn, input.Names);
        workflow.States.RemoveAll(s => input.States.All(i => i.Code != s.Code));
        foreach (var (state, order) in input.States.Select((s, i) => (s, i + 1)))
        {
            var existing = workflow.States.FirstOrDefault(s => s.Code == state.Code);
            if (existing is null)
            {
                existing = new WorkflowState { Code = state.Code, Label = LocalizedText.Empty };
                workflow.States.Add(existing);
            }

            (existing.Label, existing.Status, existing.IsInitial, existing.SortOrder) = (TextInput.Read(state.LabelEl, state.LabelEn, state.Labels), state.Status, state.Initial, order);
        }

        workflow.Transitions.Clear();
        workflow.Transitions.AddRange(input.Transitions.Select(t => new WorkflowTransition
        {
            From = workflow.States.Single(s => s.Code == t.From),
            To = workflow.States.Single(s => s.Code == t.To),
            AllowedRoles = [.. t.Roles.Distinct()],
            RequiresPublicNote = t.RequiresPublicNote,
        }));
    }

    private static WorkflowView View(RequestWorkflow w) => new(w.Id, w.Name["el"], w.Name["en"], TextInput.Map(w.Name), w.IsDefault,
        [.. w.States.OrderBy(s => s.SortOrder).Select(s => new StateInput(s.Code, s.Status, s.Label["el"], s.Label["en"], s.IsInitial, TextInput.Map(s.Label)))],
        [.. w.Transitions.OrderBy(t => t.From.SortOrder).ThenBy(t => t.To.SortOrder)
            .Select(t => new TransitionInput(t.From.Code, t.To.Code, t.AllowedRoles, t.RequiresPublicNote))]);

    private static List<(string, string)> Check(WorkflowInput input, Jurisdiction jurisdiction)
    {
        var errors = new List<(string, string)>();
        var states = input.States ?? [];
        // JSON's [null] gets past the binder: collection elements carry no nullability it can read.
        if (states.Any(s => s is null) || (input.Transitions ?? []).Any(t => t is null))
        {
            errors.Add(("states", "states and transitions may not be null"));
            return errors;
        }

        errors.AddRange(TextInput.Problems(jurisdiction, "name", input.NameEl, input.NameEn, input.Names, required: true).Select(p => ("name", p)));

        if (states.Count(s => s.Initial) != 1)
        {
            errors.Add(("states", "exactly one state must be initial"));
        }

        if (states.GroupBy(s => s.Code).Any(g => g.Count() > 1) || states.Any(s => string.IsNullOrWhiteSpace(s.Code)))
        {
            errors.Add(("states", "state codes must be present and unique"));
        }

        errors.AddRange(states.SelectMany(s => TextInput.Problems(jurisdiction, "label", s.LabelEl, s.LabelEn, s.Labels, required: true)
            .Select(p => ("states", $"{s.Code}: {p}"))));

        var codes = states.Select(s => s.Code).ToHashSet();
        foreach (var transition in input.Transitions ?? [])
        {
            if (!codes.Contains(transition.From) || !codes.Contains(transition.To) || transition.From == transition.To)
            {
                errors.Add(("transitions", $"{transition.From} → {transition.To}: both must be different states of this workflow"));
            }

            if (transition.Roles is not { Count: > 0 } || transition.Roles.Contains(StaffRole.Viewer))
            {
                errors.Add(("transitions", $"{transition.From} → {transition.To}: name the roles that may take it (viewers change nothing)"));
            }
        }

        if ((input.Transitions ?? []).GroupBy(t => (t.From, t.To)).Any(g => g.Count() > 1))
        {
            errors.Add(("transitions", "each from → to pair may appear once"));
        }

        return errors;
    }
}

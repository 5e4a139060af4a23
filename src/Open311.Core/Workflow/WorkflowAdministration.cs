using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.Workflow;

/// <summary>
/// Administrators' changes to workflows: states (each shown outside as open or closed), the
/// initial one, and who may move requests between them. Checked here, saved with their audit record.
/// </summary>
public sealed class WorkflowAdministration(Open311Db db, TimeProvider clock)
{
    public sealed record StateDraft(string Code, RequestStatus Status, LocalizedText Label, bool Initial, bool PausesClock = false);

    public sealed record TransitionDraft(string From, string To, IReadOnlyList<StaffRole> Roles, bool RequiresPublicNote);

    public sealed record WorkflowDraft(LocalizedText Name, IReadOnlyList<StateDraft> States, IReadOnlyList<TransitionDraft> Transitions);

    public async Task<AdminResult<RequestWorkflow>> CreateAsync(StaffActor actor, WorkflowDraft draft, CancellationToken cancellationToken)
    {
        if (Check(draft, await db.JurisdictionAsync(actor.JurisdictionId, cancellationToken)) is { Count: > 0 } errors)
        {
            return AdminResult<RequestWorkflow>.Invalid(errors);
        }

        var workflow = new RequestWorkflow { JurisdictionId = actor.JurisdictionId, Name = draft.Name };
        Apply(draft, workflow);
        db.Workflows.Add(workflow);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<RequestWorkflow>.Done(workflow);
    }

    /// <summary>States are matched by code, so requests keep theirs; a state that has or had requests must stay, with its open/closed status.</summary>
    public async Task<AdminResult<RequestWorkflow>> UpdateAsync(StaffActor actor, long id, WorkflowDraft draft, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginExclusiveChangeAsync<RequestWorkflow>(id, cancellationToken);
        var workflow = await db.WorkflowsOf(actor.JurisdictionId).AsTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workflow is null)
        {
            return AdminResult<RequestWorkflow>.NotFound($"no workflow {id}");
        }

        if (Check(draft, await db.JurisdictionAsync(actor.JurisdictionId, cancellationToken)) is { Count: > 0 } errors)
        {
            return AdminResult<RequestWorkflow>.Invalid(errors);
        }

        var kept = draft.States.ToDictionary(s => s.Code);
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
            return AdminResult<RequestWorkflow>.Conflict($"states {string.Join(", ", blocked)} have or had requests: they must stay, with the same open/closed status");
        }

        Apply(draft, workflow);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult<RequestWorkflow>.Done(workflow);
    }

    /// <summary>Never the jurisdiction's default, nor one a category uses.</summary>
    public async Task<AdminResult<long>> DeleteAsync(StaffActor actor, long id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginExclusiveChangeAsync<RequestWorkflow>(id, cancellationToken);
        var workflow = await db.WorkflowsOf(actor.JurisdictionId).AsTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workflow is null)
        {
            return AdminResult<long>.NotFound($"no workflow {id}");
        }

        if (workflow.IsDefault || await db.Services.AnyAsync(s => s.WorkflowId == id, cancellationToken))
        {
            return AdminResult<long>.Conflict($"workflow {id} is the default or categories use it");
        }

        db.Workflows.Remove(workflow);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult<long>.Done(id);
    }

    /// <summary>Brings the workflow to the draft: states matched by code, transitions replaced.</summary>
    private static void Apply(WorkflowDraft draft, RequestWorkflow workflow)
    {
        workflow.Name = draft.Name;
        workflow.States.RemoveAll(s => draft.States.All(d => d.Code != s.Code));
        foreach (var (state, order) in draft.States.Select((s, i) => (s, i + 1)))
        {
            var existing = workflow.States.FirstOrDefault(s => s.Code == state.Code);
            if (existing is null)
            {
                existing = new WorkflowState { Code = state.Code, Label = state.Label };
                workflow.States.Add(existing);
            }

            (existing.Label, existing.Status, existing.IsInitial, existing.SortOrder, existing.PausesClock) =
                (state.Label, state.Status, state.Initial, order, state.PausesClock);
        }

        workflow.Transitions.Clear();
        workflow.Transitions.AddRange(draft.Transitions.Select(t => new WorkflowTransition
        {
            From = workflow.States.Single(s => s.Code == t.From),
            To = workflow.States.Single(s => s.Code == t.To),
            AllowedRoles = [.. t.Roles.Distinct()],
            RequiresPublicNote = t.RequiresPublicNote,
        }));
    }

    private static List<FieldError> Check(WorkflowDraft draft, Jurisdiction jurisdiction)
    {
        var errors = new List<FieldError>();
        errors.Check(jurisdiction, "name", "name", draft.Name, required: true);
        if (draft.States.Count(s => s.Initial) != 1)
        {
            errors.Add(new("states", "exactly one state must be initial"));
        }

        if (draft.States.GroupBy(s => s.Code).Any(g => g.Count() > 1) || draft.States.Any(s => string.IsNullOrWhiteSpace(s.Code)))
        {
            errors.Add(new("states", "state codes must be present and unique"));
        }

        foreach (var state in draft.States)
        {
            errors.Check(jurisdiction, "states", "label", state.Label, required: true, $"{state.Code}: ");
            // A closed request's clock has stopped for good; only waiting for someone while open can pause it.
            if (state.PausesClock && state.Status != RequestStatus.Open)
            {
                errors.Add(new("states", $"{state.Code}: only an open state can pause the clock"));
            }
        }

        var codes = draft.States.Select(s => s.Code).ToHashSet();
        foreach (var transition in draft.Transitions)
        {
            if (!codes.Contains(transition.From) || !codes.Contains(transition.To) || transition.From == transition.To)
            {
                errors.Add(new("transitions", $"{transition.From} → {transition.To}: both must be different states of this workflow"));
            }

            if (transition.Roles is not { Count: > 0 } || transition.Roles.Contains(StaffRole.Viewer))
            {
                errors.Add(new("transitions", $"{transition.From} → {transition.To}: name the roles that may take it (viewers change nothing)"));
            }
        }

        if (draft.Transitions.GroupBy(t => (t.From, t.To)).Any(g => g.Count() > 1))
        {
            errors.Add(new("transitions", "each from → to pair may appear once"));
        }

        return errors;
    }
}

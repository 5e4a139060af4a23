using Microsoft.EntityFrameworkCore;
using Open311.Core.Routing;
using Open311.Core.Staff;
using Open311.Core.Workflow;

namespace Open311.Core.Requests;

/// <summary>
/// What staff do to a request. Each change is checked against the actor's role and department,
/// applied only if the request is still at the version the actor read, and recorded as a history
/// event in the same transaction.
/// </summary>
public sealed partial class RequestLifecycle
{
    public async Task<HandlingResult> TransitionAsync(StaffActor actor, long id, uint version, string toState, string? publicNote,
        string? internalNote, CancellationToken cancellationToken)
    {
        var (request, refusal) = await LoadAsync(actor, id, version, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        if (toState == WorkflowState.DuplicateCode)
        {
            return HandlingResult.Invalid("a request becomes a duplicate through duplicate-of, which names the original");
        }

        if (CheckNotes(publicNote, internalNote) is { } badNote)
        {
            return badNote;
        }

        var workflow = await WorkflowOfAsync(request, cancellationToken);
        var (transition, refused) = CheckTransition(actor, workflow, request, toState, publicNote);
        if (transition is null)
        {
            return refused!;
        }

        var now = clock.GetUtcNow();
        var from = workflow.State(transition.FromStateId);
        // Leaving the duplicate state (if it was there): it no longer points at an original.
        request.MoveTo(from, transition.To, RequestEventKind.StatusChanged, actor.Name, publicNote, now);
        await clocks.MovedAsync(request, from, transition.To, byStaff: true, now, cancellationToken);
        if (!string.IsNullOrWhiteSpace(internalNote))
        {
            request.AddNote(actor.Name, internalNote, isPublic: false, now);
        }

        return await SaveAsync(request, cancellationToken);
    }

    public async Task<HandlingResult> AddNoteAsync(StaffActor actor, long id, uint version, string text, bool isPublic, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HandlingResult.Invalid("a note needs text");
        }

        if (CheckNotes(text) is { } badNote)
        {
            return badNote;
        }

        var (request, refusal) = await LoadAsync(actor, id, version, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        var now = clock.GetUtcNow();
        request.AddNote(actor.Name, text, isPublic, now);
        if (isPublic)
        {
            // A public note answers the citizen: the first one may be the first response.
            await clocks.RespondedAsync(request, now, cancellationToken);
        }

        return await SaveAsync(request, cancellationToken);
    }

    public async Task<HandlingResult> AssignAsync(StaffActor actor, long id, uint version, long? assigneeId, CancellationToken cancellationToken)
    {
        var (request, refusal) = await LoadAsync(actor, id, version, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        if (assigneeId is { } assignee)
        {
            var account = await db.StaffAccounts.AsNoTracking()
                .FirstOrDefaultAsync(s => s.Id == assignee && s.JurisdictionId == request.JurisdictionId && s.Active, cancellationToken);
            if (account is null || account.Role == StaffRole.Viewer
                || (account.Role == StaffRole.Staff && account.DepartmentId != request.DepartmentId))
            {
                return HandlingResult.Invalid($"staff account {assignee} cannot be assigned: it must be active and belong to the request's department");
            }
        }

        request.AssignTo(assigneeId, actor.Name, clock.GetUtcNow());
        return await SaveAsync(request, cancellationToken);
    }

    public async Task<HandlingResult> SetExpectedAsync(StaffActor actor, long id, uint version, DateTimeOffset? expected, CancellationToken cancellationToken)
    {
        var (request, refusal) = await LoadAsync(actor, id, version, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        request.ExpectBy(expected, actor.Name, clock.GetUtcNow());
        return await SaveAsync(request, cancellationToken);
    }

    public async Task<HandlingResult> RerouteAsync(StaffActor actor, long id, uint version, long departmentId, string? reason, CancellationToken cancellationToken)
    {
        if (!actor.CanReroute)
        {
            return HandlingResult.Forbidden("only dispatchers and administrators reroute requests");
        }

        var (request, refusal) = await LoadAsync(actor, id, version, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        if (!await db.Departments.AnyAsync(d => d.Id == departmentId && d.JurisdictionId == request.JurisdictionId && d.Active, cancellationToken))
        {
            return HandlingResult.Invalid($"department {departmentId} does not exist or is inactive");
        }

        if (CheckNotes(reason) is { } badNote)
        {
            return badNote;
        }

        var areaId = await RequestRouter.AreaAfterRerouteAsync(db, request.JurisdictionId, request.ServiceId, request.Lat, request.Long, departmentId,
            request.AreaId, cancellationToken);
        request.RerouteTo(departmentId, areaId, actor.Name, reason, clock.GetUtcNow());
        await clocks.RetargetAsync(request, cancellationToken);
        return await SaveAsync(request, cancellationToken);
    }

    /// <summary>The transition that takes the request to <paramref name="toState"/>, or why the actor may not make that move.</summary>
    private static (WorkflowTransition? Transition, HandlingResult? Refusal) CheckTransition(
        StaffActor actor, RequestWorkflow workflow, ServiceRequest request, string toState, string? publicNote)
    {
        var target = workflow.States.FirstOrDefault(s => s.Code == toState);
        if (target is null)
        {
            return (null, HandlingResult.Invalid($"the workflow has no state '{toState}'"));
        }

        var current = workflow.State(request.StateId).Code;
        var allowed = workflow.TransitionsFrom(request.StateId, actor.Role);
        var transition = workflow.Transitions.FirstOrDefault(t => t.FromStateId == request.StateId && t.ToStateId == target.Id);
        if (transition is null)
        {
            return (null, new HandlingResult(HandlingOutcome.Conflict, $"a request in state '{current}' cannot move to '{toState}'", allowed));
        }

        if (!allowed.Contains(transition))
        {
            return (null, new HandlingResult(HandlingOutcome.Forbidden, $"your role ({actor.Role.ToOpen311()}) may not move a request to '{toState}'", allowed));
        }

        if (transition.RequiresPublicNote && string.IsNullOrWhiteSpace(publicNote))
        {
            return (null, HandlingResult.Invalid($"moving to '{toState}' needs a public note telling the citizen why"));
        }

        return (transition, null);
    }
}

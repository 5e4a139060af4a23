using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Staff;
using Open311.Core.Workflow;

namespace Open311.Core.Requests;

/// <summary>
/// What staff do to a request. Each change is checked against the actor's role and department,
/// applied only if the request is still at the version the actor read, and recorded as a history
/// event in the same transaction.
/// </summary>
public sealed class RequestHandling(Open311Db db, TimeProvider clock, CatalogCache catalog)
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

        var workflow = (await catalog.ForAsync(request.JurisdictionId, cancellationToken)).WorkflowFor(request.Service.WorkflowId);
        var result = CheckTransition(actor, workflow, request, toState, publicNote);
        if (result.Transition is not { } transition)
        {
            return result.Refusal!;
        }

        if (request.DuplicateOfId is { } original)
        {
            // Leaving the duplicate state: it no longer points at an original.
            request.DuplicateOfId = null;
            Move(actor, request, workflow, transition.To, RequestEventKind.StatusChanged, publicNote, ("duplicate_of", original, null));
        }
        else
        {
            Move(actor, request, workflow, transition.To, RequestEventKind.StatusChanged, publicNote);
        }

        AddInternalNote(actor, request, internalNote);
        return await SaveAsync(cancellationToken);
    }

    public async Task<HandlingResult> MarkDuplicateAsync(StaffActor actor, long id, uint version, long originalId, string? publicNote,
        CancellationToken cancellationToken)
    {
        var (request, refusal) = await LoadAsync(actor, id, version, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        if (CheckNotes(publicNote, null) is { } badNote)
        {
            return badNote;
        }

        var original = await db.Requests.AsNoTracking()
            .Where(r => r.Id == originalId && r.JurisdictionId == request.JurisdictionId)
            .Select(r => new { r.Id, r.DuplicateOfId })
            .FirstOrDefaultAsync(cancellationToken);
        if (original is null || original.Id == request.Id)
        {
            return HandlingResult.Invalid($"request {originalId} cannot be the original: it does not exist or is this request");
        }

        if (original.DuplicateOfId is { } earlier)
        {
            return HandlingResult.Invalid($"request {originalId} is itself a duplicate of {earlier}: point at {earlier} instead");
        }

        var workflow = (await catalog.ForAsync(request.JurisdictionId, cancellationToken)).WorkflowFor(request.Service.WorkflowId);
        var result = CheckTransition(actor, workflow, request, WorkflowState.DuplicateCode, publicNote);
        if (result.Transition is not { } transition)
        {
            return result.Refusal!;
        }

        request.DuplicateOfId = originalId;
        Move(actor, request, workflow, transition.To, RequestEventKind.MarkedDuplicate, publicNote,
            ("duplicate_of", null, originalId));
        return await SaveAsync(cancellationToken);
    }

    public async Task<HandlingResult> AddNoteAsync(StaffActor actor, long id, uint version, string text, bool isPublic, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HandlingResult.Invalid("a note needs text");
        }

        if (CheckNotes(text, null) is { } badNote)
        {
            return badNote;
        }

        var (request, refusal) = await LoadAsync(actor, id, version, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        if (isPublic)
        {
            request.StatusNotes = text;
        }

        Record(actor, request, RequestEventKind.Note, isPublic, text);
        return await SaveAsync(cancellationToken);
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

        var before = request.AssigneeId;
        request.AssigneeId = assigneeId;
        Record(actor, request, RequestEventKind.Assigned, isPublic: false, note: null, ("assignee_id", before, assigneeId));
        return await SaveAsync(cancellationToken);
    }

    public async Task<HandlingResult> SetExpectedAsync(StaffActor actor, long id, uint version, DateTimeOffset? expected, CancellationToken cancellationToken)
    {
        var (request, refusal) = await LoadAsync(actor, id, version, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        var before = request.ExpectedAt;
        request.ExpectedAt = expected;
        Record(actor, request, RequestEventKind.ExpectedChanged, isPublic: false, note: null, ("expected_at", before, expected));
        return await SaveAsync(cancellationToken);
    }

    public async Task<HandlingResult> RerouteAsync(StaffActor actor, long id, uint version, long departmentId, string? reason, CancellationToken cancellationToken)
    {
        if (actor.Role is not (StaffRole.Admin or StaffRole.Dispatcher))
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

        var (beforeDepartment, beforeAssignee) = (request.DepartmentId, request.AssigneeId);
        request.DepartmentId = departmentId;
        request.AssigneeId = null; // whoever had it belongs to the old department
        Record(actor, request, RequestEventKind.Rerouted, isPublic: false, reason,
            ("department_id", beforeDepartment, departmentId), ("assignee_id", beforeAssignee, null));
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Notes reach citizens through Open311 (XML included), so they follow the same rules as a description.</summary>
    private static HandlingResult? CheckNotes(params string?[] notes) =>
        notes.FirstOrDefault(n => n is not null && (n.Length > RequestIntake.MaxDescriptionLength || !PlainText.IsAllowed(n))) is not null
            ? HandlingResult.Invalid($"notes are at most {RequestIntake.MaxDescriptionLength} characters, without control characters")
            : null;

    /// <summary>The request, tracked and pinned to the version the actor read; or why the actor may not change it.</summary>
    private async Task<(ServiceRequest?, HandlingResult?)> LoadAsync(StaffActor actor, long id, uint version, CancellationToken cancellationToken)
    {
        var request = await db.Requests.VisibleTo(actor)
            .Include(r => r.Service)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return (null, HandlingResult.NotFound);
        }

        if (!actor.CanChangeRequests)
        {
            return (null, HandlingResult.Forbidden("viewers cannot change requests"));
        }

        if (request.Version != version)
        {
            return (null, HandlingResult.Stale);
        }

        return (request, null);
    }

    private static (WorkflowTransition? Transition, HandlingResult? Refusal) CheckTransition(
        StaffActor actor, RequestWorkflow workflow, ServiceRequest request, string toState, string? publicNote)
    {
        var target = workflow.States.FirstOrDefault(s => s.Code == toState);
        if (target is null)
        {
            return (null, HandlingResult.Invalid($"the workflow has no state '{toState}'"));
        }

        var current = workflow.States.Single(s => s.Id == request.StateId).Code;
        var fromHere = workflow.Transitions.Where(t => t.FromStateId == request.StateId).ToList();
        var allowed = workflow.TransitionsFrom(request.StateId, actor.Role);
        var transition = fromHere.FirstOrDefault(t => t.ToStateId == target.Id);
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

    private void Move(StaffActor actor, ServiceRequest request, RequestWorkflow workflow, WorkflowState to, RequestEventKind kind, string? publicNote,
        params (string, object?, object?)[] otherChanges)
    {
        var (fromState, fromStatus) = (workflow.States.Single(s => s.Id == request.StateId).Code, request.Status);
        request.StateId = to.Id;
        request.Status = to.Status;
        // status_notes explain the current state; an earlier state's note (a rejection, say) would mislead.
        request.StatusNotes = string.IsNullOrWhiteSpace(publicNote) ? null : publicNote;

        Record(actor, request, kind, isPublic: true, publicNote,
            [("state", fromState, to.Code), ("status", fromStatus.ToOpen311(), to.Status.ToOpen311()), .. otherChanges]);
    }

    private void AddInternalNote(StaffActor actor, ServiceRequest request, string? note)
    {
        if (!string.IsNullOrWhiteSpace(note))
        {
            Record(actor, request, RequestEventKind.Note, isPublic: false, note);
        }
    }

    private void Record(StaffActor actor, ServiceRequest request, RequestEventKind kind, bool isPublic, string? note,
        params (string Field, object? Before, object? After)[] changes)
    {
        var now = clock.GetUtcNow();
        request.UpdatedAt = now;
        request.History.Add(new RequestEvent
        {
            OccurredAt = now,
            Kind = kind,
            Actor = actor.Name,
            IsPublic = isPublic,
            Note = string.IsNullOrWhiteSpace(note) ? null : note,
            StatusAfter = request.Status,
            StateAfterId = request.StateId,
            Changes = changes.Length == 0 ? null : Changes.Of(changes),
        });
    }

    private async Task<HandlingResult> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return HandlingResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return HandlingResult.Stale;
        }
    }
}

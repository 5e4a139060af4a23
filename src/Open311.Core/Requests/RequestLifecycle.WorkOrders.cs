using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Staff;
using Open311.Core.Workflow;
using Open311.Core.WorkOrders;

namespace Open311.Core.Requests;

/// <summary>A department's part of a request made as it is given to the department.</summary>
public sealed record WorkOrderDraft(long DepartmentId, long? AssigneeId = null, string? Notes = null);

/// <summary>
/// A work order as its department leaves it (state, assignee and notes replaced), against the version read; a public note,
/// when given, tells the citizen what was done (an ordinary public note of the request, without the work order).
/// </summary>
public sealed record WorkOrderUpdate(uint Version, WorkOrderState State, long? AssigneeId = null, string? Notes = null, string? PublicNote = null);

/// <summary>
/// Work orders: a request split between departments, each handling its own part. Every change is a change of the
/// request (a staff-only history event, with its outbox messages), made with the request's row locked, so the changes of
/// one request's work orders queue one after another and the last one done is seen as the last exactly once.
/// </summary>
public sealed partial class RequestLifecycle
{
    private static readonly HandlingResult StaleWorkOrder = new(HandlingOutcome.Conflict,
        "the work order was changed by someone else since you read it: read it again and retry");

    /// <summary>The request's department (its staff), dispatchers and administrators split a request; one work order per department.</summary>
    public async Task<HandlingResult> AddWorkOrderAsync(StaffActor actor, long requestId, WorkOrderDraft draft, CancellationToken cancellationToken)
    {
        if (CheckNotes(draft.Notes) is { } badNote)
        {
            return badNote;
        }

        await using var transaction = await JoinedTransaction.BeginOrJoinAsync(db.Database, cancellationToken);
        var (request, refusal) = await LockAsync(actor, requestId, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        if (!actor.Owns(request.JurisdictionId, request.DepartmentId))
        {
            return HandlingResult.Forbidden("a request is split into work orders by its own department, dispatchers or administrators");
        }

        if (request.Status == RequestStatus.Closed)
        {
            return new(HandlingOutcome.Conflict, "the request is closed: reopen it before giving it work orders");
        }

        var department = await db.Departments.AsNoTracking()
            .Where(d => d.Id == draft.DepartmentId && d.JurisdictionId == request.JurisdictionId && d.Active)
            .Select(d => new { d.WorkOrderTargetMinutes })
            .FirstOrDefaultAsync(cancellationToken);
        if (department is null)
        {
            return HandlingResult.Invalid($"department {draft.DepartmentId} does not exist or is inactive");
        }

        if (request.WorkOrders.Any(w => w.DepartmentId == draft.DepartmentId))
        {
            return new(HandlingOutcome.Conflict, $"department {draft.DepartmentId} already has a work order on this request: change that one");
        }

        if (await CheckWorkOrderAssigneeAsync(request.JurisdictionId, draft.DepartmentId, draft.AssigneeId, cancellationToken) is { } badAssignee)
        {
            return badAssignee;
        }

        var now = clock.GetUtcNow();
        var due = await clocks.WorkOrderDueAsync(request, now, department.WorkOrderTargetMinutes, cancellationToken);
        request.AddWorkOrder(draft.DepartmentId, draft.AssigneeId, Blank(draft.Notes), department.WorkOrderTargetMinutes, due, actor.Name, now);
        return await CommitAsync([request], transaction, cancellationToken);
    }

    /// <summary>
    /// A work order's department (its staff), dispatchers and administrators change it. When it leaves every work order of the request
    /// done, the request is closed through its workflow if the jurisdiction says so (<see cref="WorkOrderCompletion.Close"/>); otherwise
    /// its detail offers the close (<see cref="WorkOrderProgress.CloseOffered"/>).
    /// </summary>
    public async Task<HandlingResult> ChangeWorkOrderAsync(StaffActor actor, long workOrderId, WorkOrderUpdate update, CancellationToken cancellationToken)
    {
        if (CheckNotes(update.Notes, update.PublicNote) is { } badNote)
        {
            return badNote;
        }

        var requestId = await db.WorkOrders.AsNoTracking()
            .Where(w => w.Id == workOrderId && w.JurisdictionId == actor.JurisdictionId)
            .Select(w => (long?)w.RequestId)
            .FirstOrDefaultAsync(cancellationToken);
        if (requestId is null)
        {
            return new(HandlingOutcome.NotFound, $"no work order {workOrderId}");
        }

        await using var transaction = await JoinedTransaction.BeginOrJoinAsync(db.Database, cancellationToken);
        var (request, refusal) = await LockAsync(actor, requestId.Value, cancellationToken);
        if (request is null)
        {
            return refusal!.Outcome == HandlingOutcome.NotFound ? new(HandlingOutcome.NotFound, $"no work order {workOrderId}") : refusal;
        }

        var workOrder = request.WorkOrders.Single(w => w.Id == workOrderId);
        if (!actor.Owns(request.JurisdictionId, workOrder.DepartmentId))
        {
            return HandlingResult.Forbidden("a work order is changed by its own department, dispatchers or administrators");
        }

        if (workOrder.Version != update.Version)
        {
            return StaleWorkOrder;
        }

        if (request.Status == RequestStatus.Closed)
        {
            return new(HandlingOutcome.Conflict, "the request is closed: reopen it before changing its work orders");
        }

        if (update.AssigneeId != workOrder.AssigneeId
            && await CheckWorkOrderAssigneeAsync(request.JurisdictionId, workOrder.DepartmentId, update.AssigneeId, cancellationToken) is { } badAssignee)
        {
            return badAssignee;
        }

        var now = clock.GetUtcNow();
        var wasDone = workOrder.State == WorkOrderState.Done;
        request.ChangeWorkOrder(workOrder, update.State, update.AssigneeId, Blank(update.Notes), actor.Name, now);
        if (!string.IsNullOrWhiteSpace(update.PublicNote))
        {
            request.AddNote(actor.Name, update.PublicNote, isPublic: true, now);
            await clocks.RespondedAsync(request, now, cancellationToken);
        }

        if (!wasDone && workOrder.State == WorkOrderState.Done)
        {
            await CloseWhenAllDoneAsync(request, now, cancellationToken);
        }

        return await CommitAsync([request], transaction, cancellationToken);
    }

    /// <summary>
    /// The request, tracked with its work orders, after its row is locked; or why the actor may not change it. Locked first and
    /// read after, so a change that waited for another sees what that one committed.
    /// </summary>
    private async Task<(ServiceRequest?, HandlingResult?)> LockAsync(StaffActor actor, long requestId, CancellationToken cancellationToken)
    {
        if (!actor.CanChangeRequests)
        {
            return (null, HandlingResult.Forbidden("viewers cannot change requests"));
        }

        // Any jurisdiction's row by id: the read below is what decides whether the actor may see it.
        await db.LockRequestsAsync([requestId], cancellationToken);
        var request = await db.Requests.VisibleTo(actor).Include(r => r.Service).Include(r => r.WorkOrders)
            .FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        return request is null ? (null, HandlingResult.NotFound) : (request, null);
    }

    /// <summary>
    /// <see cref="WorkOrderCompletion.Close"/>: the workflow's move from where the request is to a closed state (not the duplicate one),
    /// by <c>system</c>, with a public note saying the work is done. A workflow with no such move leaves the close offered.
    /// </summary>
    private async Task CloseWhenAllDoneAsync(ServiceRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!WorkOrderProgress.Of([.. request.WorkOrders.Select(w => w.State)], request.Status).CloseOffered)
        {
            return;
        }

        var completion = await db.Jurisdictions.Where(j => j.Id == request.JurisdictionId).Select(j => j.WorkOrderCompletion).SingleAsync(cancellationToken);
        if (completion != WorkOrderCompletion.Close)
        {
            return;
        }

        var workflow = await WorkflowOfAsync(request, cancellationToken);
        var close = workflow.Transitions
            .Where(t => t.FromStateId == request.StateId && t.To.Status == RequestStatus.Closed && t.To.Code != WorkflowState.DuplicateCode)
            .OrderBy(t => t.To.SortOrder)
            .FirstOrDefault();
        if (close is null)
        {
            return;
        }

        var from = workflow.State(request.StateId);
        request.MoveTo(from, close.To, RequestEventKind.StatusChanged, SystemActor, WorkOrderTexts.Closing(request.Language), now);
        await clocks.MovedAsync(request, from, close.To, byStaff: true, now, cancellationToken);
    }

    /// <summary>A work order's assignee is an active staff account of its department.</summary>
    private async Task<HandlingResult?> CheckWorkOrderAssigneeAsync(string jurisdictionId, long departmentId, long? assigneeId,
        CancellationToken cancellationToken) =>
        assigneeId is { } id && !await db.StaffAccounts.AnyAsync(s => s.Id == id && s.JurisdictionId == jurisdictionId && s.Active
            && s.Role == StaffRole.Staff && s.DepartmentId == departmentId, cancellationToken)
            ? HandlingResult.Invalid($"staff account {id} cannot be assigned: it must be an active member of the work order's department")
            : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Escalation;
using Open311.Core.Outbox;
using Open311.Core.ServiceLevels;
using Open311.Core.Staff;
using Open311.Core.Workflow;

namespace Open311.Core.Requests;

/// <summary>
/// The one way a request changes: intake from any channel (RequestLifecycle.Intake.cs) and
/// everything staff do afterwards (RequestLifecycle.Handling.cs). Each use case checks its rule,
/// changes the request through its own methods, which append the history event, and saves the
/// request, its new events and the outbox messages they cause in one transaction.
/// </summary>
public sealed partial class RequestLifecycle(Open311Db db, TimeProvider clock, JurisdictionDirectory jurisdictions, CatalogCache catalog,
    OutboxWriter outbox, ServiceClock clocks, EscalationPlanner escalations)
{
    public const int MaxDescriptionLength = 4000;

    /// <summary>Notes reach citizens through Open311 (XML included), so they follow the same rules as a description.</summary>
    private static HandlingResult? CheckNotes(params string?[] notes) =>
        notes.FirstOrDefault(n => n is not null && (n.Length > MaxDescriptionLength || !PlainText.IsAllowed(n))) is not null
            ? HandlingResult.Invalid($"notes are at most {MaxDescriptionLength} characters, without control characters")
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

        if (!actor.Owns(request.JurisdictionId, request.DepartmentId))
        {
            return (null, HandlingResult.Forbidden("the request is another department's: your department changes its work order on it"));
        }

        if (request.Version != version)
        {
            return (null, HandlingResult.Stale);
        }

        return (request, null);
    }

    /// <summary>Saves as <see cref="SaveAsync(IReadOnlyList{ServiceRequest}, CancellationToken)"/> in a transaction this change began (or joined), and commits it when saved.</summary>
    private async Task<HandlingResult> CommitAsync(IReadOnlyList<ServiceRequest> requests, JoinedTransaction transaction, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(requests, cancellationToken);
        if (saved.Outcome == HandlingOutcome.Done)
        {
            await transaction.CommitAsync(cancellationToken);
            outbox.Committed();
        }

        return saved;
    }

    private async Task<RequestWorkflow> WorkflowOfAsync(ServiceRequest request, CancellationToken cancellationToken) =>
        (await catalog.ForAsync(request.JurisdictionId, cancellationToken)).WorkflowFor(request.Service.WorkflowId);

    /// <summary>
    /// Saves the request's changes with their outbox messages, its next escalation planned on the clocks as the
    /// change left them. Inside a transaction the caller owns (intake, the escalation worker), the commit is
    /// the caller's and so is waking the worker.
    /// </summary>
    private Task<HandlingResult> SaveAsync(ServiceRequest request, CancellationToken cancellationToken) => SaveAsync([request], cancellationToken);

    /// <summary>Several requests changed together (a merge changes the duplicate and its original): one save for all.</summary>
    private async Task<HandlingResult> SaveAsync(IReadOnlyList<ServiceRequest> requests, CancellationToken cancellationToken) =>
        await WriteAsync(await StageAsync(requests, cancellationToken), cancellationToken);

    /// <summary>Plans each request's next escalation and adds the outbox messages of its new events; true when any were added.</summary>
    private async Task<bool> StageAsync(IReadOnlyList<ServiceRequest> requests, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var queued = false;
        foreach (var request in requests)
        {
            await escalations.PlanAsync(request, now, cancellationToken);
            queued |= await outbox.EnqueueAsync(db, request, now, cancellationToken);
        }

        return queued;
    }

    /// <summary>Writes what <see cref="StageAsync"/> and the use case left in the unit of work.</summary>
    private async Task<HandlingResult> WriteAsync(bool queued, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return HandlingResult.Stale;
        }

        if (queued && db.Database.CurrentTransaction is null)
        {
            outbox.Committed();
        }

        return HandlingResult.Done;
    }
}

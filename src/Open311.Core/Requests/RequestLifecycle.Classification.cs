using Open311.Core.Staff;

namespace Open311.Core.Requests;

/// <summary>
/// Staff correcting what a request is: its category (a citizen picked the wrong one) and its
/// priority. Both may change which service level applies, so the clocks are re-targeted with the
/// working time already used kept.
/// </summary>
public sealed partial class RequestLifecycle
{
    /// <summary>
    /// Dispatchers and administrators only, like rerouting: the department stays (reroute if it
    /// should move too). The new category's workflow must have the request's current state (by code),
    /// so the request keeps where it stands; its answers to the old category's questions are kept as recorded.
    /// </summary>
    public async Task<HandlingResult> ChangeCategoryAsync(StaffActor actor, long id, uint version, string serviceCode, string? reason,
        CancellationToken cancellationToken)
    {
        if (!actor.CanReroute)
        {
            return HandlingResult.Forbidden("only dispatchers and administrators change a request's category");
        }

        if (CheckNotes(reason) is { } badNote)
        {
            return badNote;
        }

        var (request, refusal) = await LoadAsync(actor, id, version, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        var snapshot = await catalog.ForAsync(request.JurisdictionId, cancellationToken);
        if (snapshot.Find(serviceCode, includePrivate: true) is not { } target)
        {
            return HandlingResult.Invalid($"no active category {serviceCode}");
        }

        if (target.Id == request.ServiceId)
        {
            return HandlingResult.Invalid($"the request is already in category {serviceCode}");
        }

        var current = (await WorkflowOfAsync(request, cancellationToken)).State(request.StateId);
        if (snapshot.WorkflowFor(target.WorkflowId).States.FirstOrDefault(s => s.Code == current.Code) is not { } state)
        {
            return HandlingResult.Invalid($"category {serviceCode}'s workflow has no state '{current.Code}', where the request is: move it first");
        }

        // The tracked row, not the cache's copy, so that saving the request does not try to insert the category.
        var category = await db.Services.FindAsync([target.Id], cancellationToken);
        var now = clock.GetUtcNow();
        request.ChangeCategory(category!, state, actor.Name, reason, now);
        if (state.PausesClock != current.PausesClock || state.Status != current.Status)
        {
            // The same state code may pause the clock in one workflow and not in the other: the clock follows the new state.
            await clocks.MovedAsync(request, current, state, byStaff: false, now, cancellationToken);
        }

        await clocks.RetargetAsync(request, cancellationToken);
        return await SaveAsync(request, cancellationToken);
    }

    public async Task<HandlingResult> SetPriorityAsync(StaffActor actor, long id, uint version, RequestPriority priority, string? reason,
        CancellationToken cancellationToken)
    {
        if (CheckNotes(reason) is { } badNote)
        {
            return badNote;
        }

        var (request, refusal) = await LoadAsync(actor, id, version, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        if (request.Priority == priority)
        {
            return HandlingResult.Invalid($"the request's priority is already {priority.ToOpen311()}");
        }

        request.SetPriority(priority, actor.Name, reason, clock.GetUtcNow());
        await clocks.RetargetAsync(request, cancellationToken);
        return await SaveAsync(request, cancellationToken);
    }
}

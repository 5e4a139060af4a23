using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Staff;
using Open311.Core.Workflow;

namespace Open311.Core.Requests;

/// <summary>
/// Duplicates: marking one (duplicate-of, or confirming a suggestion found at intake), which merges its people into
/// the original, and rejecting a suggestion.
/// </summary>
public sealed partial class RequestLifecycle
{
    /// <summary>
    /// Makes the request a duplicate of <paramref name="originalId"/>. Its requester and followers then follow the
    /// original (they are told of this change first, on the duplicate), and a suggestion of that original is confirmed.
    /// </summary>
    public async Task<HandlingResult> MarkDuplicateAsync(StaffActor actor, long id, uint version, long originalId, string? publicNote,
        CancellationToken cancellationToken)
    {
        if (CheckNotes(publicNote) is { } badNote)
        {
            return badNote;
        }

        await using var transaction = await JoinedTransaction.BeginOrJoinAsync(db.Database, cancellationToken);
        await db.LockRequestsAsync([id, originalId], cancellationToken);
        var (request, refusal) = await LoadAsync(actor, id, version, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        // Only a request the actor may see can be the original, and a public request only points at a public one:
        // Open311 shows duplicate_of, and a private (social-support) request's id must never surface there.
        var original = await db.Requests.VisibleTo(actor).Include(r => r.Followers)
            .FirstOrDefaultAsync(r => r.Id == originalId && r.JurisdictionId == request.JurisdictionId, cancellationToken);
        var originalServiceId = original?.ServiceId;
        var publicServices = await db.Services.Where(s => s.IsPublic && (s.Id == request.ServiceId || s.Id == originalServiceId))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        if (original is null || original.Id == request.Id || (publicServices.Contains(request.ServiceId) && !publicServices.Contains(original.ServiceId)))
        {
            return HandlingResult.Invalid($"request {originalId} cannot be the original: it does not exist, is not visible to you, is private or is this request");
        }

        if (original.DuplicateOfId is { } earlier)
        {
            return HandlingResult.Invalid($"request {originalId} is itself a duplicate of {earlier}: point at {earlier} instead");
        }

        var workflow = await WorkflowOfAsync(request, cancellationToken);
        var (transition, refused) = CheckTransition(actor, workflow, request, WorkflowState.DuplicateCode, publicNote);
        if (transition is null)
        {
            return refused!;
        }

        await db.Entry(request).Collection(r => r.Followers).LoadAsync(cancellationToken);
        await db.Entry(request).Collection(r => r.DuplicateSuggestions).LoadAsync(cancellationToken);
        var (now, from) = (clock.GetUtcNow(), workflow.State(transition.FromStateId));
        request.MoveTo(from, transition.To, RequestEventKind.MarkedDuplicate, actor.Name, publicNote, now, duplicateOf: originalId);
        request.ConfirmSuggestionOf(originalId, actor.Name, now);
        await clocks.MovedAsync(request, from, transition.To, byStaff: true, now, cancellationToken);
        // The duplicate's outbox is planned before the followers move, so they hear of the merge on the duplicate too.
        var planned = new List<ServiceRequest> { request };
        if (original.TakeFollowersOf(request, actor.Name, now))
        {
            planned.Add(original);
        }

        return await CommitAsync(planned, transaction, cancellationToken);
    }

    /// <summary>Staff agree with a suggestion found at intake: the request becomes a duplicate of its candidate (as duplicate-of does).</summary>
    public async Task<HandlingResult> ConfirmSuggestionAsync(StaffActor actor, long id, uint version, long suggestionId, string? publicNote,
        CancellationToken cancellationToken) =>
        await PendingSuggestionAsync(actor, id, suggestionId, cancellationToken) is { } candidate
            ? await MarkDuplicateAsync(actor, id, version, candidate, publicNote, cancellationToken)
            : HandlingResult.NotFound;

    /// <summary>Staff judge a suggestion wrong: recorded, so it is no longer offered.</summary>
    public async Task<HandlingResult> RejectSuggestionAsync(StaffActor actor, long id, uint version, long suggestionId, string? reason,
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

        await db.Entry(request).Collection(r => r.DuplicateSuggestions).LoadAsync(cancellationToken);
        if (request.DuplicateSuggestions.FirstOrDefault(s => s.Id == suggestionId && s.Decision is null) is not { } suggestion)
        {
            return HandlingResult.NotFound;
        }

        request.RejectSuggestion(suggestion, actor.Name, reason, clock.GetUtcNow());
        return await SaveAsync(request, cancellationToken);
    }

    /// <summary>The candidate of a suggestion not yet decided on a request the actor may see; null otherwise.</summary>
    private Task<long?> PendingSuggestionAsync(StaffActor actor, long id, long suggestionId, CancellationToken cancellationToken) =>
        db.DuplicateSuggestions
            .Where(s => s.Id == suggestionId && s.RequestId == id && s.Decision == null && db.Requests.VisibleTo(actor).Any(r => r.Id == id))
            .Select(s => (long?)s.CandidateId)
            .FirstOrDefaultAsync(cancellationToken);
}

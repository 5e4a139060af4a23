using Microsoft.EntityFrameworkCore;

namespace Open311.Core.Requests;

/// <summary>The privacy lifecycle: contact data forgotten when its retention has passed, or at once on a data subject's request.</summary>
public sealed partial class RequestLifecycle
{
    /// <summary>
    /// Forgets the requester's contact data of <paramref name="requesterOf"/> and the senders' of the citizens'
    /// follow-ups <paramref name="followUpEventIds"/> (on any request), each request changed with its private
    /// <see cref="RequestEventKind.ContactAnonymised"/> event. Runs inside the caller's transaction, with the
    /// rows already locked by it, so no save is stale; the caller commits. Returns the requests changed.
    /// </summary>
    /// <remarks>
    /// Through the entities rather than one UPDATE per batch so that the one rule of what a change is (the
    /// row, its history event, its outbox messages, its escalation plan) holds here too; a batch of requests
    /// costs a few hundred milliseconds, which a nightly job can afford.
    /// </remarks>
    internal async Task<int> AnonymiseContactAsync(IReadOnlyCollection<long> requesterOf, IReadOnlyCollection<long> followUpEventIds, string actor,
        string why, CancellationToken cancellationToken)
    {
        var followUps = await db.CitizenFollowUps
            .Where(f => followUpEventIds.Contains(f.RequestEventId))
            .Join(db.RequestEvents, f => f.RequestEventId, e => e.Id, (f, e) => new { FollowUp = f, e.RequestId })
            .ToListAsync(cancellationToken);
        var ids = requesterOf.Union(followUps.Select(f => f.RequestId)).ToList();
        var requests = await db.Requests.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var request in requests)
        {
            var itsFollowUps = followUps.Where(f => f.RequestId == request.Id).Select(f => f.FollowUp).ToList();
            if (request.AnonymiseContact(requesterOf.Contains(request.Id), itsFollowUps, actor, why, clock.GetUtcNow())
                && (await SaveAsync(request, cancellationToken)).Outcome == HandlingOutcome.Done)
            {
                changed++;
            }
        }

        return changed;
    }
}

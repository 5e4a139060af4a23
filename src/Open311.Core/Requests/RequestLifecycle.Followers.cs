using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Citizens;
using Open311.Core.Staff;

namespace Open311.Core.Requests;

/// <summary>Followers: people besides the requester told of a request's progress, attached and stopped like any change.</summary>
public sealed partial class RequestLifecycle
{
    /// <summary>
    /// A phone or counter operator attaches a caller to a request already reported, instead of recording it again.
    /// Only to a request that is theirs to change: a department with just a work order on it does not add people to tell.
    /// </summary>
    public Task<FollowResult> AttachCallerAsync(StaffActor actor, long id, NewFollower caller, CancellationToken cancellationToken) =>
        actor.CanChangeRequests
            ? FollowAsync(db.Requests.OwnedBy(actor), id, caller, FollowerSource.Caller, actor.Name, cancellationToken)
            : Task.FromResult(FollowResult.Refused(FollowOutcome.Forbidden, new IntakeError("viewers cannot change requests")));

    /// <summary>A citizen's "me too" through a client app: public categories only, so a private request is as unknown as a missing one.</summary>
    public Task<FollowResult> FollowFromAppAsync(string jurisdictionId, long apiClientId, long id, NewFollower citizen, CancellationToken cancellationToken) =>
        FollowAsync(db.Requests.Where(r => r.JurisdictionId == jurisdictionId && r.Service.IsPublic), id, citizen, FollowerSource.App,
            $"client:{apiClientId}", cancellationToken);

    private async Task<FollowResult> FollowAsync(IQueryable<ServiceRequest> visible, long id, NewFollower wish, FollowerSource source, string actor,
        CancellationToken cancellationToken)
    {
        var found = await visible.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.JurisdictionId, r.Language }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return FollowResult.NotFound;
        }

        var jurisdiction = await jurisdictions.FindAsync(found.JurisdictionId, cancellationToken)
            ?? throw new InvalidOperationException($"Unknown jurisdiction {found.JurisdictionId}");
        var errors = new List<IntakeError>();
        if (string.IsNullOrWhiteSpace(wish.Email) && string.IsNullOrWhiteSpace(wish.Phone))
        {
            errors.Add(new("an e-mail address or a phone number is required to follow a request"));
        }

        CheckWishes(errors, wish.Email, wish.Phone, wish.NotifyEmail, wish.NotifySms);
        CheckLanguage(errors, wish.Language, jurisdiction.Jurisdiction);
        if (errors.Count > 0)
        {
            return FollowResult.Refused(FollowOutcome.Invalid, [.. errors]);
        }

        await using var transaction = await JoinedTransaction.BeginOrJoinAsync(db.Database, cancellationToken);
        // Two operators attaching callers at once take turns here: each sees the other's follower, neither is stale.
        await db.LockRequestsAsync([id], cancellationToken);
        var request = await db.Requests.Include(r => r.Followers).FirstAsync(r => r.Id == id, cancellationToken);
        if (request.IsRequester(wish.Email, wish.Phone))
        {
            return new FollowResult(FollowOutcome.AlreadyFollowing, request.ProtocolNumber, []);
        }

        var isNew = !request.Followers.Any(f => f.IsSamePerson(wish.Email, wish.Phone));
        if (request.AddFollower(wish, wish.Language ?? found.Language, source, actor, clock.GetUtcNow()) is not null)
        {
            await CommitAsync([request], transaction, cancellationToken);
        }

        return new FollowResult(isNew ? FollowOutcome.Added : FollowOutcome.AlreadyFollowing, request.ProtocolNumber, []);
    }

    /// <summary>A follower's unsubscribe link: no more messages to that follower about that request.</summary>
    private Task<StopOutcome> StopFollowerAsync(Guid unsubscribeToken, CancellationToken cancellationToken) =>
        StopFollowerAsync(db.RequestFollowers.Where(f => f.UnsubscribeToken == unsubscribeToken), email: true, sms: true, "unsubscribe link",
            cancellationToken);

    /// <summary>The followings of a number that still wait for SMS in the jurisdiction (<c>ix_request_followers_phone</c>).</summary>
    private IQueryable<RequestFollower> FollowingBySms(string jurisdictionId, string phone) =>
        db.RequestFollowers.Where(f => f.NotifySms && f.Phone != null && PhoneNumbers.Key(f.Phone) == PhoneNumbers.Key(phone)
            && db.Requests.Any(r => r.Id == f.RequestId && r.JurisdictionId == jurisdictionId));

    private async Task<StopOutcome> StopFollowerAsync(IQueryable<RequestFollower> which, bool email, bool sms, string how, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= StopAttempts; attempt++)
        {
            var found = await which.AsNoTracking().Select(f => new { f.Id, f.RequestId }).FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return StopOutcome.NotFound;
            }

            await using var transaction = await JoinedTransaction.BeginOrJoinAsync(db.Database, cancellationToken);
            await db.LockRequestsAsync([found.RequestId], cancellationToken);
            var request = await db.Requests.Include(r => r.Followers).FirstAsync(r => r.Id == found.RequestId, cancellationToken);
            // Moved by a merge between the two reads: it follows the original now, where it is found again.
            if (request.Followers.FirstOrDefault(f => f.Id == found.Id) is not { } follower)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            if (!request.StopFollower(follower, email, sms, CitizenActor, how, clock.GetUtcNow()))
            {
                return StopOutcome.AlreadyStopped;
            }

            await CommitAsync([request], transaction, cancellationToken);
            return StopOutcome.Stopped;
        }

        throw new InvalidOperationException($"the follower kept moving while its messages were being stopped ({StopAttempts} attempts)");
    }
}

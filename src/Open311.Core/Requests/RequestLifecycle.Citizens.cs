using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Citizens;

namespace Open311.Core.Requests;

/// <summary>What citizens themselves change: stopping the messages they asked for.</summary>
public sealed partial class RequestLifecycle
{
    /// <summary>The history's actor for what the citizen did through a link or a reply, not through a client app or staff.</summary>
    public const string CitizenActor = "citizen";

    // A stop races only with staff's edits of the same request; a few fresh reads settle it.
    private const int StopAttempts = 5;

    /// <summary>The unsubscribe link (or its RFC 8058 one-click POST): no more e-mail or SMS about that request.</summary>
    /// <remarks>A follower's link (<see cref="RequestFollower.UnsubscribeToken"/>) stops that follower's messages only.</remarks>
    public async Task<StopOutcome> StopMessagesAsync(Guid unsubscribeToken, CancellationToken cancellationToken)
    {
        var outcome = await StopAsync(r => r.UnsubscribeToken == unsubscribeToken, email: true, sms: true, "unsubscribe link", cancellationToken);
        return outcome == StopOutcome.NotFound ? await StopFollowerAsync(unsubscribeToken, cancellationToken) : outcome;
    }

    /// <summary>
    /// A STOP reply from <paramref name="phone"/>: no more SMS about any of that number's requests in the
    /// jurisdiction (e-mail, if asked for, goes on). Returns how many requests it stopped (as requester or as follower).
    /// </summary>
    public async Task<int> StopSmsAsync(string jurisdictionId, string phone, CancellationToken cancellationToken)
    {
        var ids = await db.Requests.WantingSmsAt(jurisdictionId, phone).Select(r => r.Id).ToListAsync(cancellationToken);
        var stopped = 0;
        foreach (var id in ids)
        {
            if (await StopAsync(r => r.Id == id, email: false, sms: true, "SMS reply", cancellationToken) == StopOutcome.Stopped)
            {
                stopped++;
            }
        }

        foreach (var follower in await FollowingBySms(jurisdictionId, phone).Select(f => f.Id).ToListAsync(cancellationToken))
        {
            if (await StopFollowerAsync(db.RequestFollowers.Where(f => f.Id == follower), email: false, sms: true, "SMS reply", cancellationToken)
                == StopOutcome.Stopped)
            {
                stopped++;
            }
        }

        return stopped;
    }

    private async Task<StopOutcome> StopAsync(Expression<Func<ServiceRequest, bool>> which, bool email, bool sms, string how,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= StopAttempts; attempt++)
        {
            var request = await db.Requests.FirstOrDefaultAsync(which, cancellationToken);
            if (request is null)
            {
                return StopOutcome.NotFound;
            }

            if (!request.StopMessages(email, sms, CitizenActor, how, clock.GetUtcNow()))
            {
                return StopOutcome.AlreadyStopped;
            }

            if ((await SaveAsync(request, cancellationToken)).Outcome == HandlingOutcome.Done)
            {
                return StopOutcome.Stopped;
            }

            // Changed since it was read (by staff, or by the same click twice): read it again.
            db.ChangeTracker.Clear();
        }

        throw new InvalidOperationException($"the request kept changing while its messages were being stopped ({StopAttempts} attempts)");
    }
}

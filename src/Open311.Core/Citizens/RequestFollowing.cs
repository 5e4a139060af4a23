using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Core.Citizens;

/// <summary>Reads what a citizen's links open: the follow page's view, the unsubscribe page's request. Changes go through RequestLifecycle.</summary>
public sealed class RequestFollowing(Open311Db db, JurisdictionDirectory jurisdictions)
{
    // Protocol numbers are YYYY/NNNNNN; anything much longer is not one and is not looked up.
    private const int MaxProtocolNumberLength = 32;

    /// <summary>
    /// The request with this protocol number and follow code, or null: an unknown number and a
    /// wrong code look the same, and codes are compared in constant time, so neither can be probed.
    /// </summary>
    public async Task<FollowView?> FindAsync(string protocolNumber, string? code, CancellationToken cancellationToken)
    {
        if (protocolNumber.Length > MaxProtocolNumberLength)
        {
            return null;
        }

        // Several jurisdictions may share a deployment, and each numbers its own requests.
        var candidates = await db.Requests.AsNoTracking()
            .WithProtocolNumber(protocolNumber)
            .Select(r => new
            {
                r.Id, r.JurisdictionId, r.FollowCode, r.Service.IsPublic, Category = r.Service.Name, State = r.State.Label, r.Status, r.Language,
                // What Open311's expected_datetime says too: the time staff set, else the service level's due time.
                r.RequestedAt, r.UpdatedAt, ExpectedAt = r.ExpectedAt ?? r.ResolutionDueAt,
            })
            .ToListAsync(cancellationToken);
        var request = candidates.FirstOrDefault(c => FollowCodes.Matches(c.FollowCode, code));
        if (request is null || await jurisdictions.FindAsync(request.JurisdictionId, cancellationToken) is not { } jurisdiction)
        {
            return null;
        }

        var notes = await db.RequestEvents.AsNoTracking()
            .Where(e => e.RequestId == request.Id && e.IsPublic)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new FollowNote(e.OccurredAt, e.Kind, e.Note, db.WorkflowStates.Where(s => s.Id == e.StateAfterId).Select(s => s.Label).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new FollowView
        {
            Jurisdiction = jurisdiction,
            ProtocolNumber = protocolNumber,
            Category = request.IsPublic ? request.Category : null,
            State = request.State,
            Status = request.Status,
            Language = request.Language,
            RequestedAt = request.RequestedAt,
            UpdatedAt = request.UpdatedAt,
            ExpectedAt = request.ExpectedAt,
            Notes = notes,
        };
    }

    public async Task<UnsubscribeView?> FindUnsubscribingAsync(Guid unsubscribeToken, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking()
            .Where(r => r.UnsubscribeToken == unsubscribeToken)
            .Select(r => new { r.ProtocolNumber, r.Language, r.JurisdictionId, StillMessaged = r.NotifyEmail || r.NotifySms })
            .FirstOrDefaultAsync(cancellationToken)
            // A follower's link: the request it follows, in the follower's language.
            ?? await db.RequestFollowers.AsNoTracking()
                .Where(f => f.UnsubscribeToken == unsubscribeToken)
                .Join(db.Requests, f => f.RequestId, r => r.Id,
                    (f, r) => new { r.ProtocolNumber, f.Language, r.JurisdictionId, StillMessaged = f.NotifyEmail || f.NotifySms })
                .FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return null;
        }

        var jurisdiction = await jurisdictions.FindAsync(request.JurisdictionId, cancellationToken);
        return new UnsubscribeView(request.ProtocolNumber, request.Language, jurisdiction?.Jurisdiction.DefaultLocale ?? request.Language, request.StillMessaged);
    }
}

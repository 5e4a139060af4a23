using Microsoft.EntityFrameworkCore;
using Npgsql;
using Open311.Core.Workflow;

namespace Open311.Core.Requests;

public sealed partial class RequestLifecycle
{
    /// <summary>How often a follow-up is tried again when staff change the request at the same moment.</summary>
    private const int CitizenUpdateAttempts = 3;

    /// <summary>
    /// Records a citizen's follow-up sent by a client app as a staff-only history event, with its
    /// photo; <c>status=open</c> on a closed request also reopens it where the workflow has a move
    /// from its state to an open one. Idempotent on the client's update id: a repeat answers as the
    /// first did and records nothing. Only requests of public categories exist for client apps.
    /// </summary>
    public async Task<CitizenUpdateResult> AddCitizenUpdateAsync(CitizenUpdate update, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = CheckFollowUp(update, now);
        if (errors.Count > 0)
        {
            return CitizenUpdateResult.Refused(CitizenUpdateOutcome.Invalid, [.. errors]);
        }

        var actor = $"client:{update.ApiClientId}";
        for (var attempt = 1; attempt <= CitizenUpdateAttempts; attempt++)
        {
            if (await EarlierAnswerAsync(update, cancellationToken) is { } earlier)
            {
                return earlier;
            }

            var request = await db.Requests.Include(r => r.Service)
                .FirstOrDefaultAsync(r => r.Id == update.RequestId && r.JurisdictionId == update.JurisdictionId && r.Service.IsPublic, cancellationToken);
            if (request is null)
            {
                return CitizenUpdateResult.Refused(CitizenUpdateOutcome.NotFound, new IntakeError($"service_request_id {update.RequestId} not found", NotFound: true));
            }

            var reopened = update.Status == RequestStatus.Open && request.Status == RequestStatus.Closed
                && await ReopenAsync(request, actor, now, cancellationToken);
            Guid? mediaId = null;
            if (update.Photo is { } photo)
            {
                mediaId = Guid.NewGuid();
                db.RequestMedia.Add(new RequestMedia { Id = mediaId.Value, RequestId = request.Id, ContentType = photo.ContentType, Content = photo.Content, CreatedAt = now });
            }

            var followUp = new CitizenFollowUp(update.ApiClientId, update.ClientUpdateId, update.SentAt, update.Status, reopened, update.ExternalMediaUrl, update.Contact);
            request.AddCitizenUpdate(actor, update.Description, mediaId, followUp, now);
            try
            {
                if (await SaveAsync(request, cancellationToken) == HandlingResult.Done)
                {
                    return CitizenUpdateResult.Recorded(request.History[^1].Id, request.Status, reopened);
                }
            }
            catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // The same update sent twice at once: the next round finds the other one's answer.
            }

            db.ChangeTracker.Clear();
        }

        return CitizenUpdateResult.Refused(CitizenUpdateOutcome.Busy, new IntakeError("the request changed while the update was recorded; send it again"));
    }

    private async Task<CitizenUpdateResult?> EarlierAnswerAsync(CitizenUpdate update, CancellationToken cancellationToken)
    {
        var earlier = await db.RequestEvents.AsNoTracking()
            .Where(e => e.FollowUp!.ApiClientId == update.ApiClientId && e.FollowUp.ClientUpdateId == update.ClientUpdateId)
            .Select(e => new { e.Id, e.StatusAfter, e.FollowUp!.Reopened })
            .FirstOrDefaultAsync(cancellationToken);
        return earlier is null ? null : CitizenUpdateResult.Recorded(earlier.Id, earlier.StatusAfter, earlier.Reopened);
    }

    /// <summary>
    /// The citizen holds no staff role and their reason is the follow-up itself (kept internal), so
    /// any move from the current state to an open one will do; one that asks for no public note first.
    /// </summary>
    private async Task<bool> ReopenAsync(ServiceRequest request, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var workflow = await WorkflowOfAsync(request, cancellationToken);
        var reopening = workflow.Transitions
            .Where(t => t.FromStateId == request.StateId && workflow.State(t.ToStateId) is { Status: RequestStatus.Open, Code: not WorkflowState.DuplicateCode })
            .OrderBy(t => t.RequiresPublicNote).ThenBy(t => t.Id)
            .FirstOrDefault();
        if (reopening is null)
        {
            return false;
        }

        var (from, to) = (workflow.State(reopening.FromStateId), workflow.State(reopening.ToStateId));
        request.MoveTo(from, to, RequestEventKind.StatusChanged, actor, publicNote: null, now);
        // The citizen's own reopening answers no one: it is not a first response.
        await clocks.MovedAsync(request, from, to, byStaff: false, now, cancellationToken);
        return true;
    }

    private static List<IntakeError> CheckFollowUp(CitizenUpdate update, DateTimeOffset now)
    {
        var errors = new List<IntakeError>();
        FieldChecks.Text(errors, "update_id", update.ClientUpdateId);
        FieldChecks.Text(errors, "description", update.Description, MaxDescriptionLength);
        FieldChecks.Text(errors, "first_name", update.Contact.FirstName);
        FieldChecks.Text(errors, "last_name", update.Contact.LastName);
        FieldChecks.Email(errors, update.Contact.Email);
        FieldChecks.MediaUrl(errors, update.ExternalMediaUrl);
        if (update.SentAt > now.AddMinutes(5))
        {
            errors.Add(new("updated_datetime may not be in the future"));
        }

        if (string.IsNullOrWhiteSpace(update.Description) && update.Photo is null && update.ExternalMediaUrl is null)
        {
            errors.Add(new("an update needs a description, a media_url or a photo"));
        }

        return errors;
    }
}

using Microsoft.EntityFrameworkCore;

namespace Open311.Core.Requests;

/// <summary>Escalation: the rules that fire as a request's service-level clocks run (<see cref="Escalation.EscalationPlanner"/>).</summary>
public sealed partial class RequestLifecycle
{
    /// <summary>The history's actor for what the service does by itself.</summary>
    public const string SystemActor = "system";

    /// <summary>
    /// Fires every rule whose moment has come, each its own staff-only <see cref="RequestEventKind.Escalated"/>
    /// event (raising the priority where the rule says), and plans the next; saved with the alerts they cause.
    /// The escalation worker calls it with the request's row locked, so a rule fires once however many
    /// instances run. Returns how many rules fired.
    /// </summary>
    public async Task<int> EscalateAsync(long requestId, CancellationToken cancellationToken)
    {
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var (due, priority) = ((await escalations.PendingAsync(request, now, cancellationToken)).Where(pending => pending.At <= now).ToList(), request.Priority);
        foreach (var pending in due)
        {
            request.Escalate(pending.Rule, SystemActor, now);
        }

        if (request.Priority != priority)
        {
            // Like any priority change: a service level refined by priority may now apply.
            await clocks.RetargetAsync(request, cancellationToken);
        }

        return (await SaveAsync(request, cancellationToken)).Outcome == HandlingOutcome.Done ? due.Count : 0;
    }

    /// <summary>
    /// After the jurisdiction's rules changed: every open request with a running clock is planned again by
    /// the escalation worker (due now), which fires what the new rules say is due and plans the rest.
    /// </summary>
    internal Task<int> ReplanEscalationsAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Requests
            .Where(r => r.JurisdictionId == jurisdictionId && r.Status == RequestStatus.Open && (r.ResponseDueAt != null || r.ResolutionDueAt != null)
                && (r.NextEscalationAt == null || r.NextEscalationAt > now))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.NextEscalationAt, now), cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.Escalation;

/// <summary>
/// Administrators' escalation rules: checked here, saved with their audit record. Any change asks
/// every open request of the jurisdiction to be planned again (<see cref="RequestLifecycle.ReplanEscalationsAsync"/>),
/// in the same transaction, so a new rule reaches requests already running.
/// </summary>
public sealed class EscalationRuleAdministration(Open311Db db, TimeProvider clock, RequestLifecycle lifecycle)
{
    public const int MaxPercent = 1000;

    public sealed record RuleDraft(EscalationClock Clock, int AtPercent, bool AlertHead, bool AlertSupervisors, RequestPriority? RaisePriorityTo);

    public Task<AdminResult<EscalationRule>> CreateAsync(StaffActor actor, RuleDraft draft, CancellationToken cancellationToken) =>
        SaveAsync(actor, EscalationRule.For(actor.JurisdictionId), draft, cancellationToken);

    public async Task<AdminResult<EscalationRule>> UpdateAsync(StaffActor actor, long id, RuleDraft draft, CancellationToken cancellationToken) =>
        await FindAsync(actor, id, cancellationToken) is { } rule
            ? await SaveAsync(actor, rule, draft, cancellationToken)
            : AdminResult<EscalationRule>.NotFound($"no escalation rule {id}");

    public async Task<AdminResult<long>> DeleteAsync(StaffActor actor, long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(actor, id, cancellationToken) is not { } rule)
        {
            return AdminResult<long>.NotFound($"no escalation rule {id}");
        }

        db.EscalationRules.Remove(rule);
        await SaveAndReplanAsync(actor, cancellationToken);
        return AdminResult<long>.Done(id);
    }

    private Task<EscalationRule?> FindAsync(StaffActor actor, long id, CancellationToken cancellationToken) =>
        db.EscalationRules.FirstOrDefaultAsync(r => r.Id == id && r.JurisdictionId == actor.JurisdictionId, cancellationToken);

    private async Task<AdminResult<EscalationRule>> SaveAsync(StaffActor actor, EscalationRule rule, RuleDraft draft, CancellationToken cancellationToken)
    {
        if (Check(draft) is { Count: > 0 } errors)
        {
            return AdminResult<EscalationRule>.Invalid(errors);
        }

        // Requests record how far each clock escalated by percent: two rules at one point could not be told apart.
        if (await db.EscalationRules.AnyAsync(r => r.JurisdictionId == actor.JurisdictionId && r.Id != rule.Id && r.Clock == draft.Clock
                && r.AtPercent == draft.AtPercent, cancellationToken))
        {
            return AdminResult<EscalationRule>.Conflict($"a {draft.Clock.ToOpen311()} rule at {draft.AtPercent} % exists: change that one instead");
        }

        rule.Set(draft);
        if (rule.Id == 0)
        {
            db.EscalationRules.Add(rule);
        }

        await SaveAndReplanAsync(actor, cancellationToken);
        return AdminResult<EscalationRule>.Done(rule);
    }

    private async Task SaveAndReplanAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await JoinedTransaction.BeginOrJoinAsync(db.Database, cancellationToken);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        await lifecycle.ReplanEscalationsAsync(actor.JurisdictionId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static List<FieldError> Check(RuleDraft draft)
    {
        var errors = new List<FieldError>();
        if (draft.AtPercent is < 1 or > MaxPercent)
        {
            errors.Add(new("at_percent", $"a share of the target from 1 to {MaxPercent} percent (100: when it passes)"));
        }

        if (!draft.AlertHead && !draft.AlertSupervisors && draft.RaisePriorityTo is null)
        {
            errors.Add(new("alert_head", "a rule must alert the head or the supervisors, or raise the priority"));
        }

        return errors;
    }
}

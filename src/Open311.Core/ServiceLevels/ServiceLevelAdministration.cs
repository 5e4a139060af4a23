using Microsoft.EntityFrameworkCore;
using Npgsql;
using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.ServiceLevels;

/// <summary>
/// Administrators' service levels: checked here, saved with their audit record. A change applies to
/// requests that arrive afterwards (or are rerouted, recategorised or reprioritised): running
/// clocks keep the targets copied at intake, so a stricter promise does not make old requests late.
/// </summary>
public sealed class ServiceLevelAdministration(Open311Db db, TimeProvider clock)
{
    /// <summary>About ten years of working days: beyond that a target is a typing error.</summary>
    public const int MaxMinutes = 1_000_000;

    public sealed record Draft(long ServiceId, long? AreaId, RequestPriority? Priority, int? ResponseMinutes, int? ResolutionMinutes);

    public async Task<AdminResult<ServiceLevel>> CreateAsync(StaffActor actor, Draft draft, CancellationToken cancellationToken)
    {
        var level = new ServiceLevel { JurisdictionId = actor.JurisdictionId };
        db.ServiceLevels.Add(level);
        return await SaveAsync(actor, level, draft, cancellationToken);
    }

    public async Task<AdminResult<ServiceLevel>> UpdateAsync(StaffActor actor, long id, Draft draft, CancellationToken cancellationToken) =>
        await FindAsync(actor, id, cancellationToken) is { } level
            ? await SaveAsync(actor, level, draft, cancellationToken)
            : AdminResult<ServiceLevel>.NotFound($"no service level {id}");

    public async Task<AdminResult<long>> DeleteAsync(StaffActor actor, long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(actor, id, cancellationToken) is not { } level)
        {
            return AdminResult<long>.NotFound($"no service level {id}");
        }

        db.ServiceLevels.Remove(level);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<long>.Done(id);
    }

    private Task<ServiceLevel?> FindAsync(StaffActor actor, long id, CancellationToken cancellationToken) =>
        db.ServiceLevels.AsTracking().FirstOrDefaultAsync(l => l.Id == id && l.JurisdictionId == actor.JurisdictionId, cancellationToken);

    private async Task<AdminResult<ServiceLevel>> SaveAsync(StaffActor actor, ServiceLevel level, Draft draft, CancellationToken cancellationToken)
    {
        if (await CheckAsync(actor, draft, cancellationToken) is { Count: > 0 } errors)
        {
            return AdminResult<ServiceLevel>.Invalid(errors);
        }

        (level.ServiceId, level.AreaId, level.Priority, level.ResponseMinutes, level.ResolutionMinutes) =
            (draft.ServiceId, draft.AreaId, draft.Priority, draft.ResponseMinutes, draft.ResolutionMinutes);
        try
        {
            await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return AdminResult<ServiceLevel>.Conflict("a service level for this category, area and priority exists: change that one");
        }

        return AdminResult<ServiceLevel>.Done(level);
    }

    private async Task<List<FieldError>> CheckAsync(StaffActor actor, Draft draft, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!await db.Services.AnyAsync(s => s.Id == draft.ServiceId && s.JurisdictionId == actor.JurisdictionId, cancellationToken))
        {
            errors.Add(new("service_id", $"no category {draft.ServiceId}"));
        }

        if (draft.AreaId is { } area && !await db.DepartmentAreas.AnyAsync(a => a.Id == area && a.JurisdictionId == actor.JurisdictionId, cancellationToken))
        {
            errors.Add(new("area_id", $"no area {area}"));
        }

        if (draft.ResponseMinutes is null && draft.ResolutionMinutes is null)
        {
            errors.Add(new("resolution_minutes", "give a response or a resolution target, or both"));
        }

        foreach (var (field, minutes) in new[] { ("response_minutes", draft.ResponseMinutes), ("resolution_minutes", draft.ResolutionMinutes) })
        {
            if (minutes is < 1 or > MaxMinutes)
            {
                errors.Add(new(field, $"working minutes between 1 and {MaxMinutes}"));
            }
        }

        return errors;
    }
}

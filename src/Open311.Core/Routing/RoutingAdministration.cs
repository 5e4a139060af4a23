using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Routing;

/// <summary>
/// Administrators' changes to department areas and routing rules: checked here, saved with their
/// audit record. Intake applies the rules through <see cref="RequestRouter"/>.
/// </summary>
public sealed class RoutingAdministration(Open311Db db, TimeProvider clock)
{
    /// <summary>An area as an administrator gives it; <see cref="Shape"/> is what the GeoJSON held.</summary>
    public sealed record AreaDraft(string Name, long DepartmentId, Geometry Shape);

    public sealed record RuleDraft(long ServiceId, long AreaId, long DepartmentId);

    public async Task<AdminResult<DepartmentArea>> CreateAreaAsync(StaffActor actor, AreaDraft draft, CancellationToken cancellationToken)
    {
        if (await CheckAsync(actor, draft, cancellationToken) is { Count: > 0 } errors)
        {
            return AdminResult<DepartmentArea>.Invalid(errors);
        }

        var area = new DepartmentArea
        {
            JurisdictionId = actor.JurisdictionId, DepartmentId = draft.DepartmentId, Name = draft.Name, Area = AreaGeometry.ToArea(draft.Shape),
        };
        db.DepartmentAreas.Add(area);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<DepartmentArea>.Done(area);
    }

    public async Task<AdminResult<DepartmentArea>> UpdateAreaAsync(StaffActor actor, long id, AreaDraft draft, CancellationToken cancellationToken)
    {
        var area = await db.DepartmentAreas.FirstOrDefaultAsync(a => a.Id == id && a.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (area is null)
        {
            return AdminResult<DepartmentArea>.NotFound($"no area {id}");
        }

        if (await CheckAsync(actor, draft, cancellationToken) is { Count: > 0 } errors)
        {
            return AdminResult<DepartmentArea>.Invalid(errors);
        }

        (area.Name, area.DepartmentId, area.Area) = (draft.Name, draft.DepartmentId, AreaGeometry.ToArea(draft.Shape));
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<DepartmentArea>.Done(area);
    }

    /// <summary>Refused while a rule uses the area: deleting it would silently change where requests go.</summary>
    public async Task<AdminResult<long>> DeleteAreaAsync(StaffActor actor, long id, CancellationToken cancellationToken)
    {
        var area = await db.DepartmentAreas.FirstOrDefaultAsync(a => a.Id == id && a.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (area is null)
        {
            return AdminResult<long>.NotFound($"no area {id}");
        }

        if (await db.RoutingRules.AnyAsync(r => r.AreaId == id, cancellationToken))
        {
            return AdminResult<long>.Conflict($"routing rules use area {id}: delete them first");
        }

        if (await db.ServiceLevels.AnyAsync(l => l.AreaId == id, cancellationToken))
        {
            return AdminResult<long>.Conflict($"service levels use area {id}: delete them first");
        }

        db.DepartmentAreas.Remove(area);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<long>.Done(id);
    }

    /// <summary>One rule per category and area, so intake never has to choose between two.</summary>
    public async Task<AdminResult<RoutingRule>> CreateRuleAsync(StaffActor actor, RuleDraft draft, CancellationToken cancellationToken)
    {
        var jurisdiction = actor.JurisdictionId;
        var errors = new List<FieldError>();
        if (!await db.Services.AnyAsync(s => s.Id == draft.ServiceId && s.JurisdictionId == jurisdiction, cancellationToken))
        {
            errors.Add(new("service_id", $"no category {draft.ServiceId}"));
        }

        if (!await db.DepartmentAreas.AnyAsync(a => a.Id == draft.AreaId && a.JurisdictionId == jurisdiction, cancellationToken))
        {
            errors.Add(new("area_id", $"no area {draft.AreaId}"));
        }

        if (!await db.Departments.AnyAsync(d => d.Id == draft.DepartmentId && d.JurisdictionId == jurisdiction, cancellationToken))
        {
            errors.Add(new("department_id", $"no department {draft.DepartmentId}"));
        }

        if (errors.Count > 0)
        {
            return AdminResult<RoutingRule>.Invalid(errors);
        }

        if (await db.RoutingRules.AnyAsync(r => r.ServiceId == draft.ServiceId && r.AreaId == draft.AreaId, cancellationToken))
        {
            return AdminResult<RoutingRule>.Conflict("a rule for this category and area exists: delete it first");
        }

        var rule = new RoutingRule { JurisdictionId = jurisdiction, ServiceId = draft.ServiceId, AreaId = draft.AreaId, DepartmentId = draft.DepartmentId };
        db.RoutingRules.Add(rule);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<RoutingRule>.Done(rule);
    }

    public async Task<AdminResult<long>> DeleteRuleAsync(StaffActor actor, long id, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id && r.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (rule is null)
        {
            return AdminResult<long>.NotFound($"no routing rule {id}");
        }

        db.RoutingRules.Remove(rule);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<long>.Done(id);
    }

    private async Task<List<FieldError>> CheckAsync(StaffActor actor, AreaDraft draft, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            errors.Add(new("name", "required"));
        }

        if (!await db.Departments.AnyAsync(d => d.Id == draft.DepartmentId && d.JurisdictionId == actor.JurisdictionId, cancellationToken))
        {
            errors.Add(new("department_id", $"no department {draft.DepartmentId}"));
        }

        if (AreaGeometry.Problem(draft.Shape) is { } problem)
        {
            errors.Add(new("geometry", problem));
        }

        return errors;
    }
}

using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Staff;
using Open311.Core.StaffAlerts;

namespace Open311.Core.Catalog;

/// <summary>Administrators' changes to the organisation chart: checked here, saved with their audit record.</summary>
public sealed class DepartmentAdministration(Open311Db db, TimeProvider clock)
{
    /// <summary>
    /// A department as an administrator gives it; null <paramref name="Alerts"/> keeps the current ones (all, for a new department);
    /// <paramref name="WorkOrderTargetMinutes"/>: the working minutes it promises per work order, null for none.
    /// </summary>
    public sealed record DepartmentDraft(LocalizedText Name, string? Email, long? ParentId, bool Active, IReadOnlyList<string>? Alerts = null, long? HeadId = null,
        int? WorkOrderTargetMinutes = null);

    public async Task<AdminResult<Department>> CreateAsync(StaffActor actor, DepartmentDraft draft, CancellationToken cancellationToken)
    {
        if (await CheckAsync(actor, null, draft, cancellationToken) is { Count: > 0 } errors)
        {
            return AdminResult<Department>.Invalid(errors);
        }

        var department = new Department
        {
            JurisdictionId = actor.JurisdictionId, Name = draft.Name, Email = draft.Email, ParentId = draft.ParentId, Active = draft.Active,
            HeadId = draft.HeadId, WorkOrderTargetMinutes = draft.WorkOrderTargetMinutes, Alerts = StaffAlertKinds.Chosen(draft.Alerts, StaffAlertKinds.ForDepartments, StaffAlertKinds.ForDepartments),
        };
        db.Departments.Add(department);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<Department>.Done(department);
    }

    public async Task<AdminResult<Department>> UpdateAsync(StaffActor actor, long id, DepartmentDraft draft, CancellationToken cancellationToken)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id && d.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (department is null)
        {
            return AdminResult<Department>.NotFound($"no department {id}");
        }

        if (await CheckAsync(actor, id, draft, cancellationToken) is { Count: > 0 } errors)
        {
            return AdminResult<Department>.Invalid(errors);
        }

        (department.Name, department.Email, department.ParentId, department.Active, department.HeadId, department.WorkOrderTargetMinutes) =
            (draft.Name, draft.Email, draft.ParentId, draft.Active, draft.HeadId, draft.WorkOrderTargetMinutes);
        department.Alerts = StaffAlertKinds.Chosen(draft.Alerts, StaffAlertKinds.ForDepartments, department.Alerts);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<Department>.Done(department);
    }

    /// <summary>Only a department nothing refers to: requests, categories, staff, sections, areas and rules would lose where they belong.</summary>
    public async Task<AdminResult<long>> DeleteAsync(StaffActor actor, long id, CancellationToken cancellationToken)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id && d.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (department is null)
        {
            return AdminResult<long>.NotFound($"no department {id}");
        }

        var inUse = await db.Requests.AnyAsync(r => r.DepartmentId == id, cancellationToken)
            || await db.Services.AnyAsync(s => s.DefaultDepartmentId == id, cancellationToken)
            || await db.StaffAccounts.AnyAsync(s => s.DepartmentId == id, cancellationToken)
            || await db.Departments.AnyAsync(d => d.ParentId == id, cancellationToken)
            || await db.DepartmentAreas.AnyAsync(a => a.DepartmentId == id, cancellationToken)
            || await db.RoutingRules.AnyAsync(r => r.DepartmentId == id, cancellationToken)
            || await db.WorkOrders.AnyAsync(w => w.DepartmentId == id, cancellationToken);
        if (inUse)
        {
            return AdminResult<long>.Conflict(
                $"department {id} has requests, work orders, categories, staff, sections, areas or routing rules: deactivate it instead (active=false)");
        }

        db.Departments.Remove(department);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<long>.Done(id);
    }

    private async Task<List<FieldError>> CheckAsync(StaffActor actor, long? id, DepartmentDraft draft, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        errors.Check(await db.JurisdictionAsync(actor.JurisdictionId, cancellationToken), "name", "name", draft.Name, required: true);
        errors.AddRange(StaffAlertKinds.Problems(draft.Alerts, StaffAlertKinds.ForDepartments));
        if (draft.WorkOrderTargetMinutes is < 1 or > ServiceLevels.ServiceLevelAdministration.MaxMinutes)
        {
            errors.Add(new("work_order_target_minutes", $"working minutes between 1 and {ServiceLevels.ServiceLevelAdministration.MaxMinutes}, or null for no target"));
        }
        if (draft.HeadId is { } head && !await db.StaffAccounts.AnyAsync(s => s.Id == head && s.JurisdictionId == actor.JurisdictionId, cancellationToken))
        {
            errors.Add(new("head_id", $"no staff account {head}"));
        }

        if (draft.ParentId is { } parent)
        {
            if (!await db.Departments.AnyAsync(d => d.Id == parent && d.JurisdictionId == actor.JurisdictionId, cancellationToken))
            {
                errors.Add(new("parent_id", $"no department {parent}"));
            }
            else if (id is { } self && await IsWithinAsync(parent, self, cancellationToken))
            {
                errors.Add(new("parent_id", "a department cannot sit under itself or one of its own sections"));
            }
        }

        return errors;
    }

    /// <summary>Whether <paramref name="department"/> is <paramref name="ancestor"/> or below it in the chart.</summary>
    private async Task<bool> IsWithinAsync(long department, long ancestor, CancellationToken cancellationToken)
    {
        var parents = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ParentId, cancellationToken);
        for (long? current = department; current is { } id; current = parents.GetValueOrDefault(id))
        {
            if (id == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Catalog;

/// <summary>
/// Administrators' changes to service categories and their attributes: checked here, saved with
/// their audit record. They show in Open311 at once (the catalogue cache is cleared on every save).
/// A proposed category comes as an unsaved <see cref="ServiceCategory"/> holding the fields to store.
/// </summary>
public sealed partial class CategoryAdministration(Open311Db db, TimeProvider clock)
{
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex UrlSafeCode();

    public async Task<AdminResult<ServiceCategory>> CreateAsync(StaffActor actor, ServiceCategory proposed, CancellationToken cancellationToken)
    {
        if (await CheckAsync(actor, proposed, cancellationToken) is { Count: > 0 } errors)
        {
            return AdminResult<ServiceCategory>.Invalid(errors);
        }

        if (await db.Services.AnyAsync(s => s.JurisdictionId == actor.JurisdictionId && s.Code == proposed.Code, cancellationToken))
        {
            return AdminResult<ServiceCategory>.Conflict($"service_code {proposed.Code} is taken");
        }

        var category = new ServiceCategory
        {
            JurisdictionId = actor.JurisdictionId, Code = proposed.Code, Name = proposed.Name, Description = proposed.Description, Group = proposed.Group,
        };
        Apply(proposed, category);
        db.Services.Add(category);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<ServiceCategory>.Done(category);
    }

    /// <summary>Replaces the category's fields and attributes with those proposed.</summary>
    public async Task<AdminResult<ServiceCategory>> UpdateAsync(StaffActor actor, long id, ServiceCategory proposed, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginExclusiveChangeAsync<ServiceCategory>(id, cancellationToken);
        var category = await db.CategoriesOf(actor.JurisdictionId).AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (category is null)
        {
            return AdminResult<ServiceCategory>.NotFound($"no category {id}");
        }

        var errors = await CheckAsync(actor, proposed, cancellationToken);
        if (proposed.Code != category.Code)
        {
            errors.Add(new("code", "a service_code cannot change: civic apps and stored requests refer to it"));
        }

        if (proposed.WorkflowId != category.WorkflowId && await db.Requests.AnyAsync(r => r.ServiceId == id, cancellationToken))
        {
            errors.Add(new("workflow_id", "the category has requests in its current workflow's states: create a new category for the new workflow"));
        }

        if (errors.Count > 0)
        {
            return AdminResult<ServiceCategory>.Invalid(errors);
        }

        Apply(proposed, category);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult<ServiceCategory>.Done(category);
    }

    /// <summary>Only a category with no requests, routing rules or service levels; others are deactivated instead.</summary>
    public async Task<AdminResult<long>> DeleteAsync(StaffActor actor, long id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginExclusiveChangeAsync<ServiceCategory>(id, cancellationToken);
        var category = await db.CategoriesOf(actor.JurisdictionId).AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (category is null)
        {
            return AdminResult<long>.NotFound($"no category {id}");
        }

        if (await db.Requests.AnyAsync(r => r.ServiceId == id, cancellationToken) || await db.RoutingRules.AnyAsync(r => r.ServiceId == id, cancellationToken)
            || await db.ServiceLevels.AnyAsync(l => l.ServiceId == id, cancellationToken))
        {
            return AdminResult<long>.Conflict($"category {id} has requests, routing rules or service levels: deactivate it instead (active=false)");
        }

        db.Services.Remove(category);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult<long>.Done(id);
    }

    private static void Apply(ServiceCategory proposed, ServiceCategory category)
    {
        (category.Name, category.Description, category.Group, category.Notice) = (proposed.Name, proposed.Description, proposed.Group, proposed.Notice);
        (category.Type, category.Keywords, category.DefaultDepartmentId, category.WorkflowId, category.Active, category.IsPublic) =
            (proposed.Type, proposed.Keywords, proposed.DefaultDepartmentId, proposed.WorkflowId, proposed.Active, proposed.IsPublic);
        category.Attributes = proposed.Attributes;
    }

    private async Task<List<FieldError>> CheckAsync(StaffActor actor, ServiceCategory proposed, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var jurisdiction = await db.JurisdictionAsync(actor.JurisdictionId, cancellationToken);
        if (proposed.Code is null || !UrlSafeCode().IsMatch(proposed.Code))
        {
            errors.Add(new("code", "1 to 64 letters, digits, '.', '_' or '-': clients put it in URLs"));
        }

        errors.Check(jurisdiction, "name", "name", proposed.Name, required: true);
        errors.Check(jurisdiction, "group", "group", proposed.Group, required: true);
        errors.Check(jurisdiction, "description", "description", proposed.Description, required: false);
        errors.Check(jurisdiction, "notice", "notice", proposed.Notice, required: false);

        if (proposed.DefaultDepartmentId is { } department
            && !await db.Departments.AnyAsync(d => d.Id == department && d.JurisdictionId == actor.JurisdictionId, cancellationToken))
        {
            errors.Add(new("default_department_id", $"no department {department}"));
        }

        if (proposed.WorkflowId is { } workflow && !await db.Workflows.AnyAsync(w => w.Id == workflow && w.JurisdictionId == actor.JurisdictionId, cancellationToken))
        {
            errors.Add(new("workflow_id", $"no workflow {workflow}"));
        }

        foreach (var duplicate in proposed.Attributes.GroupBy(a => a.Code).Where(g => g.Count() > 1))
        {
            errors.Add(new("attributes", $"code {duplicate.Key} appears twice"));
        }

        foreach (var duplicate in proposed.Attributes.GroupBy(a => a.Order).Where(g => g.Count() > 1))
        {
            errors.Add(new("attributes", $"order {duplicate.Key} appears twice"));
        }

        foreach (var attribute in proposed.Attributes)
        {
            CheckAttribute(errors, jurisdiction, attribute);
        }

        return errors;
    }

    private static void CheckAttribute(List<FieldError> errors, Jurisdiction jurisdiction, ServiceAttribute attribute)
    {
        var isList = attribute.Datatype is AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList;
        if (attribute.Code is null || !UrlSafeCode().IsMatch(attribute.Code))
        {
            errors.Add(new("attributes", $"code '{attribute.Code}' must be 1 to 64 letters, digits, '.', '_' or '-'"));
        }

        if (attribute.Order < 1)
        {
            errors.Add(new("attributes", $"{attribute.Code}: order must be a positive integer"));
        }

        errors.Check(jurisdiction, "attributes", "description", attribute.Description, required: true, $"{attribute.Code}: ");
        errors.Check(jurisdiction, "attributes", "datatype_description", attribute.DatatypeDescription, required: false, $"{attribute.Code}: ");

        if (isList != (attribute.Values.Count > 0))
        {
            errors.Add(new("attributes", $"{attribute.Code}: list datatypes need values, other datatypes take none"));
        }

        if (attribute.Values.GroupBy(v => v.Key).Any(g => g.Count() > 1) || attribute.Values.Any(v => string.IsNullOrWhiteSpace(v.Key)))
        {
            errors.Add(new("attributes", $"{attribute.Code}: value keys must be present and unique"));
        }

        foreach (var value in attribute.Values)
        {
            errors.Check(jurisdiction, "attributes", "name", value.Name, required: true, $"{attribute.Code}.{value.Key}: ");
        }
    }
}

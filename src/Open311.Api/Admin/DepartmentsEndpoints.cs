using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Api.Admin;

/// <summary>The organisation chart: departments, their parents, their contact e-mail.</summary>
public static class DepartmentsEndpoints
{
    /// <summary>The name as <see cref="TextInput"/> takes it: <c>name_el</c>/<c>name_en</c>, or <c>names</c> for any enabled language.</summary>
    public sealed record DepartmentView(long Id, string NameEl, string NameEn, Dictionary<string, string> Names, string? Email, long? ParentId, bool Active);

    public sealed record DepartmentInput(string NameEl = "", string NameEn = "", string? Email = null, long? ParentId = null, bool Active = true,
        Dictionary<string, string>? Names = null);

    public static void MapDepartments(this IEndpointRouteBuilder routes)
    {
        var departments = routes.MapGroup("/departments");
        departments.MapGet("", List).WithName("ListDepartments").WithSummary("The organisation chart");
        departments.MapPost("", Create).WithName("CreateDepartment").WithSummary("Add a department").Produces<DepartmentView>(StatusCodes.Status201Created)
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem();
        departments.MapPut("/{id:long}", Update).WithName("UpdateDepartment").WithSummary("Change a department").Produces<DepartmentView>()
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        departments.MapDelete("/{id:long}", Delete).WithName("DeleteDepartment").WithSummary("Delete a department nothing refers to").Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Ok<List<DepartmentView>>> List(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Departments.AsNoTracking()
            .Where(d => d.JurisdictionId == user.Actor().JurisdictionId)
            .OrderBy(d => d.Id)
            .Select(d => View(d))
            .ToListAsync(cancellationToken));

    public static async Task<IResult> Create(DepartmentInput input, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await CheckAsync(input, null, actor.JurisdictionId, db, cancellationToken) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var department = new Department { JurisdictionId = actor.JurisdictionId, Name = Name(input), Email = input.Email, ParentId = input.ParentId, Active = input.Active };
        db.Departments.Add(department);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"{AdminApi.BasePath}/departments/{department.Id}", View(department));
    }

    public static async Task<IResult> Update(long id, DepartmentInput input, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id && d.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (department is null)
        {
            return Problems.NotFound($"no department {id}");
        }

        if (await CheckAsync(input, id, actor.JurisdictionId, db, cancellationToken) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        (department.Name, department.Email, department.ParentId, department.Active) = (Name(input), input.Email, input.ParentId, input.Active);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(View(department));
    }

    public static async Task<IResult> Delete(long id, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id && d.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (department is null)
        {
            return Problems.NotFound($"no department {id}");
        }

        var inUse = await db.Requests.AnyAsync(r => r.DepartmentId == id, cancellationToken)
            || await db.Services.AnyAsync(s => s.DefaultDepartmentId == id, cancellationToken)
            || await db.StaffAccounts.AnyAsync(s => s.DepartmentId == id, cancellationToken)
            || await db.Departments.AnyAsync(d => d.ParentId == id, cancellationToken)
            || await db.DepartmentAreas.AnyAsync(a => a.DepartmentId == id, cancellationToken)
            || await db.RoutingRules.AnyAsync(r => r.DepartmentId == id, cancellationToken);
        if (inUse)
        {
            return Problems.Conflict($"department {id} has requests, categories, staff, sections, areas or routing rules: deactivate it instead (active=false)");
        }

        db.Departments.Remove(department);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static DepartmentView View(Department d) => new(d.Id, d.Name["el"], d.Name["en"], TextInput.Map(d.Name), d.Email, d.ParentId, d.Active);

    private static LocalizedText Name(DepartmentInput input) => TextInput.Read(input.NameEl, input.NameEn, input.Names);

    private static async Task<List<(string, string)>> CheckAsync(DepartmentInput input, long? id, string jurisdictionId, Open311Db db, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        var jurisdiction = await TextInput.JurisdictionAsync(db, jurisdictionId, cancellationToken);
        errors.AddRange(TextInput.Problems(jurisdiction, "name", input.NameEl, input.NameEn, input.Names, required: true).Select(p => ("name", p)));

        if (input.ParentId is { } parent)
        {
            if (!await db.Departments.AnyAsync(d => d.Id == parent && d.JurisdictionId == jurisdictionId, cancellationToken))
            {
                errors.Add(("parent_id", $"no department {parent}"));
            }
            else if (id is { } self && await IsWithinAsync(db, parent, self, cancellationToken))
            {
                errors.Add(("parent_id", "a department cannot sit under itself or one of its own sections"));
            }
        }

        return errors;
    }

    /// <summary>Whether <paramref name="department"/> is <paramref name="ancestor"/> or below it in the chart.</summary>
    private static async Task<bool> IsWithinAsync(Open311Db db, long department, long ancestor, CancellationToken cancellationToken)
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

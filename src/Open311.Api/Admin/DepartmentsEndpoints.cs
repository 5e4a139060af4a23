using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Api.Admin;

/// <summary>The organisation chart: departments, their parents, their contact e-mail and the staff alerts it gets.</summary>
public static class DepartmentsEndpoints
{
    /// <summary>
    /// The name as <see cref="TextInput"/> takes it: <c>name_el</c>/<c>name_en</c>, or <c>names</c> for any enabled language;
    /// <c>alerts</c>, the staff alerts its e-mail gets (<c>new_request</c>, <c>rerouted</c>); <c>head_id</c>, the staff account
    /// escalation rules with <c>alert_head</c> reach; <c>work_order_target_minutes</c>, the working minutes it promises per work order.
    /// </summary>
    public sealed record DepartmentView(long Id, string NameEl, string NameEn, Dictionary<string, string> Names, string? Email, long? ParentId, bool Active,
        List<string> Alerts, long? HeadId, int? WorkOrderTargetMinutes);

    /// <summary>Without <c>alerts</c>, a department keeps the alerts it has (a new one gets them all).</summary>
    public sealed record DepartmentInput(string NameEl = "", string NameEn = "", string? Email = null, long? ParentId = null, bool Active = true,
        Dictionary<string, string>? Names = null, List<string>? Alerts = null, long? HeadId = null, int? WorkOrderTargetMinutes = null);

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

    public static Task<IResult> Create(DepartmentInput input, ClaimsPrincipal user, DepartmentAdministration departments,
        CancellationToken cancellationToken) =>
        Problems.FromAsync(Draft(input, out var draft), () => departments.CreateAsync(user.Actor(), draft, cancellationToken),
                department => TypedResults.Created($"{AdminApi.BasePath}/departments/{department.Id}", View(department)));

    public static Task<IResult> Update(long id, DepartmentInput input, ClaimsPrincipal user, DepartmentAdministration departments,
        CancellationToken cancellationToken) =>
        Problems.FromAsync(Draft(input, out var draft), () => departments.UpdateAsync(user.Actor(), id, draft, cancellationToken), department => TypedResults.Ok(View(department)));

    public static async Task<IResult> Delete(long id, ClaimsPrincipal user, DepartmentAdministration departments, CancellationToken cancellationToken) =>
        Problems.From(await departments.DeleteAsync(user.Actor(), id, cancellationToken), _ => TypedResults.NoContent());

    private static DepartmentView View(Department d) => new(d.Id, d.Name["el"], d.Name["en"], TextInput.Map(d.Name), d.Email, d.ParentId, d.Active, d.Alerts, d.HeadId,
        d.WorkOrderTargetMinutes);

    /// <summary>The input as Core takes it, and the texts whose two forms disagree.</summary>
    private static List<FieldError> Draft(DepartmentInput input, out DepartmentAdministration.DepartmentDraft draft)
    {
        var texts = new TextInput();
        draft = new(texts.Read("name", "name", input.NameEl, input.NameEn, input.Names), input.Email, input.ParentId, input.Active, input.Alerts, input.HeadId,
            input.WorkOrderTargetMinutes);
        return texts.Conflicts;
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Api.Admin;

/// <summary>Administrators manage who may sign in, with which role and department.</summary>
public static class StaffAccountsEndpoints
{
    /// <summary>
    /// <c>alerts</c>: the staff alerts their e-mail gets (<c>assigned</c>, <c>escalated</c>); <c>language</c>: the one those are written in
    /// (null: the jurisdiction's); <c>supervisor</c>: alerted by escalation rules that alert supervisors.
    /// </summary>
    public sealed record StaffAccountView(long Id, string Username, string DisplayName, string? Email, StaffRole Role, long? DepartmentId, bool Active, DateTimeOffset CreatedAt,
        List<string> Alerts, string? Language, bool Supervisor);

    /// <summary>Without <c>alerts</c>, an account keeps the alerts it has (a new one gets them all).</summary>
    public sealed record StaffAccountInput(string Username, string DisplayName, StaffRole Role, string? Email = null, long? DepartmentId = null, string? Password = null,
        bool Active = true, List<string>? Alerts = null, string? Language = null, bool Supervisor = false);

    public static void MapStaffAccounts(this IEndpointRouteBuilder routes)
    {
        var staff = routes.MapGroup("/staff").RequireAuthorization(AuthRegistration.Policies.Admin);
        staff.MapGet("", List).WithName("ListStaff").WithSummary("Staff accounts");
        staff.MapPost("", Create).WithName("CreateStaff").WithSummary("Create a staff account").Produces<StaffAccountView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPut("/{id:long}", Update).WithName("UpdateStaff").WithSummary("Change a staff account (role, department, password, active, alerts)").Produces<StaffAccountView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<List<StaffAccountView>>> List(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.StaffAccounts.AsNoTracking()
            .Where(s => s.JurisdictionId == user.Actor().JurisdictionId)
            .OrderBy(s => s.Username)
            .Select(s => View(s))
            .ToListAsync(cancellationToken));

    public static async Task<IResult> Create(StaffAccountInput input, ClaimsPrincipal user, StaffAdministration accounts, CancellationToken cancellationToken) =>
        Problems.From(await accounts.CreateAsync(user.Actor(), Draft(input), cancellationToken),
            account => TypedResults.Created($"{AdminApi.BasePath}/staff/{account.Id}", View(account)));

    public static async Task<IResult> Update(long id, StaffAccountInput input, ClaimsPrincipal user, StaffAdministration accounts,
        CancellationToken cancellationToken) =>
        Problems.From(await accounts.UpdateAsync(user.Actor(), id, Draft(input), cancellationToken), account => TypedResults.Ok(View(account)));

    private static StaffAdministration.AccountDraft Draft(StaffAccountInput input) =>
        new(input.Username, input.DisplayName, input.Role, input.Email, input.DepartmentId, input.Password, input.Active, input.Alerts, input.Language, input.Supervisor);

    private static StaffAccountView View(StaffAccount s) =>
        new(s.Id, s.Username, s.DisplayName, s.Email, s.Role, s.DepartmentId, s.Active, s.CreatedAt, s.Alerts, s.Language, s.Supervisor);
}

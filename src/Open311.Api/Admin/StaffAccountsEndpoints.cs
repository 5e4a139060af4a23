using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Api.Admin;

/// <summary>Administrators manage who may sign in, with which role and department.</summary>
public static class StaffAccountsEndpoints
{
    public const int MinPasswordLength = 10;

    public sealed record StaffAccountView(long Id, string Username, string DisplayName, string? Email, StaffRole Role, long? DepartmentId, bool Active, DateTimeOffset CreatedAt);

    public sealed record StaffAccountInput(string Username, string DisplayName, StaffRole Role, string? Email = null, long? DepartmentId = null, string? Password = null,
        bool Active = true);

    public static void MapStaffAccounts(this IEndpointRouteBuilder routes)
    {
        var staff = routes.MapGroup("/staff").RequireAuthorization(AuthRegistration.Policies.Admin);
        staff.MapGet("", List).WithName("ListStaff").WithSummary("Staff accounts");
        staff.MapPost("", Create).WithName("CreateStaff").WithSummary("Create a staff account").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPut("/{id:long}", Update).WithName("UpdateStaff").WithSummary("Change a staff account (role, department, password, active)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<List<StaffAccountView>>> List(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.StaffAccounts.AsNoTracking()
            .Where(s => s.JurisdictionId == user.Actor().JurisdictionId)
            .OrderBy(s => s.Username)
            .Select(s => View(s))
            .ToListAsync(cancellationToken));

    public static async Task<IResult> Create(StaffAccountInput input, ClaimsPrincipal user, Open311Db db, IPasswordHasher<StaffAccount> passwords,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var errors = await CheckAsync(input, actor.JurisdictionId, db, passwordRequired: true, cancellationToken);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await db.StaffAccounts.AnyAsync(s => s.Username == input.Username, cancellationToken))
        {
            return Problems.Conflict($"the username '{input.Username}' is taken");
        }

        var account = new StaffAccount
        {
            JurisdictionId = actor.JurisdictionId, Username = input.Username, DisplayName = input.DisplayName, Email = input.Email,
            Role = input.Role, DepartmentId = input.DepartmentId, Active = input.Active, CreatedAt = clock.GetUtcNow(),
        };
        account.PasswordHash = passwords.HashPassword(account, input.Password!);
        db.StaffAccounts.Add(account);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"{AdminApi.BasePath}/staff/{account.Id}", View(account));
    }

    public static async Task<IResult> Update(long id, StaffAccountInput input, ClaimsPrincipal user, Open311Db db,
        IPasswordHasher<StaffAccount> passwords, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var account = await db.StaffAccounts.FirstOrDefaultAsync(s => s.Id == id && s.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (account is null)
        {
            return Problems.NotFound($"no staff account {id}");
        }

        var errors = await CheckAsync(input, actor.JurisdictionId, db, passwordRequired: false, cancellationToken);
        if (input.Username != account.Username)
        {
            errors.Add(("username", "a username cannot change; create a new account instead"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        (account.DisplayName, account.Email, account.Role, account.DepartmentId, account.Active) =
            (input.DisplayName, input.Email, input.Role, input.DepartmentId, input.Active);
        if (input.Password is { Length: > 0 } password)
        {
            account.PasswordHash = passwords.HashPassword(account, password);
        }

        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(View(account));
    }

    private static StaffAccountView View(StaffAccount s) => new(s.Id, s.Username, s.DisplayName, s.Email, s.Role, s.DepartmentId, s.Active, s.CreatedAt);

    private static async Task<List<(string, string)>> CheckAsync(StaffAccountInput input, string jurisdictionId, Open311Db db, bool passwordRequired,
        CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(input.Username))
        {
            errors.Add(("username", "required"));
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            errors.Add(("display_name", "required"));
        }

        if ((passwordRequired || input.Password is not null) && (input.Password?.Length ?? 0) < MinPasswordLength)
        {
            errors.Add(("password", $"at least {MinPasswordLength} characters"));
        }

        if (input.Role == StaffRole.Staff && input.DepartmentId is null)
        {
            errors.Add(("department_id", "staff accounts belong to a department"));
        }

        if (input.DepartmentId is { } department
            && !await db.Departments.AnyAsync(d => d.Id == department && d.JurisdictionId == jurisdictionId, cancellationToken))
        {
            errors.Add(("department_id", $"no department {department}"));
        }

        return errors;
    }
}

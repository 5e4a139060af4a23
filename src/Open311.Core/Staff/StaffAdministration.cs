using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.StaffAlerts;

namespace Open311.Core.Staff;

/// <summary>
/// Administrators' changes to who may sign in, with which role and department: checked here, saved
/// with their audit record. Passwords are hashed by the host's hasher: hashing is infrastructure,
/// what makes a password acceptable is <see cref="PasswordRule"/>.
/// </summary>
public sealed class StaffAdministration(Open311Db db, TimeProvider clock, Func<StaffAccount, string, string> hashPassword)
{
    /// <summary>
    /// An account as an administrator gives it; a null password keeps the current one (or, for SSO accounts, none), null
    /// <paramref name="Alerts"/> the current alerts (all, for a new account).
    /// </summary>
    public sealed record AccountDraft(string Username, string DisplayName, StaffRole Role, string? Email, long? DepartmentId, string? Password, bool Active,
        IReadOnlyList<string>? Alerts = null, string? Language = null, bool Supervisor = false);

    public async Task<AdminResult<StaffAccount>> CreateAsync(StaffActor actor, AccountDraft draft, CancellationToken cancellationToken)
    {
        if (await CheckAsync(actor, draft, passwordRequired: true, cancellationToken) is { Count: > 0 } errors)
        {
            return AdminResult<StaffAccount>.Invalid(errors);
        }

        // Usernames are unique across jurisdictions: sign-in names no jurisdiction.
        if (await db.StaffAccounts.AnyAsync(s => s.Username == draft.Username, cancellationToken))
        {
            return AdminResult<StaffAccount>.Conflict($"the username '{draft.Username}' is taken");
        }

        var now = clock.GetUtcNow();
        var account = new StaffAccount
        {
            JurisdictionId = actor.JurisdictionId, Username = draft.Username, DisplayName = draft.DisplayName, Email = draft.Email,
            Role = draft.Role, DepartmentId = draft.DepartmentId, Active = draft.Active, CreatedAt = now,
            Alerts = StaffAlertKinds.Chosen(draft.Alerts, StaffAlertKinds.ForAccounts, StaffAlertKinds.ForAccounts), Language = draft.Language,
            Supervisor = draft.Supervisor,
        };
        account.PasswordHash = hashPassword(account, draft.Password!);
        db.StaffAccounts.Add(account);
        await db.SaveAuditedAsync(actor, now, cancellationToken);
        return AdminResult<StaffAccount>.Done(account);
    }

    public async Task<AdminResult<StaffAccount>> UpdateAsync(StaffActor actor, long id, AccountDraft draft, CancellationToken cancellationToken)
    {
        var account = await db.StaffAccounts.FirstOrDefaultAsync(s => s.Id == id && s.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (account is null)
        {
            return AdminResult<StaffAccount>.NotFound($"no staff account {id}");
        }

        var errors = await CheckAsync(actor, draft, passwordRequired: false, cancellationToken);
        if (draft.Username != account.Username)
        {
            errors.Add(new("username", "a username cannot change; create a new account instead"));
        }

        if (errors.Count > 0)
        {
            return AdminResult<StaffAccount>.Invalid(errors);
        }

        (account.DisplayName, account.Email, account.Role, account.DepartmentId, account.Active, account.Language, account.Supervisor) =
            (draft.DisplayName, draft.Email, draft.Role, draft.DepartmentId, draft.Active, draft.Language, draft.Supervisor);
        account.Alerts = StaffAlertKinds.Chosen(draft.Alerts, StaffAlertKinds.ForAccounts, account.Alerts);
        if (draft.Password is { Length: > 0 } password)
        {
            account.PasswordHash = hashPassword(account, password);
            account.CredentialsVersion++;
        }

        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<StaffAccount>.Done(account);
    }

    private async Task<List<FieldError>> CheckAsync(StaffActor actor, AccountDraft draft, bool passwordRequired, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.Username))
        {
            errors.Add(new("username", "required"));
        }

        if (string.IsNullOrWhiteSpace(draft.DisplayName))
        {
            errors.Add(new("display_name", "required"));
        }

        if ((passwordRequired || draft.Password is not null) && PasswordRule.Refusal(draft.Password ?? "", draft.Username) is { } refusal)
        {
            errors.Add(new("password", refusal));
        }

        if (draft.Role == StaffRole.Staff && draft.DepartmentId is null)
        {
            errors.Add(new("department_id", "staff accounts belong to a department"));
        }

        if (draft.DepartmentId is { } department
            && !await db.Departments.AnyAsync(d => d.Id == department && d.JurisdictionId == actor.JurisdictionId, cancellationToken))
        {
            errors.Add(new("department_id", $"no department {department}"));
        }

        errors.AddRange(StaffAlertKinds.Problems(draft.Alerts, StaffAlertKinds.ForAccounts));
        if (draft.Language is { } language && !(await db.JurisdictionAsync(actor.JurisdictionId, cancellationToken)).Languages.Contains(language))
        {
            errors.Add(new("language", $"language '{language}' is not enabled for {actor.JurisdictionId}"));
        }

        return errors;
    }
}

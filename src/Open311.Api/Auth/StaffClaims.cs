using System.Globalization;
using System.Security.Claims;
using Open311.Core;
using Open311.Core.Staff;

namespace Open311.Api.Auth;

/// <summary>
/// The claims a staff token carries. An identity provider's tokens must carry the same ones:
/// <c>staff_id</c> (the account's id here), <c>role</c>, <c>jurisdiction</c>, and for staff <c>department_id</c>.
/// </summary>
public static class StaffClaims
{
    public const string StaffId = "staff_id";
    public const string Role = "role";
    public const string Jurisdiction = "jurisdiction";
    public const string Department = "department_id";
    /// <summary>Only in the built-in login's tokens: an identity provider keeps its own credentials.</summary>
    public const string CredentialsVersion = "credentials_version";

    public static Dictionary<string, object> For(StaffAccount account)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = account.Username,
            [StaffId] = account.Id.ToString(CultureInfo.InvariantCulture),
            [Role] = account.Role.ToOpen311(),
            [Jurisdiction] = account.JurisdictionId,
            [CredentialsVersion] = account.CredentialsVersion.ToString(CultureInfo.InvariantCulture),
        };
        if (account.DepartmentId is { } department)
        {
            claims[Department] = department.ToString(CultureInfo.InvariantCulture);
        }

        return claims;
    }

    /// <summary>The actor a validated principal stands for, or null when its claims are incomplete.</summary>
    public static StaffActor? ToActor(this ClaimsPrincipal principal)
    {
        if (!long.TryParse(principal.FindFirstValue(StaffId), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !Enum.TryParse<StaffRole>(principal.FindFirstValue(Role), ignoreCase: true, out var role)
            || principal.FindFirstValue(Jurisdiction) is not { Length: > 0 } jurisdiction)
        {
            return null;
        }

        long? department = long.TryParse(principal.FindFirstValue(Department), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
        return role == StaffRole.Staff && department is null ? null : new StaffActor(id, jurisdiction, role, department);
    }
}

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Api.Auth;

/// <summary>
/// Runs after JwtBearer has checked a token's signature, issuer, audience and lifetime: a token
/// outlives changes to its account, so a deactivated, demoted or moved account's earlier tokens
/// must stop working at once. The account is therefore read on every call.
/// </summary>
public static class StaffAccountCheck
{
    public static async Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        if (context.Principal?.ToActor() is not { } actor)
        {
            context.Fail("the token lacks the staff_id, role or jurisdiction claim");
            return;
        }

        // The built-in login's tokens carry the credentials version: a password change since they were issued ends them.
        int? credentials = int.TryParse(context.Principal.FindFirstValue(StaffClaims.CredentialsVersion), NumberStyles.None, CultureInfo.InvariantCulture,
            out var version) ? version : null;
        var db = context.HttpContext.RequestServices.GetRequiredService<Open311Db>();
        var current = await db.StaffAccounts.AsNoTracking().AnyAsync(s => s.Id == actor.Id && s.Active
            && s.JurisdictionId == actor.JurisdictionId && s.Role == actor.Role && s.DepartmentId == actor.DepartmentId
            && (credentials == null || s.CredentialsVersion == credentials),
            context.HttpContext.RequestAborted);
        if (!current)
        {
            context.Fail("the token's account is inactive, or its role, department or password has changed since it was issued");
        }
    }
}

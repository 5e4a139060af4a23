using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Open311.Core.Data;

namespace Open311.Api.Auth;

/// <summary>
/// Bearer authentication for the admin API: a thin handler around JsonWebTokenHandler, the
/// validator JwtBearer itself uses. Encrypted (five-part JWE) tokens are refused.
/// </summary>
public sealed class StaffJwtHandler(IOptionsMonitor<StaffJwtOptions> options, ILoggerFactory logger, UrlEncoder encoder, Open311Db db)
    : AuthenticationHandler<StaffJwtOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private static readonly JsonWebTokenHandler Tokens = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Count(c => c == '.') != 2)
        {
            return AuthenticateResult.Fail("only signed JWTs (three parts) are accepted");
        }

        var result = Tokens.ValidateToken(token, Options.TokenValidationParameters);
        if (!result.IsValid)
        {
            return AuthenticateResult.Fail(result.Exception?.Message ?? "invalid token");
        }

        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        if (principal.ToActor() is not { } actor)
        {
            return AuthenticateResult.Fail("the token lacks the staff_id, role or jurisdiction claim");
        }

        // A token outlives changes to its account: a deactivated, demoted or moved account's
        // earlier tokens must stop working at once, so the account is read on every call.
        var current = await db.StaffAccounts.AsNoTracking().AnyAsync(s => s.Id == actor.Id && s.Active
            && s.JurisdictionId == actor.JurisdictionId && s.Role == actor.Role && s.DepartmentId == actor.DepartmentId, Context.RequestAborted);
        return current
            ? AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName))
            : AuthenticateResult.Fail("the token's account is inactive or has changed since it was issued");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}

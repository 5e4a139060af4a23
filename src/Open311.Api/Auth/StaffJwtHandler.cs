using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Open311.Api.Auth;

/// <summary>
/// Bearer authentication for the admin API: a thin handler around JsonWebTokenHandler, the
/// validator JwtBearer itself uses. Encrypted (five-part JWE) tokens are refused.
/// </summary>
public sealed class StaffJwtHandler(IOptionsMonitor<StaffJwtOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<StaffJwtOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private static readonly JsonWebTokenHandler Tokens = new();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Count(c => c == '.') != 2)
        {
            return Task.FromResult(AuthenticateResult.Fail("only signed JWTs (three parts) are accepted"));
        }

        var result = Tokens.ValidateToken(token, Options.TokenValidationParameters);
        if (!result.IsValid)
        {
            return Task.FromResult(AuthenticateResult.Fail(result.Exception?.Message ?? "invalid token"));
        }

        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        return Task.FromResult(principal.ToActor() is null
            ? AuthenticateResult.Fail("the token lacks the staff_id, role or jurisdiction claim")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}

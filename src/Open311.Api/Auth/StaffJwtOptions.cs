using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace Open311.Api.Auth;

/// <summary>
/// Shaped like JwtBearerOptions (which the package registry here cannot restore): the
/// validation parameters say which issuer, audience and keys are trusted, so tokens from the
/// municipality's own identity provider (RS256) work beside the built-in login's (HS256).
/// </summary>
public sealed class StaffJwtOptions : AuthenticationSchemeOptions
{
    public TokenValidationParameters TokenValidationParameters { get; set; } = new();
}

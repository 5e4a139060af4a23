using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Open311.Core.Staff;

namespace Open311.Api.Auth;

/// <summary>Issues the built-in login's tokens, signed with the HS256 secret in <see cref="AuthSettings.SigningKey"/>.</summary>
public sealed class TokenIssuer(IOptions<AuthSettings> settings, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Tokens = new();

    public bool Enabled => settings.Value.SigningKey is { Length: > 0 };

    public (string Token, int ExpiresInSeconds) Issue(StaffAccount account)
    {
        var config = settings.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(config.TokenLifetimeMinutes);
        var token = Tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = config.Issuer,
            Audience = config.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = StaffClaims.For(account),
            SigningCredentials = new SigningCredentials(SigningKey(config), SecurityAlgorithms.HmacSha256),
        });
        return (token, (int)lifetime.TotalSeconds);
    }

    public static SymmetricSecurityKey SigningKey(AuthSettings config) => new(Encoding.UTF8.GetBytes(config.SigningKey!));
}

namespace Open311.Api.Auth;

/// <summary>Configuration section <c>Auth</c>: who issues staff tokens and with which keys.</summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "open311";

    public string Audience { get; set; } = "open311-admin";

    /// <summary>HS256 secret (at least 32 bytes) for the built-in login's tokens. Unset: no built-in login.</summary>
    public string? SigningKey { get; set; }

    /// <summary>PEM public keys of the municipality's identity provider, trusted for RS256 tokens.</summary>
    public List<string> RsaPublicKeys { get; set; } = [];

    public int TokenLifetimeMinutes { get; set; } = 480;

    /// <summary>Sign-in attempts allowed per client address and minute; more get HTTP 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 20;
}

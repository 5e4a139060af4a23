using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Open311.Api.Hosting;
using Open311.Core;
using Open311.Core.Staff;

namespace Open311.Api.Auth;

public static class AuthRegistration
{
    /// <summary>Who may do what on the admin API; department scoping is checked per request on top.</summary>
    public static class Policies
    {
        public const string Admin = "admin";
        /// <summary>Phone and counter intake, rerouting: the call centre.</summary>
        public const string Intake = "intake";
        /// <summary>Changing requests: everyone but viewers.</summary>
        public const string Handle = "handle";
        /// <summary>Reading requests and statistics: every role.</summary>
        public const string Read = "read";
    }

    /// <summary>Every attempt costs a password hash: guessing is slowed per client address.</summary>
    public static readonly AddressRateLimit LoginRateLimit = new("login",
        services => services.GetRequiredService<IOptions<AuthSettings>>().Value.LoginAttemptsPerMinute);

    private const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    public static void AddStaffAuth(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthSettings.Section);
        builder.Services.AddOptions<AuthSettings>().Bind(section);
        var settings = section.Get<AuthSettings>() ?? new AuthSettings();
        if (settings.SigningKey is { Length: > 0 and < 32 })
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 characters.");
        }

        // No default scheme to authenticate every call with: the policies below name the bearer scheme, so authorization
        // authenticates exactly the staff endpoints, and the public calls (nearly all the traffic) never build its handler.
        // The switch stops ASP.NET Core from making the only scheme the default by itself (since .NET 7).
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        builder.Services.AddAuthentication(authentication =>
            {
                authentication.DefaultChallengeScheme = JwtBearerDefaults.AuthenticationScheme;
                authentication.DefaultForbidScheme = JwtBearerDefaults.AuthenticationScheme;
            })
            .AddJwtBearer(options =>
            {
                // Claims keep the names tokens carry (role, staff_id), which StaffClaims reads.
                options.MapInboundClaims = false;
                // A refused token learns only that it was refused, not which check failed.
                options.IncludeErrorDetails = false;
                // Only signed tokens, checked against the keys below: never decrypted (JWE), never unsigned.
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKeys = SigningKeys(settings),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.RsaSha256],
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromMinutes(1),
                    RoleClaimType = StaffClaims.Role,
                };
                options.Events = new JwtBearerEvents { OnTokenValidated = StaffAccountCheck.OnTokenValidatedAsync };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, Roles(StaffRole.Admin))
            .AddPolicy(Policies.Intake, Roles(StaffRole.Admin, StaffRole.Dispatcher))
            .AddPolicy(Policies.Handle, Roles(StaffRole.Admin, StaffRole.Dispatcher, StaffRole.Staff))
            .AddPolicy(Policies.Read, Roles(StaffRole.Admin, StaffRole.Dispatcher, StaffRole.Staff, StaffRole.Viewer));
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
    }

    private static AuthorizationPolicy Roles(params StaffRole[] roles) => new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireRole(roles.Select(r => r.ToOpen311()))
        .Build();

    private static List<SecurityKey> SigningKeys(AuthSettings settings)
    {
        var keys = new List<SecurityKey>();
        if (settings.SigningKey is { Length: > 0 })
        {
            keys.Add(TokenIssuer.SigningKey(settings));
        }

        foreach (var pem in settings.RsaPublicKeys)
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            keys.Add(new RsaSecurityKey(rsa));
        }

        return keys;
    }
}

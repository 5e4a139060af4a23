using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Api.Hosting;
using Open311.Core;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Api.Admin;

/// <summary>The built-in login, for municipalities without an identity provider (and for the demo).</summary>
public static class LoginEndpoint
{
    public sealed record LoginRequest(string Username, string Password);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Role, long? DepartmentId, string Jurisdiction);

    private static readonly StaffAccount Nobody = new() { JurisdictionId = "", Username = "", DisplayName = "" };
    private static readonly string NobodysHash = new PasswordHasher<StaffAccount>().HashPassword(Nobody, Guid.NewGuid().ToString());

    public static void MapLogin(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/auth/token", Login)
            .WithName("Login")
            .WithSummary("Sign in with a staff account")
            .WithDescription("Returns a bearer token for the other admin endpoints.")
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AllowAnonymous()
            .LimitedPerAddress(AuthRegistration.LoginRateLimit);

    public static async Task<IResult> Login(LoginRequest login, Open311Db db, IPasswordHasher<StaffAccount> passwords, TokenIssuer tokens,
        SignInLockout lockout, HttpContext http, CancellationToken cancellationToken)
    {
        if (!tokens.Enabled)
        {
            return TypedResults.Problem("the built-in login is off: sign in through the municipality's identity provider", statusCode: StatusCodes.Status404NotFound);
        }

        var username = login.Username ?? "";
        if (await lockout.LockedForAsync(username, cancellationToken) is { } locked)
        {
            return Locked(http, locked);
        }

        var account = await db.StaffAccounts.AsNoTracking().FirstOrDefaultAsync(s => s.Username == username && s.Active, cancellationToken);
        // An unknown name costs the same hashing as a wrong password, so timing does not tell which names exist.
        var verified = passwords.VerifyHashedPassword(account ?? Nobody, account?.PasswordHash ?? NobodysHash, login.Password ?? "");
        if (account?.PasswordHash is null || verified == PasswordVerificationResult.Failed)
        {
            return await lockout.FailedAsync(username, cancellationToken) is { } nowLocked
                ? Locked(http, nowLocked)
                : TypedResults.Problem("wrong username or password", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        await lockout.SucceededAsync(username, cancellationToken);
        var (token, expiresIn) = tokens.Issue(account);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresIn, account.Role.ToOpen311(), account.DepartmentId, account.JurisdictionId));
    }

    private static IResult Locked(HttpContext http, TimeSpan lockedFor)
    {
        http.Response.Headers.RetryAfter = RetryAfter.Seconds(lockedFor);
        return TypedResults.Problem("too many failed sign-ins for this account: try again later", statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too Many Requests");
    }
}

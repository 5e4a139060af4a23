using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core.Audit;
using Open311.Core.Clients;
using Open311.Core.Data;

namespace Open311.Api.Admin;

/// <summary>Administrators register civic apps: a key shown once, a rate limit, revocation.</summary>
public static class ClientAppsEndpoints
{
    public sealed record ClientAppView(long Id, string Name, string KeyPrefix, string? ContactEmail, int RateLimitPerMinute, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed record ClientAppInput(string Name, string? ContactEmail = null, int RateLimitPerMinute = 600);

    /// <summary>The only time the key is shown: it is stored hashed.</summary>
    public sealed record IssuedClientApp(ClientAppView Client, string ApiKey);

    public static void MapClientApps(this IEndpointRouteBuilder routes)
    {
        var clients = routes.MapGroup("/clients").RequireAuthorization(AuthRegistration.Policies.Admin);
        clients.MapGet("", List).WithName("ListClientApps").WithSummary("Registered client apps");
        clients.MapPost("", Create).WithName("CreateClientApp").WithSummary("Register a client app; its API key is shown once").ProducesValidationProblem();
        clients.MapPut("/{id:long}", Update).WithName("UpdateClientApp").WithSummary("Rename or change the rate limit").ProducesProblem(StatusCodes.Status404NotFound);
        clients.MapPost("/{id:long}/revoke", Revoke).WithName("RevokeClientApp").WithSummary("Revoke a client app's key").ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<List<ClientAppView>>> List(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.ApiClients.AsNoTracking()
            .Where(c => c.JurisdictionId == user.Actor().JurisdictionId)
            .OrderBy(c => c.Id)
            .Select(c => View(c))
            .ToListAsync(cancellationToken));

    public static async Task<IResult> Create(ClientAppInput input, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Check(input) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var actor = user.Actor();
        var (key, client) = ApiKeys.Issue(actor.JurisdictionId, input.Name, clock.GetUtcNow());
        client.ContactEmail = input.ContactEmail;
        client.RateLimitPerMinute = input.RateLimitPerMinute;
        db.ApiClients.Add(client);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"{AdminApi.BasePath}/clients/{client.Id}", new IssuedClientApp(View(client), key));
    }

    public static async Task<IResult> Update(long id, ClientAppInput input, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Check(input) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var actor = user.Actor();
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id && c.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (client is null)
        {
            return Problems.NotFound($"no client app {id}");
        }

        (client.Name, client.ContactEmail, client.RateLimitPerMinute) = (input.Name, input.ContactEmail, input.RateLimitPerMinute);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(View(client));
    }

    public static async Task<IResult> Revoke(long id, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id && c.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (client is null)
        {
            return Problems.NotFound($"no client app {id}");
        }

        var now = clock.GetUtcNow();
        client.RevokedAt ??= now;
        await db.SaveAuditedAsync(actor, now, cancellationToken);
        return TypedResults.Ok(View(client));
    }

    private static ClientAppView View(ApiClient c) => new(c.Id, c.Name, c.KeyPrefix, c.ContactEmail, c.RateLimitPerMinute, c.CreatedAt, c.RevokedAt);

    private static List<(string, string)> Check(ClientAppInput input)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(("name", "required"));
        }

        if (input.RateLimitPerMinute is < 1 or > 100_000)
        {
            errors.Add(("rate_limit_per_minute", "between 1 and 100000"));
        }

        return errors;
    }
}

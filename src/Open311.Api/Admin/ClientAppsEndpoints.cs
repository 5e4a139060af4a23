using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
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
        clients.MapPost("", Create).WithName("CreateClientApp").WithSummary("Register a client app; its API key is shown once").Produces<IssuedClientApp>(StatusCodes.Status201Created).ProducesValidationProblem();
        clients.MapPut("/{id:long}", Update).WithName("UpdateClientApp").WithSummary("Rename or change the rate limit").Produces<ClientAppView>().ProducesProblem(StatusCodes.Status404NotFound);
        clients.MapPost("/{id:long}/revoke", Revoke).WithName("RevokeClientApp").WithSummary("Revoke a client app's key").Produces<ClientAppView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<List<ClientAppView>>> List(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.ApiClients.AsNoTracking()
            .Where(c => c.JurisdictionId == user.Actor().JurisdictionId)
            .OrderBy(c => c.Id)
            .Select(c => View(c))
            .ToListAsync(cancellationToken));

    public static async Task<IResult> Create(ClientAppInput input, ClaimsPrincipal user, ClientAdministration clients, CancellationToken cancellationToken) =>
        Problems.From(await clients.RegisterAsync(user.Actor(), Draft(input), cancellationToken),
            issued => TypedResults.Created($"{AdminApi.BasePath}/clients/{issued.Client.Id}", new IssuedClientApp(View(issued.Client), issued.Key)));

    public static async Task<IResult> Update(long id, ClientAppInput input, ClaimsPrincipal user, ClientAdministration clients, CancellationToken cancellationToken) =>
        Problems.From(await clients.UpdateAsync(user.Actor(), id, Draft(input), cancellationToken), client => TypedResults.Ok(View(client)));

    public static async Task<IResult> Revoke(long id, ClaimsPrincipal user, ClientAdministration clients, CancellationToken cancellationToken) =>
        Problems.From(await clients.RevokeAsync(user.Actor(), id, cancellationToken), client => TypedResults.Ok(View(client)));

    private static ClientAdministration.ClientDraft Draft(ClientAppInput input) => new(input.Name, input.ContactEmail, input.RateLimitPerMinute);

    private static ClientAppView View(ApiClient c) => new(c.Id, c.Name, c.KeyPrefix, c.ContactEmail, c.RateLimitPerMinute, c.CreatedAt, c.RevokedAt);
}

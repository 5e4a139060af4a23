using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Open311.Api.Auth;
using Open311.Core.Webhooks;

namespace Open311.Api.Admin;

/// <summary>Administrators subscribe a client app (an integrator) to request changes: URL, event kinds, trust; a signing secret shown once, rotatable.</summary>
public static class WebhooksEndpoints
{
    public sealed record WebhookView(long Id, long ClientId, string Url,
        [property: Description("Event kinds delivered, spelt as in request histories (submitted, statuschanged, note…; spec/webhooks.md lists them); null for all.")]
        string[]? EventKinds,
        bool Active,
        [property: Description("Payloads carry the requester's name, e-mail and phone.")] bool Trusted,
        string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
        [property: Description("Until when the secret before the last rotation still signs, beside the current one.")] DateTimeOffset? PreviousSecretExpiresAt);

    public sealed record WebhookInput(
        [property: Description("Where calls are POSTed: http or https, not to a loopback, private or link-local address unless configuration allows its host.")]
        string Url,
        [property: Description("Event kinds to deliver; leave out (or null) for all.")] string[]? EventKinds = null,
        bool Active = true,
        [property: Description("Include the requester's name, e-mail and phone in payloads.")] bool Trusted = false,
        string? Description = null);

    /// <summary>The only time the secret is shown.</summary>
    public sealed record IssuedWebhook(WebhookView Webhook,
        [property: Description("The Standard Webhooks signing secret (whsec_…): shown in this answer only.")] string Secret);

    public static void MapWebhooks(this IEndpointRouteBuilder routes)
    {
        var webhooks = routes.MapGroup("/clients/{client_id:long}/webhooks").RequireAuthorization(AuthRegistration.Policies.Admin);
        webhooks.MapGet("", List).WithName("ListWebhooks").WithSummary("A client app's webhook subscriptions").Produces<List<WebhookView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPost("", Create).WithName("CreateWebhook").WithSummary("Subscribe a client app to request changes; the signing secret is shown once")
            .Produces<IssuedWebhook>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        webhooks.MapGet("/{id:long}", Get).WithName("GetWebhook").WithSummary("One webhook subscription, without its secret").Produces<WebhookView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPut("/{id:long}", Update).WithName("UpdateWebhook").WithSummary("Change a subscription's URL, event kinds, activity or trust")
            .Produces<WebhookView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapDelete("/{id:long}", Delete).WithName("DeleteWebhook").WithSummary("End a subscription; what is queued for it is not sent")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPost("/{id:long}/secret", RotateSecret).WithName("RotateWebhookSecret")
            .WithSummary("A new signing secret, shown once; the previous one keeps signing beside it for Webhooks:SecretOverlap")
            .Produces<IssuedWebhook>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> List([FromRoute(Name = "client_id")] long clientId, ClaimsPrincipal user, WebhookAdministration webhooks, CancellationToken cancellationToken) =>
        Problems.From(await webhooks.ListAsync(user.Actor(), clientId, cancellationToken), list => TypedResults.Ok(list.Select(View).ToList()));

    public static async Task<IResult> Create([FromRoute(Name = "client_id")] long clientId, WebhookInput input, ClaimsPrincipal user, WebhookAdministration webhooks,
        CancellationToken cancellationToken) =>
        Problems.From(await webhooks.CreateAsync(user.Actor(), clientId, Draft(input), cancellationToken),
            issued => TypedResults.Created($"{AdminApi.BasePath}/clients/{clientId}/webhooks/{issued.Subscription.Id}",
                new IssuedWebhook(View(issued.Subscription), issued.Secret)));

    public static async Task<IResult> Get([FromRoute(Name = "client_id")] long clientId, long id, ClaimsPrincipal user, WebhookAdministration webhooks, CancellationToken cancellationToken) =>
        Problems.From(await webhooks.FindAsync(user.Actor(), clientId, id, cancellationToken), subscription => TypedResults.Ok(View(subscription)));

    public static async Task<IResult> Update([FromRoute(Name = "client_id")] long clientId, long id, WebhookInput input, ClaimsPrincipal user, WebhookAdministration webhooks,
        CancellationToken cancellationToken) =>
        Problems.From(await webhooks.UpdateAsync(user.Actor(), clientId, id, Draft(input), cancellationToken), subscription => TypedResults.Ok(View(subscription)));

    public static async Task<IResult> Delete([FromRoute(Name = "client_id")] long clientId, long id, ClaimsPrincipal user, WebhookAdministration webhooks, CancellationToken cancellationToken) =>
        Problems.From(await webhooks.DeleteAsync(user.Actor(), clientId, id, cancellationToken), _ => TypedResults.NoContent());

    public static async Task<IResult> RotateSecret([FromRoute(Name = "client_id")] long clientId, long id, ClaimsPrincipal user, WebhookAdministration webhooks,
        CancellationToken cancellationToken) =>
        Problems.From(await webhooks.RotateSecretAsync(user.Actor(), clientId, id, cancellationToken),
            issued => TypedResults.Ok(new IssuedWebhook(View(issued.Subscription), issued.Secret)));

    private static WebhookAdministration.WebhookDraft Draft(WebhookInput input) => new(input.Url, input.EventKinds, input.Active, input.Trusted, input.Description);

    private static WebhookView View(WebhookSubscription s) =>
        new(s.Id, s.ClientId, s.Url, s.EventKinds, s.Active, s.Trusted, s.Description, s.CreatedAt, s.UpdatedAt, s.PreviousSecretExpiresAt);
}

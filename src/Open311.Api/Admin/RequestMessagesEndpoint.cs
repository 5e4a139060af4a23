using System.Security.Claims;
using Open311.Core.Data;
using Open311.Core.Notifications;

namespace Open311.Api.Admin;

/// <summary>What was sent, or is waiting to be, about one request: to the citizen and to anyone else.</summary>
public static class RequestMessagesEndpoint
{
    public static void MapRequestMessages(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/requests/{id:long}/messages", List).WithName("ListRequestMessages")
            .WithSummary("Every outbox message about the request: citizen e-mail and SMS (address masked), staff alerts, webhooks; the look is audited")
            .Produces<List<RequestMessages.Message>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> List(long id, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken) =>
        await RequestMessages.ListAsync(db, user.Actor(), id, clock.GetUtcNow(), cancellationToken) is { } messages
            ? TypedResults.Ok(messages)
            : Problems.NotFound($"no request {id}");
}

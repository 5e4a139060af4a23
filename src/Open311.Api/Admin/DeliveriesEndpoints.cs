using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Open311.Api.Auth;
using Open311.Core.Data;
using Open311.Core.Outbox;

namespace Open311.Api.Admin;

/// <summary>
/// The outbox as administrators see it: what is waiting, what failed and why, every attempt;
/// and the two things to do about a stuck message, retry it or discard it.
/// </summary>
public static class DeliveriesEndpoints
{
    public const int MaxPageSize = 200;

    public sealed record DeliveryQuery
    {
        [FromQuery(Name = "status"), Description("pending, delivered, failed or discarded.")]
        public string? Status { get; init; }

        [FromQuery(Name = "consumer"), Description("Only messages for this consumer, by its name.")]
        public string? Consumer { get; init; }

        [FromQuery(Name = "recipient"), Description("Only messages for this recipient of the consumer: for webhooks, the subscription's id.")]
        public string? Recipient { get; init; }

        [FromQuery(Name = "request_id"), Description("Only messages about this request.")]
        public long? RequestId { get; init; }

        [FromQuery(Name = "page"), Description("1-based page number, at most {MaxPage}.")]
        public int? Page { get; init; }

        [FromQuery(Name = "page_size"), Description("Messages per page, 1 to {DeliveriesMaxPageSize} (default 50).")]
        public int? PageSize { get; init; }
    }

    public sealed record DeliveryPage(List<Deliveries.Summary> Items, int Page, int PageSize, bool HasMore);

    public sealed record DeliveryDetail(Deliveries.Summary Message, List<Deliveries.Attempt> Attempts);

    public static void MapDeliveries(this IEndpointRouteBuilder routes)
    {
        var deliveries = routes.MapGroup("/deliveries").RequireAuthorization(AuthRegistration.Policies.Admin);
        deliveries.MapGet("", List).WithName("ListDeliveries")
            .WithSummary("Outbox messages, newest first")
            .Produces<DeliveryPage>()
            .ProducesValidationProblem();
        deliveries.MapGet("/{id:long}", Get).WithName("GetDelivery").WithSummary("One outbox message with every attempt").Produces<DeliveryDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        deliveries.MapPost("/{id:long}/retry", Retry).WithName("RetryDelivery").WithSummary("Send a failed or discarded message again, now").Produces<DeliveryDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        deliveries.MapPost("/{id:long}/discard", Discard).WithName("DiscardDelivery").WithSummary("Never send a pending or failed message").Produces<DeliveryDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<IResult> List([AsParameters] DeliveryQuery query, ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken)
    {
        var (status, page, pageSize) = (query.Status, query.Page, query.PageSize);
        var errors = new List<(string, string)>();
        DeliveryStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add(("status", "pending, delivered, failed or discarded"));
            }
        }

        if (page is < 1 or > Core.Requests.PageLimits.MaxPage)
        {
            errors.Add(("page", $"between 1 and {Core.Requests.PageLimits.MaxPage}"));
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add(("page_size", $"between 1 and {MaxPageSize}"));
        }

        if (query is { Recipient: not null, Consumer: null })
        {
            errors.Add(("recipient", "needs consumer: a recipient key means something only within its consumer"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var filter = new Deliveries.Filter(user.Actor().JurisdictionId, wanted, query.Consumer, query.Recipient, query.RequestId, page ?? 1, pageSize ?? 50);
        var rows = await Deliveries.ListAsync(db, filter, cancellationToken);
        var hasMore = rows.Count > filter.PageSize;
        return TypedResults.Ok(new DeliveryPage(hasMore ? rows[..filter.PageSize] : rows, filter.Page, filter.PageSize, hasMore));
    }

    public static async Task<IResult> Get(long id, ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        await Deliveries.FindAsync(db, user.Actor().JurisdictionId, id, cancellationToken) is var (message, attempts)
            ? TypedResults.Ok(new DeliveryDetail(message, attempts))
            : Problems.NotFound($"no delivery {id}");

    public static async Task<IResult> Retry(long id, ClaimsPrincipal user, Open311Db db, TimeProvider clock, OutboxSignal signal,
        CancellationToken cancellationToken)
    {
        var outcome = await Deliveries.RetryAsync(db, user.Actor(), id, clock.GetUtcNow(), cancellationToken);
        if (outcome == Deliveries.Outcome.Done)
        {
            signal.Raise();
        }

        return await RespondAsync(outcome, id, user, db, "only a failed or discarded message can be retried", cancellationToken);
    }

    public static async Task<IResult> Discard(long id, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken) =>
        await RespondAsync(await Deliveries.DiscardAsync(db, user.Actor(), id, clock.GetUtcNow(), cancellationToken), id, user, db,
            "only a pending or failed message can be discarded", cancellationToken);

    private static async Task<IResult> RespondAsync(Deliveries.Outcome outcome, long id, ClaimsPrincipal user, Open311Db db, string conflict,
        CancellationToken cancellationToken) => outcome switch
        {
            Deliveries.Outcome.NotFound => Problems.NotFound($"no delivery {id}"),
            Deliveries.Outcome.Conflict => Problems.Conflict(conflict),
            _ => await Get(id, user, db, cancellationToken),
        };
}

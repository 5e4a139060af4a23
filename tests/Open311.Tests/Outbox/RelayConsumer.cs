using System.Net.Http.Json;
using Open311.Core;
using Open311.Core.Outbox;
using Open311.Core.Requests;

namespace Open311.Tests.Outbox;

/// <summary>A consumer of every history event that relays it over HTTP, as a webhook would: the mechanism's test subject.</summary>
public sealed class RelayConsumer(HttpClient http, Uri target) : IOutboxConsumer
{
    public const string ConsumerName = "test-relay";

    public string Name => ConsumerName;

    public ValueTask<IReadOnlyList<OutboxRecipient>> RecipientsAsync(ServiceRequest request, RequestEvent change, DateTimeOffset now,
        CancellationToken cancellationToken) => ValueTask.FromResult(OutboxRecipient.One);

    public async Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = JsonContent.Create(new { delivery.Event.Id, delivery.Event.RequestId, kind = delivery.Event.Kind.ToOpen311() }),
        };
        message.Headers.Add("Idempotency-Key", delivery.IdempotencyKey.ToString());
        using var response = await http.SendAsync(message, cancellationToken);
        response.EnsureSuccessStatusCode();
        return DeliveryResult.Delivered();
    }
}

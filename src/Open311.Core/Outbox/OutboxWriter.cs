using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Core.Outbox;

/// <summary>Leaves, beside a request's new history events, the messages each consumer asked for, in the same unit of work.</summary>
public sealed class OutboxWriter(IEnumerable<IOutboxConsumer> consumers, OutboxSignal signal)
{
    /// <summary>Adds the messages for the events not yet saved; true when there are any.</summary>
    public async Task<bool> EnqueueAsync(Open311Db db, ServiceRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var change in request.History.Where(e => e.Id == 0))
        {
            foreach (var consumer in consumers)
            {
                foreach (var recipient in await consumer.RecipientsAsync(request, change, now, cancellationToken))
                {
                    db.OutboxMessages.Add(new OutboxMessage(consumer.Name, request.JurisdictionId, change, recipient, now));
                    any = true;
                }
            }
        }

        return any;
    }

    /// <summary>Called once the transaction has committed: before that the worker could not see the messages.</summary>
    public void Committed() => signal.Raise();
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Open311.Core.Staff;

namespace Open311.Core.Feed;

/// <summary>
/// This instance's open feed connections. <see cref="FeedListener"/> publishes each batch of new
/// events once; every subscription keeps what its member of staff may see in its own bounded buffer.
/// </summary>
public sealed class LiveFeed(IOptions<FeedOptions> options)
{
    private readonly ConcurrentDictionary<FeedSubscription, byte> _subscriptions = new();

    /// <summary>A new connection's subscription; take it before reading what it missed, so nothing falls between.</summary>
    public FeedSubscription Subscribe(StaffActor actor)
    {
        var subscription = new FeedSubscription(this, actor, options.Value.BufferSize);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>Whether anyone is connected to this instance's feed; nobody misses what is not published meanwhile (<see cref="FeedListener"/>).</summary>
    public bool IsWatched => !_subscriptions.IsEmpty;

    /// <summary>Never waits: a connection whose buffer is full is closed, the others carry on.</summary>
    public void Publish(IReadOnlyList<FeedEvent> events)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Offer(events);
        }
    }

    /// <summary>Ends every stream when events may have been missed (notifications interrupted): each client catches up with Last-Event-ID.</summary>
    public void CloseAll()
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Dispose();
        }
    }

    internal void Remove(FeedSubscription subscription) => _subscriptions.TryRemove(subscription, out _);
}

using System.Threading.Channels;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.Feed;

/// <summary>One open feed connection: the events its member of staff may see, in a buffer that never grows past its size.</summary>
public sealed class FeedSubscription : IDisposable
{
    private readonly LiveFeed _feed;
    private readonly Channel<FeedEvent> _buffer;

    internal FeedSubscription(LiveFeed feed, StaffActor actor, int bufferSize)
    {
        (_feed, Actor) = (feed, actor);
        _buffer = System.Threading.Channels.Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(bufferSize) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    }

    public StaffActor Actor { get; }

    /// <summary>Ends (after what it holds) when the buffer overflowed or the feed closed it.</summary>
    public ChannelReader<FeedEvent> Events => _buffer.Reader;

    /// <summary>The reader fell behind by a whole buffer: the stream is closed rather than held or grown.</summary>
    public bool Overflowed { get; private set; }

    internal void Offer(IReadOnlyList<FeedEvent> events)
    {
        foreach (var e in events.Where(e => Actor.Sees(e.JurisdictionId, e.DepartmentId, e.WorkOrderDepartmentIds)))
        {
            if (!_buffer.Writer.TryWrite(e))
            {
                Overflowed = true;
                Dispose();
                return;
            }
        }
    }

    public void Dispose()
    {
        _buffer.Writer.TryComplete();
        _feed.Remove(this);
    }
}

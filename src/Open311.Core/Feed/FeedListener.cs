using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Open311.Core.Data;

namespace Open311.Core.Feed;

/// <summary>
/// The one LISTEN connection of this instance for the live feed: request_events' trigger
/// (0014_request_updates_and_feed.sql) names each new event once it commits, on whichever
/// instance it was recorded; this loads each batch once and hands it to <see cref="LiveFeed"/>.
/// </summary>
public sealed class FeedListener(NpgsqlDataSource dataSource, IDbContextFactory<Open311Db> contexts, LiveFeed feed, ILogger<FeedListener> logger)
    : BackgroundService
{
    public const string Channel = "open311_events";

    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Filled by the notification handler, which may not query on its own connection; drained at once by the loader.
        var notified = System.Threading.Channels.Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var loading = LoadAndPublishAsync(notified.Reader, stoppingToken);
        try
        {
            await ListenAsync(notified.Writer, stoppingToken);
        }
        finally
        {
            notified.Writer.TryComplete();
            await loading;
        }
    }

    private async Task ListenAsync(ChannelWriter<long> notified, CancellationToken stoppingToken)
    {
        var interrupted = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notice) =>
                {
                    if (long.TryParse(notice.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    {
                        notified.TryWrite(id);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (interrupted)
                {
                    // What committed while nobody listened was never heard: the clients catch up by reconnecting.
                    feed.CloseAll();
                    interrupted = false;
                }

                while (true)
                {
                    // A connection that died silently (an idle NAT, a failover) would wait for ever: a quiet
                    // half-minute is answered with a round trip, which fails on a dead one and so reconnects.
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Whatever it was, the feed must not die with it (nor, through it, the whole service).
                interrupted = true;
                logger.LogWarning(exception, "Live feed notifications interrupted; listening again in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    private async Task LoadAndPublishAsync(ChannelReader<long> notified, CancellationToken stoppingToken)
    {
        try
        {
            while (await notified.WaitToReadAsync(stoppingToken))
            {
                var ids = new List<long>();
                while (ids.Count < BatchSize && notified.TryRead(out var id))
                {
                    ids.Add(id);
                }

                // With nobody connected the batch is not even read. A client that connects later asks for what it
                // missed from the database (Last-Event-ID) after subscribing, and these events had committed by then.
                if (!feed.IsWatched)
                {
                    continue;
                }

                try
                {
                    await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                    feed.Publish(await FeedQueries.ByIdsAsync(db, ids, stoppingToken));
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Live feed could not load {Count} new events; closing the streams so their clients catch up", ids.Count);
                    feed.CloseAll();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}

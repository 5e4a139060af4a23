using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311.Core.Data;
using Open311.Core.Feed;

namespace Open311.Api.Admin;

/// <summary>
/// GET /admin/events: every history event the caller may see, as it happens, as Server-Sent Events
/// (<c>id:</c> the event id, <c>data:</c> its JSON). A client that reconnects with Last-Event-ID is
/// first sent what it missed (at most Feed:ReplayLimit events; a full replay ends the stream so the
/// client reconnects for the rest). Silent streams get a comment line every Feed:HeartbeatInterval.
/// </summary>
public static class LiveFeedEndpoint
{
    public const string ContentType = "text/event-stream";

    public static void MapLiveFeed(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/events", StreamAsync).WithName("StreamEvents")
            .WithSummary("Live feed of request history events (Server-Sent Events)")
            .WithDescription("Each history event the caller may see (staff: their department's requests), as it happens on any instance: " +
                "`id:` is the event id, `data:` the event as JSON, without citizen contact data. Send Last-Event-ID to be sent what was missed first. " +
                "Comment lines (`: heartbeat`) keep a silent stream open. A client that reads too slowly is disconnected and catches up by reconnecting. " +
                "Each stream ends after Feed:MaxStreamDuration (5 min), so the account is checked again: reconnect with Last-Event-ID.")
            .Produces<FeedEvent>(StatusCodes.Status200OK, ContentType);

    public static async Task StreamAsync(HttpContext http, ClaimsPrincipal user,
        [FromHeader(Name = "Last-Event-ID"), Description("The id of the last event received; what the caller may see after it is sent first. Not a number: ignored.")] string? lastEventId,
        LiveFeed feed, IDbContextFactory<Open311Db> contexts, IOptions<FeedOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IHostApplicationLifetime lifetime)
    {
        var settings = options.Value;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        stopping.CancelAfter(settings.MaxStreamDuration);
        var cancellationToken = stopping.Token;
        var actor = user.Actor();
        var stream = new EventStream(http.Response, json.Value.SerializerOptions);
        // Subscribed before the missed events are read, so that nothing committed in between is lost.
        using var subscription = feed.Subscribe(actor);
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = ContentType;
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // nginx would otherwise hold the events back
        try
        {
            await stream.CommentAsync("connected", cancellationToken);
            var replayed = new HashSet<long>();
            if (long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var after))
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var missed = await FeedQueries.After(db, actor, after, settings.ReplayLimit).ToListAsync(cancellationToken);
                foreach (var missedEvent in missed)
                {
                    await stream.EventAsync(missedEvent, cancellationToken);
                    replayed.Add(missedEvent.Id);
                }

                if (missed.Count == settings.ReplayLimit)
                {
                    return;
                }
            }

            await StreamLiveAsync(stream, subscription, replayed, settings.HeartbeatInterval, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away, the service is stopping, or the stream lasted Feed:MaxStreamDuration.
        }
    }

    private static async Task StreamLiveAsync(EventStream stream, FeedSubscription subscription, HashSet<long> replayed, TimeSpan heartbeat,
        CancellationToken cancellationToken)
    {
        var events = subscription.Events;
        var waiting = events.WaitToReadAsync(cancellationToken).AsTask();
        while (true)
        {
            if (await Task.WhenAny(waiting, Task.Delay(heartbeat, cancellationToken)) != waiting)
            {
                await stream.CommentAsync("heartbeat", cancellationToken);
                continue;
            }

            // False once the buffer overflowed (or the feed closed it) and what it held was sent.
            if (!await waiting)
            {
                return;
            }

            while (events.TryRead(out var next))
            {
                if (!replayed.Contains(next.Id))
                {
                    await stream.EventAsync(next, cancellationToken);
                }
            }

            waiting = events.WaitToReadAsync(cancellationToken).AsTask();
        }
    }

    /// <summary>The text/event-stream framing: each write is flushed at once.</summary>
    private sealed class EventStream(HttpResponse response, JsonSerializerOptions json)
    {
        public Task EventAsync(FeedEvent feedEvent, CancellationToken cancellationToken) =>
            WriteAsync($"id: {feedEvent.Id.ToString(CultureInfo.InvariantCulture)}\ndata: {JsonSerializer.Serialize(feedEvent, json)}\n\n", cancellationToken);

        public Task CommentAsync(string text, CancellationToken cancellationToken) => WriteAsync($": {text}\n\n", cancellationToken);

        private async Task WriteAsync(string text, CancellationToken cancellationToken)
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }
}

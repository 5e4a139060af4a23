using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Outbox;
using Open311.Core.Requests;

namespace Open311.Core.Notifications;

/// <summary>
/// Tells a citizen of their request on one channel, if they asked for it and can still be
/// reached. "Recorded" goes at once; later changes wait <see cref="NotificationOptions.CoalesceWindow"/>,
/// and a message that finds a later one pending (or already sent) for the same request sends nothing, so a burst
/// of changes reaches the citizen as one message telling the latest state and every public note
/// since the last message sent. The request is read again at delivery: an unsubscribe or an
/// erased contact since the change means nothing is sent.
/// </summary>
public abstract class CitizenMessageConsumer(Open311Db db, JurisdictionDirectory jurisdictions, MessageTemplates templates, MessageValueSource values,
    IOptions<NotificationOptions> options, TimeProvider clock) : IOutboxConsumer
{
    /// <summary>How the delivery note of a message that went out begins: the next message tells what happened since the last one that did.</summary>
    public const string SentNote = "sent: ";

    public abstract string Name { get; }

    protected abstract MessageChannel Channel { get; }

    /// <summary>Whether the citizen asked to be told on this channel (and has not unsubscribed since).</summary>
    protected abstract bool Wants(MessageReader reader);

    /// <summary>Where to tell them; null or blank once the contact is erased or anonymised.</summary>
    protected abstract string? AddressOf(MessageReader reader);

    /// <summary>The followers told on this channel (planned inside the change's transaction, on <c>ix_request_followers_request</c>).</summary>
    protected abstract IQueryable<RequestFollower> Told(IQueryable<RequestFollower> followers);

    /// <summary>Sends the message and says what was used ("template updated/el, 2 SMS segments"), never the address.</summary>
    protected abstract Task<string> SendAsync(OutboxDelivery delivery, MessageReader reader, string address, TemplateText template,
        MessageValues values, CancellationToken cancellationToken);

    /// <summary>Until when this channel must wait at <paramref name="now"/> (SMS at night); null to send now.</summary>
    protected virtual DateTimeOffset? QuietUntil(DateTimeOffset now, TimeZoneInfo zone) => null;

    private string Key => Channel.ToOpen311();

    private string? Reachable(MessageReader reader) => Wants(reader) && AddressOf(reader) is { } address && !string.IsNullOrWhiteSpace(address) ? address : null;

    /// <summary>This consumer's messages to this citizen about the request.</summary>
    private IQueryable<OutboxMessage> Ours(long requestId, string recipient) =>
        db.MessagesAbout(requestId).Where(m => m.Consumer == Name && m.Recipient == recipient);

    /// <summary>The requester, then each follower told on this channel: each its own recipient, so each is sent a change once.</summary>
    public async ValueTask<IReadOnlyList<OutboxRecipient>> RecipientsAsync(ServiceRequest request, RequestEvent change, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!MessageKinds.TellsCitizen(change))
        {
            return OutboxRecipient.None;
        }

        var notBefore = change.Kind == RequestEventKind.Submitted ? (DateTimeOffset?)null : now + options.Value.CoalesceWindow;
        var recipients = new List<OutboxRecipient>();
        if (Reachable(MessageReader.Requester(request)) is not null)
        {
            recipients.Add(new(Key, notBefore));
        }

        // A new request has no followers yet.
        if (change.Kind != RequestEventKind.Submitted)
        {
            var followers = await Told(db.RequestFollowers.Where(f => f.RequestId == request.Id)).Select(f => f.Id).ToListAsync(cancellationToken);
            recipients.AddRange(followers.Select(id => new OutboxRecipient(MessageReader.FollowerKey(id), notBefore)));
        }

        return recipients;
    }

    public async Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().Include(r => r.Service).Include(r => r.State)
            .FirstOrDefaultAsync(r => r.Id == delivery.Event.RequestId, cancellationToken);
        if (request is null)
        {
            return DeliveryResult.Delivered("not sent: the request no longer exists");
        }

        // A follower is read by id, wherever it follows now: the message about a merged duplicate still tells it.
        var reader = MessageReader.FollowerOf(delivery.Recipient) is { } followerId
            ? await db.RequestFollowers.AsNoTracking().Where(f => f.Id == followerId).Select(f => MessageReader.Follower(f)).FirstOrDefaultAsync(cancellationToken)
            : MessageReader.Requester(request);
        if (reader is null)
        {
            return DeliveryResult.Delivered("not sent: the follower no longer exists");
        }

        if (Reachable(reader) is not { } address)
        {
            return DeliveryResult.Delivered(Wants(reader) ? "not sent: no address (the contact was erased)" : "not sent: the citizen unsubscribed");
        }

        var ours = Ours(request.Id, delivery.Recipient);
        // A later message waiting, or one already sent (this one was retried after it), tells more than this one could.
        var later = await ours.Where(m => m.Id > delivery.MessageId
                && (m.Status == DeliveryStatus.Pending || (m.Status == DeliveryStatus.Delivered && m.Note!.StartsWith(SentNote))))
            .OrderByDescending(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
        if (later is not null)
        {
            return DeliveryResult.Delivered($"coalesced into message #{later}");
        }

        // From the directory's cache, zone included: no query per message.
        var jurisdiction = await jurisdictions.FindAsync(delivery.JurisdictionId, cancellationToken)
            ?? throw new InvalidOperationException($"jurisdiction {delivery.JurisdictionId} does not exist");
        if (QuietUntil(clock.GetUtcNow(), jurisdiction.Zone) is { } until)
        {
            return DeliveryResult.Postponed(until, "quiet hours");
        }

        // Everything public since the last message that went out: the ones coalesced into this one had their notes too.
        var lastSent = await ours.Where(m => m.Id < delivery.MessageId && m.Status == DeliveryStatus.Delivered && m.Note!.StartsWith(SentNote))
            .MaxAsync(m => (long?)m.RequestEventId, cancellationToken) ?? 0;
        var notes = await db.RequestEvents.AsNoTracking()
            .Where(e => e.RequestId == request.Id && e.IsPublic && e.Note != null && e.Id > lastSent && e.Id <= delivery.Event.Id)
            .OrderBy(e => e.Id).Select(e => e.Note!).ToListAsync(cancellationToken);
        var kind = MessageKinds.Of(delivery.Event);
        var template = await templates.EffectiveAsync(jurisdiction.Id, kind, Channel, reader.Language, cancellationToken);
        var used = await SendAsync(delivery, reader, address, template, values.For(request, reader, jurisdiction, notes, delivery.Event.OccurredAt),
            cancellationToken);
        return DeliveryResult.Delivered($"{SentNote}template {kind.ToOpen311()}/{reader.Language}{(template.IsDefault ? " (default)" : "")}{used}");
    }
}

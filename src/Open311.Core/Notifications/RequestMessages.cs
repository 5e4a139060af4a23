using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Outbox;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.Notifications;

/// <summary>
/// Everything the outbox holds about one request, for staff who can see it: citizens' e-mail and
/// SMS with the address masked, and every other consumer's messages (staff alerts, webhooks…).
/// It shows (masked) contact data, so each look is audited like a look at the contact.
/// </summary>
public static class RequestMessages
{
    /// <summary>
    /// One message. For a citizen's: its channel (email, sms), the kind of message it is written as (recorded,
    /// updated, closed) and the address as it now stands, masked; those are null for other
    /// consumers' messages, and the address for an erased contact.
    /// </summary>
    public sealed record Message(long Id, string Consumer, string Recipient, string? Channel, string? Template, string? To, long EventId,
        RequestEventKind EventKind, DeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset AvailableAt, DateTimeOffset? DeliveredAt,
        string? Note, string? LastError);

    /// <summary>The outbox messages about one request, every consumer's: found through its events (ix_request_events_request, then ix_outbox_messages_event).</summary>
    public static IQueryable<OutboxMessage> MessagesAbout(this Open311Db db, long requestId) =>
        db.OutboxMessages.AsNoTracking().Where(m => m.Event.RequestId == requestId);

    /// <summary>Oldest first; null when the actor may not see the request.</summary>
    public static async Task<List<Message>?> ListAsync(Open311Db db, StaffActor actor, long requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contact = await db.Requests.AsNoTracking().VisibleTo(actor).Where(r => r.Id == requestId).Select(r => new { r.Contact.Email, r.Contact.Phone }).FirstOrDefaultAsync(cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var rows = await db.MessagesAbout(requestId).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Consumer, m.Recipient, m.Event, m.Status, m.Attempts, m.CreatedAt, m.AvailableAt, m.DeliveredAt, m.Note, m.LastError })
            .ToListAsync(cancellationToken);
        // A follower's messages show the follower's address (it may follow another request now, after a merge).
        var followerIds = rows.Select(m => MessageReader.FollowerOf(m.Recipient)).OfType<long>().Distinct().ToList();
        var followers = await db.RequestFollowers.AsNoTracking().Where(f => followerIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => (f.Email, f.Phone), cancellationToken);
        AuditTrail.RecordContactView(db, actor, requestId, now);
        await db.SaveChangesAsync(cancellationToken);
        return [.. rows.Select(m =>
        {
            MessageChannel? channel = m.Consumer switch
            {
                CitizenEmailConsumer.ConsumerName => MessageChannel.Email,
                CitizenSmsConsumer.ConsumerName => MessageChannel.Sms,
                _ => null,
            };
            var (email, phone) = MessageReader.FollowerOf(m.Recipient) is { } follower
                ? followers.GetValueOrDefault(follower)
                : (contact.Email, contact.Phone);
            var address = channel switch
            {
                MessageChannel.Email => email,
                MessageChannel.Sms => phone,
                _ => null,
            };
            return new Message(m.Id, m.Consumer, m.Recipient, channel?.ToOpen311(), channel is null ? null : MessageKinds.Of(m.Event).ToOpen311(),
                string.IsNullOrWhiteSpace(address) ? null : AddressMask.Mask(address), m.Event.Id, m.Event.Kind, m.Status, m.Attempts, m.CreatedAt,
                m.AvailableAt, m.DeliveredAt, m.Note, m.LastError);
        })];
    }
}

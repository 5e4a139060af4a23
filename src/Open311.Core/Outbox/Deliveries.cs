using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Core.Outbox;

/// <summary>What administrators see of the outbox, and what they may do about a message that is stuck.</summary>
public static class Deliveries
{
    public sealed record Filter(string JurisdictionId, DeliveryStatus? Status, string? Consumer, string? Recipient, long? RequestId, int Page, int PageSize);

    public sealed record Summary(long Id, string Consumer, string Recipient, long RequestId, long EventId, RequestEventKind EventKind, DeliveryStatus Status, int Attempts,
        DateTimeOffset CreatedAt, DateTimeOffset AvailableAt, DateTimeOffset? DeliveredAt, string? LastError, string? Note, Guid IdempotencyKey);

    public sealed record Attempt(int Number, string Worker, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, bool Succeeded, string? Error);

    public enum Outcome
    {
        Done,
        NotFound,
        /// <summary>Not in a state the action applies to: a delivered message is never sent again, a pending one is already on its way.</summary>
        Conflict,
    }

    private static readonly Expression<Func<OutboxMessage, Summary>> ToSummary = m => new Summary(m.Id, m.Consumer, m.Recipient, m.Event.RequestId, m.RequestEventId,
        m.Event.Kind, m.Status, m.Attempts, m.CreatedAt, m.AvailableAt, m.DeliveredAt, m.LastError, m.Note, m.IdempotencyKey);

    /// <summary>Newest first; one row more than the page, so the caller can tell whether another page follows.</summary>
    public static Task<List<Summary>> ListAsync(Open311Db db, Filter filter, CancellationToken cancellationToken)
    {
        var messages = db.OutboxMessages.AsNoTracking().Where(m => m.JurisdictionId == filter.JurisdictionId);
        if (filter.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }

        if (filter.Consumer is { } consumer)
        {
            messages = messages.Where(m => m.Consumer == consumer);
        }

        if (filter.Recipient is { } recipient)
        {
            messages = messages.Where(m => m.Recipient == recipient);
        }

        if (filter.RequestId is { } requestId)
        {
            messages = messages.Where(m => m.Event.RequestId == requestId);
        }

        return messages.OrderByDescending(m => m.Id)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize + 1)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);
    }

    /// <summary>One message with every attempt made at it; null when the jurisdiction has no such message.</summary>
    public static async Task<(Summary Message, List<Attempt> Attempts)?> FindAsync(Open311Db db, string jurisdictionId, long id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id && m.JurisdictionId == jurisdictionId).Select(ToSummary)
            .FirstOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return null;
        }

        var attempts = await db.OutboxAttempts.AsNoTracking().Where(a => a.MessageId == id).OrderBy(a => a.Number)
            .Select(a => new Attempt(a.Number, a.Worker, a.StartedAt, a.FinishedAt, a.Succeeded, a.Error))
            .ToListAsync(cancellationToken);
        return (message, attempts);
    }

    /// <summary>Due again now, keeping its attempts: after the cause of its failures was fixed.</summary>
    public static Task<Outcome> RetryAsync(Open311Db db, AuditActor actor, long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeAsync(db, actor, id, [DeliveryStatus.Failed, DeliveryStatus.Discarded], m => m.Retry(now), now, cancellationToken);

    /// <summary>Never to be delivered: e.g. a message for a receiver that no longer exists.</summary>
    public static Task<Outcome> DiscardAsync(Open311Db db, AuditActor actor, long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeAsync(db, actor, id, [DeliveryStatus.Pending, DeliveryStatus.Failed], m => m.Discard(), now, cancellationToken);

    private static async Task<Outcome> ChangeAsync(Open311Db db, AuditActor actor, long id, DeliveryStatus[] allowedFrom, Action<OutboxMessage> change,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (message is null)
        {
            return Outcome.NotFound;
        }

        if (!allowedFrom.Contains(message.Status))
        {
            return Outcome.Conflict;
        }

        change(message);
        await db.SaveAuditedAsync(actor, now, cancellationToken);
        return Outcome.Done;
    }
}

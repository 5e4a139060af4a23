using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Citizens;
using Open311.Core.Data;
using Open311.Core.Outbox;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.Privacy;

/// <summary>
/// A data subject's requests (GDPR articles 15, 17 and 20): find everything the jurisdiction holds about an
/// e-mail address or a phone number (compared through <c>phone_key</c>), export it, erase it. Every step is
/// recorded in the audit trail, one entry per request touched, without the data.
/// </summary>
public sealed class DataSubjects(Open311Db db, RequestLifecycle lifecycle, OutboxSignal outbox, TimeProvider clock)
{
    public const string Why = "erased on the data subject's request";

    public Task<AdminResult<ContactData>> FindAsync(StaffActor actor, string? email, string? phone, CancellationToken cancellationToken) =>
        ReadAsync(actor, email, phone, AuditAction.ViewedContact, cancellationToken);

    public Task<AdminResult<ContactData>> ExportAsync(StaffActor actor, string? email, string? phone, CancellationToken cancellationToken) =>
        ReadAsync(actor, email, phone, AuditAction.ExportedContact, cancellationToken);

    /// <summary>Anonymises at once every request and follow-up found, waiting for any change in progress on them; the messages stop with it.</summary>
    public async Task<AdminResult<ErasedContact>> EraseAsync(StaffActor actor, string? email, string? phone, CancellationToken cancellationToken)
    {
        if (Check(email, phone) is { } invalid)
        {
            return AdminResult<ErasedContact>.Invalid(invalid);
        }

        await using var transaction = await JoinedTransaction.BeginOrJoinAsync(db.Database, cancellationToken);
        var requests = await db.Requests.HeldAbout(actor.JurisdictionId, email, phone).Select(r => r.Id).ToListAsync(cancellationToken);
        var followUps = await FollowUps(actor, email).Select(f => f.EventId).ToListAsync(cancellationToken);
        var followings = await Followings(actor, email, phone).Select(f => new { f.Id, f.RequestId }).ToListAsync(cancellationToken);
        var touched = requests.Union(await FollowUps(actor, email).Select(f => f.RequestId).ToListAsync(cancellationToken))
            .Union(followings.Select(f => f.RequestId)).Order().ToList();
        // Locked in id order, so two erasures never deadlock; the retention job skips what is locked here.
        await db.LockRequestsAsync(touched, cancellationToken);
        await lifecycle.AnonymiseContactAsync(requests, followUps, [.. followings.Select(f => f.Id)], actor.Name, Why, cancellationToken);
        Audit(actor, touched, AuditAction.ErasedContact);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Raise();
        return AdminResult<ErasedContact>.Done(new(requests.Count, followUps.Count, followings.Count));
    }

    private async Task<AdminResult<ContactData>> ReadAsync(StaffActor actor, string? email, string? phone, string action, CancellationToken cancellationToken)
    {
        if (Check(email, phone) is { } invalid)
        {
            return AdminResult<ContactData>.Invalid(invalid);
        }

        var requests = await db.Requests.HeldAbout(actor.JurisdictionId, email, phone)
            .OrderBy(r => r.Id)
            .Select(r => new HeldRequest(r.Id, r.ProtocolNumber, r.RequestedAt, r.ResolvedAt, r.Description, r.Address, r.Contact, r.NotifyEmail, r.NotifySms))
            .ToListAsync(cancellationToken);
        var followUps = await FollowUps(actor, email)
            .OrderBy(f => f.EventId)
            .Select(f => new HeldFollowUp(f.RequestId, f.ProtocolNumber, f.FollowUp.SentAt, f.Text, f.FollowUp.FirstName, f.FollowUp.LastName, f.FollowUp.Email))
            .ToListAsync(cancellationToken);
        var followings = await Followings(actor, email, phone)
            .OrderBy(f => f.Id)
            .Join(db.Requests, f => f.RequestId, r => r.Id, (f, r) => new { f, r.ProtocolNumber })
            .ToListAsync(cancellationToken);
        var held = followings.Select(x => new HeldFollowing(x.f.RequestId, x.ProtocolNumber, x.f.AddedAt, x.f.Source.ToOpen311(), x.f.Email, x.f.Phone,
            x.f.NotifyEmail, x.f.NotifySms)).ToList();
        Audit(actor, requests.Select(r => r.Id).Union(followUps.Select(f => f.RequestId)).Union(held.Select(f => f.RequestId)), action);
        await db.SaveChangesAsync(cancellationToken);
        return AdminResult<ContactData>.Done(new(email, phone, requests, followUps, held));
    }

    private static List<FieldError>? Check(string? email, string? phone) =>
        (string.IsNullOrWhiteSpace(email), string.IsNullOrWhiteSpace(phone)) switch
        {
            (true, true) or (false, false) => [new("email", "give either an e-mail address or a phone number")],
            (false, _) when !email!.Contains('@', StringComparison.Ordinal) => [new("email", "an e-mail address")],
            (_, false) when PhoneNumbers.International(phone) is null => [new("phone", "a phone number, with digits")],
            _ => null,
        };

    /// <summary>The follow-ups sent with that address on the jurisdiction's requests (<c>ix_citizen_updates_email</c>); they carry no phone.</summary>
    private IQueryable<FollowUpRow> FollowUps(StaffActor actor, string? email)
    {
        var lowered = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        return db.CitizenFollowUps
            .Where(f => lowered != null && f.Email != null && f.Email.ToLower() == lowered)
            .Join(db.RequestEvents, f => f.RequestEventId, e => e.Id, (f, e) => new { f, e })
            .Join(db.Requests.Where(r => r.JurisdictionId == actor.JurisdictionId), x => x.e.RequestId, r => r.Id,
                (x, r) => new FollowUpRow { FollowUp = x.f, EventId = x.e.Id, RequestId = r.Id, ProtocolNumber = r.ProtocolNumber, Text = x.e.Note });
    }

    private IQueryable<RequestFollower> Followings(StaffActor actor, string? email, string? phone) =>
        db.RequestFollowers.AsNoTracking().HeldAbout(db.Requests, actor.JurisdictionId, email, phone);

    private void Audit(StaffActor actor, IEnumerable<long> requestIds, string action)
    {
        var now = clock.GetUtcNow();
        foreach (var id in requestIds.Distinct())
        {
            AuditTrail.RecordContact(db, actor, id, action, now);
        }
    }

    /// <summary>Built with an initialiser, not a constructor, so EF can go on composing queries on its members.</summary>
    private sealed class FollowUpRow
    {
        public required CitizenFollowUp FollowUp { get; init; }
        public required long EventId { get; init; }
        public required long RequestId { get; init; }
        public required string ProtocolNumber { get; init; }
        public string? Text { get; init; }
    }
}

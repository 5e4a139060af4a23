using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.Webhooks;

/// <summary>
/// Administrators' changes to a client app's webhook subscriptions: checked here (a URL the service
/// may call, known event kinds), saved with their audit record. The signing secret exists in the
/// answer to a creation or rotation only; the audit trail records just that it changed.
/// </summary>
public sealed class WebhookAdministration(Open311Db db, WebhookDestinations destinations, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const int MaxUrlLength = 2000;
    public const int MaxDescriptionLength = 500;

    /// <summary>The event kinds a subscription may ask for, as the admin API spells them.</summary>
    public static readonly IReadOnlyList<string> EventKinds = [.. Enum.GetValues<RequestEventKind>().Select(k => k.ToOpen311())];

    /// <summary>A subscription as an administrator writes it; <c>EventKinds</c> null for every kind.</summary>
    public sealed record WebhookDraft(string Url, IReadOnlyList<string>? EventKinds, bool Active, bool Trusted, string? Description);

    public async Task<AdminResult<List<WebhookSubscription>>> ListAsync(StaffActor actor, long clientId, CancellationToken cancellationToken)
    {
        if (!await db.ApiClients.AnyAsync(c => c.Id == clientId && c.JurisdictionId == actor.JurisdictionId, cancellationToken))
        {
            return AdminResult<List<WebhookSubscription>>.NotFound($"no client app {clientId}");
        }

        return AdminResult<List<WebhookSubscription>>.Done(await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.ClientId == clientId).OrderBy(s => s.Id).ToListAsync(cancellationToken));
    }

    public async Task<AdminResult<WebhookSubscription>> FindAsync(StaffActor actor, long clientId, long id, CancellationToken cancellationToken) =>
        await LoadAsync(actor, clientId, id, cancellationToken) is { } subscription
            ? AdminResult<WebhookSubscription>.Done(subscription)
            : AdminResult<WebhookSubscription>.NotFound($"no webhook {id} for client app {clientId}");

    /// <summary>The new subscription and its secret, which this answer alone shows.</summary>
    public async Task<AdminResult<(WebhookSubscription Subscription, string Secret)>> CreateAsync(StaffActor actor, long clientId, WebhookDraft draft,
        CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clientId && c.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (client is null)
        {
            return AdminResult<(WebhookSubscription, string)>.NotFound($"no client app {clientId}");
        }

        if (client.RevokedAt is not null)
        {
            return AdminResult<(WebhookSubscription, string)>.Conflict($"client app {clientId} is revoked");
        }

        if (await CheckAsync(draft, cancellationToken) is { Count: > 0 } errors)
        {
            return AdminResult<(WebhookSubscription, string)>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            JurisdictionId = actor.JurisdictionId, ClientId = clientId, Url = draft.Url, Secret = WebhookSignatures.NewSecret(), CreatedAt = now,
        };
        Apply(subscription, draft, now);
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveAuditedAsync(actor, now, cancellationToken);
        return AdminResult<(WebhookSubscription, string)>.Done((subscription, subscription.Secret));
    }

    public async Task<AdminResult<WebhookSubscription>> UpdateAsync(StaffActor actor, long clientId, long id, WebhookDraft draft, CancellationToken cancellationToken)
    {
        if (await CheckAsync(draft, cancellationToken) is { Count: > 0 } errors)
        {
            return AdminResult<WebhookSubscription>.Invalid(errors);
        }

        return await ChangeAsync(actor, clientId, id, (subscription, now) =>
        {
            Apply(subscription, draft, now);
            return subscription;
        }, cancellationToken);
    }

    /// <summary>Messages already queued for it are then delivered as "gone", without a call.</summary>
    public Task<AdminResult<WebhookSubscription>> DeleteAsync(StaffActor actor, long clientId, long id, CancellationToken cancellationToken) =>
        ChangeAsync(actor, clientId, id, (subscription, _) => db.WebhookSubscriptions.Remove(subscription).Entity, cancellationToken);

    /// <summary>
    /// A new secret, shown in this answer only. The one it replaces keeps signing beside it for
    /// <see cref="WebhookOptions.SecretOverlap"/>, so the receiver can switch without losing a call.
    /// </summary>
    public Task<AdminResult<(WebhookSubscription Subscription, string Secret)>> RotateSecretAsync(StaffActor actor, long clientId, long id,
        CancellationToken cancellationToken) =>
        ChangeAsync(actor, clientId, id, (subscription, now) =>
        {
            (subscription.PreviousSecret, subscription.PreviousSecretExpiresAt) = (subscription.Secret, now + options.Value.SecretOverlap);
            (subscription.Secret, subscription.UpdatedAt) = (WebhookSignatures.NewSecret(), now);
            return (subscription, subscription.Secret);
        }, cancellationToken);

    private async Task<AdminResult<T>> ChangeAsync<T>(StaffActor actor, long clientId, long id, Func<WebhookSubscription, DateTimeOffset, T> change,
        CancellationToken cancellationToken)
    {
        var subscription = await LoadAsync(actor, clientId, id, cancellationToken);
        if (subscription is null)
        {
            return AdminResult<T>.NotFound($"no webhook {id} for client app {clientId}");
        }

        var now = clock.GetUtcNow();
        var changed = change(subscription, now);
        try
        {
            await db.SaveAuditedAsync(actor, now, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AdminResult<T>.Conflict($"webhook {id} was changed at the same moment (its secret rotated); read it again");
        }

        return AdminResult<T>.Done(changed);
    }

    private static void Apply(WebhookSubscription subscription, WebhookDraft draft, DateTimeOffset now)
    {
        subscription.Url = draft.Url;
        subscription.EventKinds = draft.EventKinds is null ? null : [.. draft.EventKinds.Distinct()];
        (subscription.Active, subscription.Trusted, subscription.Description) = (draft.Active, draft.Trusted, string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description);
        subscription.UpdatedAt = now;
    }

    private async Task<List<FieldError>> CheckAsync(WebhookDraft draft, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.Url) || draft.Url.Length > MaxUrlLength)
        {
            errors.Add(new("url", $"required, at most {MaxUrlLength} characters"));
        }
        else if (await destinations.RefusalAsync(draft.Url, cancellationToken) is { } refusal)
        {
            errors.Add(new("url", refusal));
        }

        if (draft.EventKinds is { Count: 0 })
        {
            errors.Add(new("event_kinds", "name at least one event kind, or leave it out for all"));
        }

        foreach (var unknown in draft.EventKinds?.Except(EventKinds) ?? [])
        {
            errors.Add(new("event_kinds", $"'{unknown}' is not an event kind; they are {string.Join(", ", EventKinds)}"));
        }

        if (draft.Description?.Length > MaxDescriptionLength)
        {
            errors.Add(new("description", $"at most {MaxDescriptionLength} characters"));
        }

        return errors;
    }

    private Task<WebhookSubscription?> LoadAsync(StaffActor actor, long clientId, long id, CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id && s.ClientId == clientId && s.JurisdictionId == actor.JurisdictionId, cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Clients;

/// <summary>Administrators' changes to the civic apps allowed to submit requests: checked here, saved with their audit record.</summary>
public sealed class ClientAdministration(Open311Db db, TimeProvider clock)
{
    public const int MaxRateLimitPerMinute = 100_000;

    public sealed record ClientDraft(string Name, string? ContactEmail, int RateLimitPerMinute);

    /// <summary>The new client and its key, which exists only in this answer: the database keeps its hash.</summary>
    public async Task<AdminResult<(ApiClient Client, string Key)>> RegisterAsync(StaffActor actor, ClientDraft draft, CancellationToken cancellationToken)
    {
        if (Check(draft) is { Count: > 0 } errors)
        {
            return AdminResult<(ApiClient, string)>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var (key, client) = ApiKeys.Issue(actor.JurisdictionId, draft.Name, now);
        (client.ContactEmail, client.RateLimitPerMinute) = (draft.ContactEmail, draft.RateLimitPerMinute);
        db.ApiClients.Add(client);
        await db.SaveAuditedAsync(actor, now, cancellationToken);
        return AdminResult<(ApiClient, string)>.Done((client, key));
    }

    public async Task<AdminResult<ApiClient>> UpdateAsync(StaffActor actor, long id, ClientDraft draft, CancellationToken cancellationToken)
    {
        if (Check(draft) is { Count: > 0 } errors)
        {
            return AdminResult<ApiClient>.Invalid(errors);
        }

        return await ChangeAsync(actor, id, c => (c.Name, c.ContactEmail, c.RateLimitPerMinute) = (draft.Name, draft.ContactEmail, draft.RateLimitPerMinute),
            cancellationToken);
    }

    /// <summary>The key stops working at once; revoking twice keeps the first time.</summary>
    public Task<AdminResult<ApiClient>> RevokeAsync(StaffActor actor, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ChangeAsync(actor, id, c => c.RevokedAt ??= now, cancellationToken);
    }

    private async Task<AdminResult<ApiClient>> ChangeAsync(StaffActor actor, long id, Action<ApiClient> change, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id && c.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (client is null)
        {
            return AdminResult<ApiClient>.NotFound($"no client app {id}");
        }

        change(client);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<ApiClient>.Done(client);
    }

    private static List<FieldError> Check(ClientDraft draft)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            errors.Add(new("name", "required"));
        }

        if (draft.RateLimitPerMinute is < 1 or > MaxRateLimitPerMinute)
        {
            errors.Add(new("rate_limit_per_minute", $"between 1 and {MaxRateLimitPerMinute}"));
        }

        return errors;
    }
}

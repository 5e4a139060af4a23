using Microsoft.EntityFrameworkCore;
using Npgsql;
using Open311.Core.Audit;
using Open311.Core.Data;

namespace Open311.Core.Clients;

/// <summary>
/// The client app of the service's own reporting page: registered in <c>api_clients</c> like any other app, so it has a
/// key, a rate limit administrators can change and a revocation, and its requests say which app sent them. It is made
/// the first time a jurisdiction's page asks for its key, and made again after a revocation (a new key: a rotation).
/// </summary>
public sealed class ReportingPageClient(Open311Db db, TimeProvider clock)
{
    public const string Name = "Σελίδα αναφορών του δήμου (/report)";

    /// <summary>The key the page submits with; one indexed look-up, a registration the first time.</summary>
    public async Task<string> KeyAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        if (await FindAsync(jurisdictionId, cancellationToken) is { } key)
        {
            return key;
        }

        var now = clock.GetUtcNow();
        var (issued, client) = ApiKeys.Issue(jurisdictionId, Name, now);
        client.PageKey = issued;
        db.ApiClients.Add(client);
        try
        {
            await db.SaveAuditedAsync(AuditActor.System(jurisdictionId), now, cancellationToken);
            return issued;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another instance registered it at the same moment (ux_api_clients_page): use theirs.
            db.ChangeTracker.Clear();
            return await FindAsync(jurisdictionId, cancellationToken) ?? throw new InvalidOperationException("the reporting page's client app vanished");
        }
    }

    /// <summary>The jurisdiction's live page key: at most one row, on <c>ux_api_clients_page</c>.</summary>
    public static IQueryable<string?> LiveKey(Open311Db db, string jurisdictionId) =>
        db.ApiClients.AsNoTracking()
            .Where(c => c.JurisdictionId == jurisdictionId && c.PageKey != null && c.RevokedAt == null)
            .Select(c => c.PageKey);

    private Task<string?> FindAsync(string jurisdictionId, CancellationToken cancellationToken) =>
        LiveKey(db, jurisdictionId).FirstOrDefaultAsync(cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Data;
using Open311.Core.Outbox;
using Open311.Core.Requests;

namespace Open311.Core.Privacy;

/// <summary>What one batch of the retention job did: counts only, never whose data.</summary>
public sealed record RetentionProgress(string JurisdictionId, int Anonymised, int TotalSoFar);

/// <summary>
/// Anonymises the contact data of closed requests whose jurisdiction's retention has passed since they were
/// resolved. Each batch is one transaction that claims its rows with <c>FOR UPDATE SKIP LOCKED</c>
/// (<c>ix_requests_retention</c>, 0023), so instances running it at once take different requests, and
/// changes them through <see cref="RequestLifecycle"/>. Used by <see cref="RetentionWorker"/> and by hand.
/// </summary>
public sealed class ContactRetention(IServiceScopeFactory scopes, OutboxSignal outbox, IOptions<RetentionOptions> options, TimeProvider clock,
    ILogger<ContactRetention> logger)
{
    public const string Why = "contact data retention passed";

    /// <summary>Runs until nothing more is due; reports each batch. Returns how many requests it anonymised.</summary>
    public async Task<int> RunAsync(IProgress<RetentionProgress>? progress, CancellationToken cancellationToken)
    {
        List<(string Id, int Months)> jurisdictions;
        await using (var scope = scopes.CreateAsyncScope())
        {
            jurisdictions = [.. (await scope.ServiceProvider.GetRequiredService<Open311Db>().Jurisdictions
                .Select(j => new { j.Id, j.ContactRetentionMonths }).ToListAsync(cancellationToken)).Select(j => (j.Id, j.ContactRetentionMonths))];
        }

        var total = 0;
        foreach (var (jurisdiction, months) in jurisdictions)
        {
            var cutoff = clock.GetUtcNow().AddMonths(-months);
            int done;
            do
            {
                done = await BatchAsync(jurisdiction, cutoff, cancellationToken);
                total += done;
                if (done > 0)
                {
                    logger.LogInformation("Anonymised the contact data of {Count} closed requests of {Jurisdiction} (kept {Months} months)",
                        done, jurisdiction, months);
                    progress?.Report(new(jurisdiction, done, total));
                }
            }
            while (done == options.Value.BatchSize);
        }

        return total;
    }

    private async Task<int> BatchAsync(string jurisdictionId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Open311Db>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await db.Database.SqlQuery<long>($"""
            SELECT id AS "Value" FROM service_requests
            WHERE jurisdiction_id = {jurisdictionId} AND contact_anonymised_at IS NULL AND resolved_at < {cutoff}
            ORDER BY resolved_at LIMIT {options.Value.BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var followUps = await db.RequestEvents.Where(e => ids.Contains(e.RequestId) && e.FollowUp != null).Select(e => e.Id).ToListAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<RequestLifecycle>()
            .AnonymiseContactAsync(ids, followUps, RequestLifecycle.SystemActor, Why, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Raise();
        return ids.Count;
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Data;
using Open311.Core.Outbox;
using Open311.Core.Requests;

namespace Open311.Core.Escalation;

/// <summary>
/// Fires escalation rules as their moments come, on every instance at once: each round finds the due
/// requests (<see cref="EscalationQueries.Due"/>, an index scan) and, for each, locks its row with
/// <c>FOR UPDATE SKIP LOCKED</c> if it is still due (<see cref="EscalationQueries.ClaimAsync"/>) and
/// escalates it through <see cref="RequestLifecycle.EscalateAsync"/> in the same transaction. Another
/// instance skips a locked row, and after the commit its next escalation has moved on, so each rule
/// fires once. The alerts go out through the outbox with the events.
/// </summary>
public sealed class EscalationWorker(IServiceScopeFactory scopes, OutboxSignal outbox, IOptions<EscalationOptions> options, TimeProvider clock,
    ILogger<EscalationWorker> logger) : BackgroundService
{
    private readonly EscalationOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var done = 0;
            try
            {
                done = await RunBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The database away, most likely: what was not escalated is still due and is found again next round.
                logger.LogError(exception, "Escalation worker failed to run a batch; retrying");
            }

            // A full batch done: more may be due at once. Otherwise (fewer due, or others held by another
            // instance or failing) wait, so the loop never spins on rows it cannot take.
            if (done < _options.BatchSize)
            {
                try
                {
                    await Task.Delay(_options.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The requests due now, each escalated in a transaction of its own with its row locked: one that fails
    /// is logged and postponed by <see cref="EscalationOptions.RetryAfter"/>, so it holds up no other. How
    /// many were taken and escalated.
    /// </summary>
    private async Task<int> RunBatchAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Open311Db>();
        var lifecycle = scope.ServiceProvider.GetRequiredService<RequestLifecycle>();
        var due = await EscalationQueries.Due(db, clock.GetUtcNow(), _options.BatchSize).ToListAsync(stoppingToken);
        var done = 0;
        foreach (var id in due)
        {
            using var activity = EscalationTelemetry.StartEscalation(id);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(stoppingToken);
                if (!await EscalationQueries.ClaimAsync(db, id, clock.GetUtcNow(), stoppingToken))
                {
                    continue;
                }

                var fired = await lifecycle.EscalateAsync(id, stoppingToken);
                await transaction.CommitAsync(stoppingToken);
                done++;
                if (fired > 0)
                {
                    EscalationTelemetry.Fired(fired);
                    outbox.Raise();
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
                logger.LogError(exception, "Escalating request {RequestId} failed; it is tried again in {RetryAfter}", id, _options.RetryAfter);
                db.ChangeTracker.Clear();
                await PostponeAsync(db, id, stoppingToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return done;
    }

    private async Task PostponeAsync(Open311Db db, long id, CancellationToken stoppingToken)
    {
        try
        {
            var now = clock.GetUtcNow();
            await EscalationQueries.PostponeAsync(db, id, now, now + _options.RetryAfter, stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The database away: the request stays due, and the round's wait keeps the loop from spinning.
            logger.LogError(exception, "Postponing the escalation of request {RequestId} failed", id);
        }
    }
}

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
/// Fires escalation rules as their moments come, on every instance at once: each round claims a
/// batch of due requests with <c>FOR UPDATE SKIP LOCKED</c> (<see cref="EscalationQueries.ClaimDue"/>)
/// and escalates each through <see cref="RequestLifecycle.EscalateAsync"/> in the same transaction.
/// Another instance skips the locked rows, and after the commit their next escalation has moved on,
/// so each rule fires once. The alerts go out through the outbox with the events.
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
            var claimed = 0;
            try
            {
                claimed = await RunBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The database away, most likely: the rolled-back batch is still due and is claimed again next round.
                logger.LogError(exception, "Escalation worker failed to run a batch; retrying");
            }

            if (claimed < _options.BatchSize)
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

    /// <summary>One claimed batch, escalated and committed together; how many requests it held.</summary>
    private async Task<int> RunBatchAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Open311Db>();
        var lifecycle = scope.ServiceProvider.GetRequiredService<RequestLifecycle>();
        await using var transaction = await db.Database.BeginTransactionAsync(stoppingToken);
        var due = await EscalationQueries.ClaimDue(db, clock.GetUtcNow(), _options.BatchSize).ToListAsync(stoppingToken);
        var fired = 0;
        foreach (var id in due)
        {
            fired += await lifecycle.EscalateAsync(id, stoppingToken);
        }

        await transaction.CommitAsync(stoppingToken);
        if (fired > 0)
        {
            outbox.Raise();
            logger.LogInformation("Escalation rules fired {Fired} times on {Requests} requests", fired, due.Count);
        }

        return due.Count;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Data;

namespace Open311.Core.Idempotency;

/// <summary>Deletes expired idempotency keys on every instance, every <see cref="IdempotencyOptions.CleanupInterval"/> (deleting twice is harmless).</summary>
public sealed class IdempotencyCleanup(IServiceScopeFactory scopes, IdempotencyKeys keys, IOptions<IdempotencyOptions> options, TimeProvider clock,
    ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await keys.DeleteExpiredAsync(scope.ServiceProvider.GetRequiredService<Open311Db>(), stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} expired idempotency keys", deleted);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The database away, most likely: the keys are deleted next round, and a key past its time is free meanwhile.
                logger.LogWarning(exception, "Deleting expired idempotency keys failed; retrying in {Interval}", options.Value.CleanupInterval);
            }

            try
            {
                await Task.Delay(options.Value.CleanupInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

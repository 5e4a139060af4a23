using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Open311.Core.RateLimits;

/// <summary>
/// Drops ended rate-limit windows every few minutes, on every instance: two deleting at once only
/// delete nothing twice, and a table of a few thousand live rows is not worth electing a leader for.
/// </summary>
public sealed class RateLimitCleanup(SharedRateLimits limits, TimeProvider clock, ILogger<RateLimitCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
                await limits.CleanAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The database away, most likely: the old windows are still there next round and count for nothing meanwhile.
                logger.LogWarning(exception, "Ended rate-limit windows could not be deleted; trying again in {Interval}", Interval);
            }
        }
    }
}

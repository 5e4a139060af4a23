using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Open311.Core.Privacy;

/// <summary>Runs <see cref="ContactRetention"/> on every instance, every <see cref="RetentionOptions.PollInterval"/>.</summary>
public sealed class RetentionWorker(ContactRetention retention, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await retention.RunAsync(progress: null, stoppingToken);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The database away, most likely: what was not anonymised is still due and is found next round.
                logger.LogError(exception, "Contact retention failed to run; retrying in {PollInterval}", options.Value.PollInterval);
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Open311.Core.Data;

namespace Open311.Api.Hosting;

/// <summary>
/// Readiness: can this instance reach PostgreSQL now? One connection and <c>SELECT 1</c> within
/// <see cref="AvailabilityOptions.ReadinessTimeout"/>, the answer kept for
/// <see cref="AvailabilityOptions.ReadinessCacheFor"/> and shared by concurrent probes.
/// </summary>
public sealed class DatabaseReadiness(NpgsqlDataSource dataSource, IOptions<AvailabilityOptions> options, TimeProvider clock) : IHealthCheck
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && clock.GetUtcNow() - last.At < options.Value.ReadinessCacheFor)
            {
                return last.Result;
            }

            var result = await PingAsync(cancellationToken);
            _last = (clock.GetUtcNow(), result);
            return result;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<HealthCheckResult> PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ReadinessTimeout);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("PostgreSQL answers");
        }
        catch (Exception exception) when (DatabaseUnavailable.Is(exception)
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unavailable");
        }
    }
}

using System.Threading.RateLimiting;
using Open311.Core.Clients;

namespace Open311.Api.GeoReport;

/// <summary>
/// Each client app may submit at most its <see cref="ApiClient.RateLimitPerMinute"/> requests a
/// minute (per instance of the service). The limit is part of the key, so a changed limit applies at once.
/// </summary>
public sealed class ClientRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<(long Client, int Limit)> _limiter =
        PartitionedRateLimiter.Create<(long Client, int Limit), (long Client, int Limit)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
            {
                PermitLimit = k.Limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));

    public bool TryAcquire(ApiClient client)
    {
        using var lease = _limiter.AttemptAcquire((client.Id, client.RateLimitPerMinute));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

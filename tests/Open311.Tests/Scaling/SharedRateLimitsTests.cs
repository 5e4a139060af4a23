using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.RateLimits;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Scaling;

/// <summary>The counters behind every shared limit (migration 0031), on the real database.</summary>
public class SharedRateLimitsTests(Open311App app) : IClassFixture<Open311App>
{
    [Fact]
    public async Task AWindowRefusesPastItsLimit_SaysHowLongItRuns_AndStartsAgainOnceEnded()
    {
        var limits = app.Services.GetRequiredService<SharedRateLimits>();
        var window = TimeSpan.FromSeconds(4);

        Assert.True((await limits.TryTakeAsync("test:window", 2, window, CancellationToken.None)).Allowed);
        Assert.True((await limits.TryTakeAsync("test:window", 2, window, CancellationToken.None)).Allowed);
        var refused = await limits.TryTakeAsync("test:window", 2, window, CancellationToken.None);
        Assert.False(refused.Allowed);
        Assert.InRange(refused.RetryAfter, TimeSpan.Zero, window);
        // Another key has a window of its own.
        Assert.True((await limits.TryTakeAsync("test:other", 2, window, CancellationToken.None)).Allowed);

        await Task.Delay(refused.RetryAfter + TimeSpan.FromMilliseconds(100));
        Assert.True((await limits.TryTakeAsync("test:window", 2, window, CancellationToken.None)).Allowed);
    }

    [Fact]
    public async Task CleaningDropsOnlyWindowsOlderThanTheLongest()
    {
        var limits = app.Services.GetRequiredService<SharedRateLimits>();
        await using var db = app.Db();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO rate_limit_windows (key, window_start, hits) VALUES ('test:old', now() - interval '61 minutes', 5), ('test:recent', now() - interval '59 minutes', 5)");

        Assert.True(await limits.CleanAsync(CancellationToken.None) >= 1);

        var left = await db.Database.SqlQueryRaw<string>("SELECT key AS \"Value\" FROM rate_limit_windows WHERE key LIKE 'test:%'").ToListAsync();
        Assert.Contains("test:recent", left);
        Assert.DoesNotContain("test:old", left);
    }
}

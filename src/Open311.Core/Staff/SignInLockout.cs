using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Staff;

/// <summary>
/// Per-account lockout (NIST SP 800-63B-4 §3.2.2, rate limiting): a few free failures, then each
/// further failure locks the username for twice as long as the last, up to a cap. Kept in
/// PostgreSQL so every instance sees it; keyed by the name typed, so an unknown name behaves like
/// a real one. The per-address limit still stops one client from trying many names.
/// </summary>
public sealed class SignInLockout(Open311Db db, TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstLock = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestLock = TimeSpan.FromHours(1);

    /// <summary>How long <paramref name="username"/> stays locked; null when it may try now.</summary>
    public async Task<TimeSpan?> LockedForAsync(string username, CancellationToken cancellationToken)
    {
        var until = await db.Database
            .SqlQuery<DateTimeOffset?>($"SELECT locked_until AS \"Value\" FROM sign_in_failures WHERE username = {username}")
            .FirstOrDefaultAsync(cancellationToken);
        var left = until - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Counts a failure; returns how long the username is now locked, if it is.</summary>
    public async Task<TimeSpan?> FailedAsync(string username, CancellationToken cancellationToken)
    {
        var failures = await db.Database
            .SqlQuery<int>($"""
                INSERT INTO sign_in_failures AS f (username, failures) VALUES ({username}, 1)
                ON CONFLICT (username) DO UPDATE SET failures = f.failures + 1
                RETURNING failures AS "Value"
                """)
            .ToListAsync(cancellationToken);
        if (LockFor(failures.Single()) is not { } lockFor)
        {
            return null;
        }

        var until = clock.GetUtcNow() + lockFor;
        await db.Database.ExecuteSqlAsync($"UPDATE sign_in_failures SET locked_until = {until} WHERE username = {username}", cancellationToken);
        return lockFor;
    }

    public Task SucceededAsync(string username, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM sign_in_failures WHERE username = {username}", cancellationToken);

    /// <summary>The backoff: nothing for the free failures, then 30 s, 1 min, 2 min … up to an hour.</summary>
    public static TimeSpan? LockFor(int failures) =>
        failures <= FreeFailures
            ? null
            : TimeSpan.FromTicks(Math.Min(LongestLock.Ticks, FirstLock.Ticks << Math.Min(failures - FreeFailures - 1, 20)));
}

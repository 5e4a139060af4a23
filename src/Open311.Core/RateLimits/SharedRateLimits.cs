using Npgsql;
using NpgsqlTypes;

namespace Open311.Core.RateLimits;

/// <summary>Whether a call may go on, and when its key's window opens again if not.</summary>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// Fixed-window rate limits counted in PostgreSQL (table <c>rate_limit_windows</c>, migration 0031),
/// so N instances behind a load balancer allow a client no more than one instance would: an app's
/// submissions, sign-in attempts and citizens' page views per address. One statement per call on the
/// primary, prepared once per connection. Windows start at a key's first call and are timed by the
/// database's clock, which every instance shares, rather than by each instance's own.
/// </summary>
public sealed class SharedRateLimits(NpgsqlDataSource dataSource)
{
    /// <summary>The longest window a limit may use; <see cref="RateLimitCleanup"/> drops windows older than this.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromHours(1);

    // A window that has ended starts again at this call; a refused call changes nothing (the WHERE),
    // so a flood writes no more than the limit's worth. The outer SELECT sees the row as it was
    // before the statement: for a refused call, the window that refused it.
    private const string Take = """
        WITH taken AS (
            INSERT INTO rate_limit_windows AS w (key, window_start, hits) VALUES ($1, now(), 1)
            ON CONFLICT (key) DO UPDATE SET
                window_start = CASE WHEN w.window_start <= now() - $3 THEN now() ELSE w.window_start END,
                hits = CASE WHEN w.window_start <= now() - $3 THEN 1 ELSE w.hits + 1 END
            WHERE w.window_start <= now() - $3 OR w.hits < $2
            RETURNING 1)
        SELECT EXISTS (SELECT FROM taken), (SELECT window_start + $3 - now() FROM rate_limit_windows WHERE key = $1)
        """;

    /// <summary>Counts one call of <paramref name="key"/> if fewer than <paramref name="limit"/> were counted in the current window.</summary>
    public async Task<RateDecision> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, LongestWindow);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Take, connection)
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlDbType.Text, Value = key },
                new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = limit },
                new() { NpgsqlDbType = NpgsqlDbType.Interval, Value = window },
            },
        };
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetBoolean(0) ? new(true, TimeSpan.Zero) : new(false, reader.GetTimeSpan(1));
    }

    /// <summary>Deletes the windows that ended before the longest window could still be counting; returns how many.</summary>
    public async Task<int> CleanAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM rate_limit_windows WHERE window_start < now() - $1");
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.Interval, Value = LongestWindow });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

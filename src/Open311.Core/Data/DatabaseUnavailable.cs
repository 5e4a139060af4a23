using Npgsql;

namespace Open311.Core.Data;

/// <summary>
/// The one rule for "PostgreSQL is away" (stopped, restarting, unreachable, refusing connections),
/// as opposed to a failure of the statement itself: the former is worth a 503 and a retry, the
/// latter is a bug or a conflict. EF Core wraps the driver's exception (DbUpdateException, the
/// execution strategy's InvalidOperationException), so the whole chain is looked at.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        PostgresException postgres => IsUnavailableState(postgres.SqlState),
        // Raised by the driver itself, not the server: a refused or broken socket, a stream cut mid-answer,
        // a timeout opening a connection or waiting for one; Npgsql marks exactly those transient.
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException => false,
        _ => Is(exception.InnerException),
    };

    /// <summary>
    /// Connection exceptions (class 08), the server shutting down by an administrator or a crash
    /// (57P01, 57P02), starting up or in recovery (57P03), or out of connection slots (53300).
    /// </summary>
    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
}
